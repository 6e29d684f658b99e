/** The card browser's and the pickers' reducers, without rendering. */
import { describe, expect, test } from 'vitest';
import { browseReducer, initialBrowse, type BrowseAction, type BrowseState } from '../../../../src/ui/screens/browse/browseState.js';
import { initialPicker, pickedValues, pickerReducer, quizFields, cramFields, scopeChoices, parseScope } from '../../../../src/ui/screens/pickers/pickerModel.js';
import { splitChunk, NO_KEY } from '../../../../src/ui/keymap.js';
import { en } from '../../../../src/ui/i18n/en.js';
import { ko } from '../../../../src/ui/i18n/ko.js';

const run = (s: BrowseState, ...actions: BrowseAction[]) => actions.reduce(browseReducer, s);
const counts = { decks: 3, tags: 2 };

describe('browse reducer', () => {
  test('letters go to the text filter wherever the focus is; the highlight goes back to the top', () => {
    let s = run(initialBrowse(), { type: 'move', by: 5, count: 10 });
    expect(s.selected).toBe(5);
    s = run(s, { type: 'focus', by: 1 }, { type: 'insert', text: '레이어' });
    expect(s).toMatchObject({ query: '레이어', cursor: 3, focus: 'deck', selected: 0 });
    s = run(s, { type: 'backspace' });
    expect(s.query).toBe('레이');
    expect(run(s, { type: 'clear' }).query).toBe('');
  });

  test('Tab / Shift+Tab walk the controls and wrap; ←/→ change the focused one or move the text cursor', () => {
    let s = initialBrowse('ab');
    s = run(s, { type: 'option', by: -1, counts });
    expect(s.cursor).toBe(1);
    s = run(s, { type: 'focus', by: -1 });
    expect(s.focus).toBe('sort');
    s = run(s, { type: 'option', by: 1, counts });
    expect(s.sort).toBe(1);
    s = run(s, { type: 'focus', by: -1 }, { type: 'option', by: -1, counts });
    // Show: from "all" back to the last filter (buried).
    expect(s).toMatchObject({ focus: 'filter', filter: 6 });
    s = run(s, { type: 'focus', by: -1 }, { type: 'option', by: 1, counts }, { type: 'option', by: 1, counts });
    expect(s).toMatchObject({ focus: 'tag', tag: 0 });
    s = run(s, { type: 'focus', by: -1 }, { type: 'option', by: -1, counts });
    expect(s).toMatchObject({ focus: 'deck', deck: 2 });
    expect(run(s, { type: 'focus', by: -1 }, { type: 'focus', by: -1 }).focus).toBe('sort');
    expect(initialBrowse('', 'suspended').filter).toBe(4);
  });

  test('the highlight stays in the list', () => {
    expect(run(initialBrowse(), { type: 'move', by: -3, count: 10 }).selected).toBe(0);
    expect(run(initialBrowse(), { type: 'move', by: 30, count: 10 }).selected).toBe(9);
    expect(run(initialBrowse(), { type: 'move', by: 1, count: 0 }).selected).toBe(0);
  });

  test('a chunk of several keys splits into keys; plain text is left alone', () => {
    expect(splitChunk('abc')).toBeUndefined();
    expect(splitChunk('\t')).toBeUndefined();
    const keys = splitChunk('\t\t\x1b[C레\x1b[Z\r')!;
    expect(keys.map((k) => [k.input, k.key.tab, k.key.shift, k.key.rightArrow, k.key.return])).toEqual([
      ['', true, false, false, false],
      ['', true, false, false, false],
      ['', false, false, true, false],
      ['레', false, false, false, false],
      ['', true, true, false, false],
      ['', false, false, false, true],
    ]);
    expect(keys[3]!.key).toEqual(NO_KEY);
  });
});

describe('pickers', () => {
  const scope = scopeChoices([{ id: 'a', title: 'A' }], ['net'], en);
  test('remembered values come back; a deck from Home wins; a value that is gone falls back to the first', () => {
    const fields = quizFields(scope, en);
    let s = initialPicker(fields, { mode: 'typed', count: '20', scope: 'tag:net', weakest: 'on' });
    expect(pickedValues(fields, s)).toEqual({ mode: 'typed', count: '20', scope: 'tag:net', weakest: 'on' });
    expect(s.focus).toBe(fields.length);
    s = initialPicker(fields, { scope: 'tag:gone' }, { scope: 'deck:a' });
    expect(pickedValues(fields, s).scope).toBe('deck:a');
    expect(pickedValues(fields, initialPicker(fields, { scope: 'tag:gone' })).scope).toBe('all');
  });

  test('↑/↓ move over the fields and Start, ←/→ change the focused field and wrap; Start has no values', () => {
    const fields = quizFields(scope, en);
    const counts = fields.map((f) => f.choices.length);
    let s = initialPicker(fields, {});
    s = pickerReducer(s, { type: 'option', by: 1, counts });
    expect(s.chosen).toEqual(initialPicker(fields, {}).chosen);
    s = pickerReducer(s, { type: 'focus', by: 1, rows: fields.length + 1 });
    expect(s.focus).toBe(0);
    s = pickerReducer(s, { type: 'option', by: -1, counts });
    expect(pickedValues(fields, s).mode).toBe('mixed');
    s = pickerReducer(pickerReducer(s, { type: 'option', by: 1, counts }), { type: 'option', by: 1, counts });
    expect(pickedValues(fields, s).mode).toBe('typed');
    expect(parseScope('tag:net')).toEqual({ tag: 'net' });
    expect(parseScope('deck:a')).toEqual({ deckId: 'a' });
    expect(parseScope('all')).toEqual({});
  });

  test('interview dates start tomorrow, 60 of them, labelled D-n in both languages', () => {
    const now = Date.parse('2026-12-01T09:00:00Z');
    const until = cramFields(scope, now, 4, ko).find((f) => f.id === 'until')!;
    expect(until.choices[0]).toEqual({ value: '', label: '없음' });
    expect(until.choices[1]).toEqual({ value: '2026-12-02', label: '12/2 (D-1)' });
    expect(until.choices).toHaveLength(61);
  });
});
