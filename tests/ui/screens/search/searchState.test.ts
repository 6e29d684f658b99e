import { expect, test } from 'vitest';
import { initialSearch, searchReducer } from '../../../../src/ui/screens/search/searchState.js';

test('typed and pasted text inserts at the cursor, whole (IME commits and pastes arrive as one input)', () => {
  let s = initialSearch();
  s = searchReducer(s, { type: 'insert', text: '레이어' });
  expect(s).toEqual({ query: '레이어', cursor: 3, selected: 0 });
  s = searchReducer(s, { type: 'left' });
  s = searchReducer(s, { type: 'left' });
  s = searchReducer(s, { type: 'insert', text: 'ab' });
  expect(s.query).toBe('레ab이어');
  expect(s.cursor).toBe(3);
});

test('pasted control characters and newlines never reach the query; decomposed Hangul is composed', () => {
  const s = searchReducer(initialSearch(), { type: 'insert', text: 'a\u001b[31mb\nc\u0007' });
  expect(s.query).toBe('ab c');
  const nfd = searchReducer(initialSearch(), { type: 'insert', text: '\u1105\u1166' });
  expect(nfd.query).toBe('레');
});

test('backspace removes one character before the cursor (a whole syllable, an emoji)', () => {
  let s = initialSearch('컨테이너😀');
  s = searchReducer(s, { type: 'backspace' });
  expect(s.query).toBe('컨테이너');
  s = searchReducer({ ...s, cursor: 0 }, { type: 'backspace' });
  expect(s.query).toBe('컨테이너');
  expect(searchReducer(s, { type: 'right' }).cursor).toBe(0 + 1);
});

test('moving the highlight stays within the results; typing resets it', () => {
  let s = initialSearch('x');
  s = searchReducer(s, { type: 'move', by: 1, count: 3 });
  s = searchReducer(s, { type: 'move', by: 5, count: 3 });
  expect(s.selected).toBe(2);
  s = searchReducer(s, { type: 'move', by: -9, count: 3 });
  expect(s.selected).toBe(0);
  s = searchReducer({ ...s, selected: 2 }, { type: 'insert', text: 'y' });
  expect(s.selected).toBe(0);
  expect(searchReducer({ ...s, selected: 4 }, { type: 'move', by: 1, count: 0 }).selected).toBe(0);
});

test('Backspaces that arrive in one chunk with other keys still delete', () => {
  expect(searchReducer(initialSearch('레이어'), { type: 'insert', text: '\u007f\u007f\u007f' }).query).toBe('');
  expect(searchReducer(initialSearch('ab'), { type: 'insert', text: '\u007fc\bd' }).query).toBe('ad');
});
