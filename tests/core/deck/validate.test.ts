import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDeck, parseDeckText, formatProblem, MAX_DECK_BYTES, firstInvalidUtf8 } from '../../../src/core/deck/validate.js';
import { combineDecks } from '../../../src/core/deck/collection.js';
import { deckItems } from '../../../src/core/deck/items.js';
import { answerText, promptText } from '../../../src/core/deck/cards.js';

const good = readFileSync(new URL('../../fixtures/decks/good/mini.json', import.meta.url), 'utf8');
const enc = (s: string) => new TextEncoder().encode(s);
const deckWith = (cards: string) =>
  `{\n  "id": "t",\n  "title": "T",\n  "description": "d",\n  "language": "ko",\n  "cards": [\n${cards}\n  ]\n}\n`;
const errors = (text: string) => parseDeckText('t.json', text).problems.filter((p) => p.severity === 'error');

describe('parseDeck on a good deck', () => {
  it('loads every card type with no problems', () => {
    const r = parseDeck('mini.json', enc(good));
    expect(r.problems).toEqual([]);
    expect(r.deck?.cards.map((c) => c.type)).toEqual(['basic', 'reversible', 'cloze', 'choice', 'typed', 'order', 'interview']);
  });

  it('accepts a UTF-8 BOM and CRLF line endings', () => {
    const crlf = `\ufeff${good.replace(/\n/g, '\r\n')}`;
    const r = parseDeck('crlf.json', enc(crlf));
    expect(r.problems).toEqual([]);
    expect(r.deck?.cards).toHaveLength(7);
  });

  it('normalises decomposed Hangul (macOS NFD) to NFC', () => {
    const nfd = good.normalize('NFD');
    expect(nfd).not.toBe(good);
    const r = parseDeck('nfd.json', enc(nfd));
    expect(r.deck?.cards[0]?.front).toBe('레이어란?');
    expect(r.deck?.cards[0]?.front).toBe('레이어란?'.normalize('NFC'));
  });

  it('makes a reversible card two sibling items and renders each side', () => {
    const deck = parseDeck('mini.json', enc(good)).deck!;
    const items = deckItems(deck);
    expect(items.map((i) => i.key)).toContain('mini-runtime~rev');
    const rev = items.find((i) => i.key === 'mini-runtime~rev')!;
    expect(promptText(rev.card, rev.direction)).toBe('container runtime');
    expect(answerText(rev.card, rev.direction)).toBe('컨테이너 런타임');
    const cloze = deck.cards.find((c) => c.type === 'cloze')!;
    expect(promptText(cloze)).toBe('이미지는 [...] 템플릿이다');
    expect(answerText(cloze)).toBe('이미지는 읽기 전용 템플릿이다');
  });
});

describe('bad decks get one clear message with file, line and column', () => {
  it('trailing comma', () => {
    const p = errors(deckWith('    { "id": "a", "type": "basic", "front": "f", "back": "b" },'));
    expect(p).toHaveLength(1);
    expect(formatProblem(p[0]!)).toBe('t.json:8:3: invalid JSON: trailing comma before ] (remove the last comma)');
  });

  it('unclosed string', () => {
    const p = errors(deckWith('    { "id": "a", "type": "basic", "front": "f, "back": "b" }'));
    expect(p[0]?.message).toMatch(/invalid JSON/);
    expect(p[0]?.location?.line).toBe(7);
  });

  it('a string that never closes before the end of the line', () => {
    const p = errors('{ "id": "t\n}');
    expect(p[0]?.message).toBe('invalid JSON: unclosed string: a line break inside a string');
    expect(p[0]?.location).toEqual({ line: 1, column: 9 });
  });

  it('wrong types, missing and empty fields, all reported at once', () => {
    const p = errors(
      deckWith(
        [
          '    { "id": "a", "type": "basic", "front": 3, "back": "b" },',
          '    { "id": "b", "type": "basic", "front": "f" },',
          '    { "id": "c", "type": "basic", "front": "   ", "back": "b" },',
          '    { "id": "d", "type": "basic", "front": "f", "back": "b" }',
        ].join('\n'),
      ),
    );
    expect(p.map((x) => [x.location?.line, x.message])).toEqual([
      [7, '"front" must be a string, found a number'],
      [8, 'card is missing "back"'],
      [9, '"front" is empty'],
    ]);
    // Column points at the value.
    expect(p[0]?.location?.column).toBe(44);
  });

  it('a bad card is skipped; the rest of the deck still loads', () => {
    const r = parseDeckText('t.json', deckWith('    { "id": "a", "type": "basic", "front": 3, "back": "b" },\n    { "id": "d", "type": "basic", "front": "f", "back": "b" }'));
    expect(r.deck?.cards.map((c) => c.id)).toEqual(['d']);
  });

  it('unknown card type names the allowed types', () => {
    const p = errors(deckWith('    { "id": "a", "type": "flash", "front": "f", "back": "b" }'));
    expect(p[0]?.message).toBe('unknown card type "flash"');
    expect(p[0]?.hint).toContain('basic, reversible, cloze, choice, typed, order, interview');
    expect(p[0]?.location).toEqual({ line: 7, column: 26 });
  });

  it('duplicate card ids within a deck', () => {
    const p = errors(deckWith('    { "id": "a", "type": "basic", "front": "f", "back": "b" },\n    { "id": "a", "type": "basic", "front": "g", "back": "c" }'));
    expect(p[0]?.message).toBe('duplicate card id "a" (also card 1)');
    expect(p[0]?.location?.line).toBe(8);
  });

  it('missing deck fields reject the deck', () => {
    const r = parseDeckText('t.json', '{ "id": "t", "cards": [ { "id": "a", "type": "basic", "front": "f", "back": "b" } ] }');
    expect(r.deck).toBeUndefined();
    expect(r.problems.map((p) => p.message)).toEqual(['deck is missing "title"', 'deck is missing "description"', 'deck is missing "language"']);
  });

  it('unknown fields are named', () => {
    const p = errors(deckWith('    { "id": "a", "type": "basic", "front": "f", "back": "b", "bakc": "x" }'));
    expect(p[0]?.message).toBe('unknown field "bakc" in card');
  });

  it('cloze without a gap and a choice whose distractor is the answer', () => {
    const p = errors(deckWith('    { "id": "a", "type": "cloze", "front": "no gap" },\n    { "id": "b", "type": "choice", "front": "q", "answer": "x", "distractors": ["x"] }'));
    expect(p.map((x) => x.message)).toEqual(['cloze card has no {{gap}}', 'a distractor is the same as the answer']);
  });

  it('a typed card may have distractors (for when it is asked as multiple choice), never the answer among them', () => {
    const ok = parseDeckText('t.json', deckWith('    { "id": "a", "type": "typed", "front": "q", "answer": "x", "distractors": ["y", "z"] }'));
    expect(ok.problems).toEqual([]);
    expect(ok.deck?.cards[0]).toMatchObject({ type: 'typed', distractors: ['y', 'z'] });
    const p = errors(deckWith('    { "id": "b", "type": "typed", "front": "q", "answer": "x", "distractors": ["x"] }'));
    expect(p.map((x) => x.message)).toEqual(['a distractor is the same as the answer']);
  });

  it('binary garbage, invalid UTF-8, empty file and oversize files are refused before parsing', () => {
    expect(parseDeck('b.json', new Uint8Array([0x7b, 0x00, 0xff, 0x10])).problems[0]?.message).toBe('binary file, not a JSON deck');
    const bad = parseDeck('u.json', new Uint8Array([...enc('{\n "id": "'), 0xc3, 0x28, ...enc('" }')]));
    expect(bad.problems[0]?.message).toBe('invalid UTF-8');
    expect(bad.problems[0]?.location).toEqual({ line: 2, column: 9 });
    expect(parseDeck('e.json', new Uint8Array()).problems[0]?.message).toBe('file is empty');
    const big = new Uint8Array(MAX_DECK_BYTES + 1).fill(0x20);
    expect(parseDeck('big.json', big).problems[0]?.message).toMatch(/limited to 20 MB/);
  });

  it('finds the first invalid UTF-8 byte, including overlongs and surrogates', () => {
    expect(firstInvalidUtf8(enc('레이어 layer'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xe4, 0xb8]))).toBe(0); // truncated
  });

  it('a JSON array or a number is not a deck', () => {
    expect(errors('[]')[0]?.message).toBe('a deck must be a JSON object, found an array');
    expect(errors('42')[0]?.message).toBe('a deck must be a JSON object, found a number');
  });
});

describe('control characters in deck text', () => {
  it('are stripped on load and reported as a warning', () => {
    const evil = deckWith('    { "id": "a", "type": "basic", "front": "hi\\u001b]0;pwned\\u0007 \\u001b]52;c;ZXZpbA==\\u0007there\\u001b[2J", "back": "b\\u0007\\u009b31m" }');
    const r = parseDeckText('t.json', evil);
    expect(r.deck?.cards[0]).toMatchObject({ front: 'hi there', back: 'b' });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'warning', message: 'terminal control characters were removed from the deck text' });
  });
});

describe('across decks', () => {
  const deck = (id: string, cardIds: string[]) =>
    parseDeckText(`${id}.json`, JSON.stringify({ id, title: id, description: 'd', language: 'ko', cards: cardIds.map((c) => ({ id: c, type: 'basic', front: 'f', back: 'b' })) })).deck!;
  it('a duplicate deck id is refused and a duplicate card id skipped; the rest load', () => {
    const r = combineDecks([
      { deck: deck('one', ['a', 'b']), file: 'one.json', origin: 'bundled', text: '1' },
      { deck: deck('one', ['c']), file: 'copy.json', origin: 'user', text: '2' },
      { deck: deck('two', ['b', 'd']), file: 'two.json', origin: 'user', text: '3' },
    ]);
    expect(r.decks.map((d) => [d.deck.id, d.deck.cards.map((c) => c.id)])).toEqual([
      ['one', ['a', 'b']],
      ['two', ['d']],
    ]);
    expect(r.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'copy.json: duplicate deck id "one" (already used by one.json); this deck was not loaded',
      'two.json: duplicate card id "b" (already used in deck "one"); this card was skipped',
    ]);
  });
});

describe('validation gaps (F11)', () => {
  const card = (extra: string) => deckWith(`    { "id": "c1", "type": "basic", "front": "q", "back": "a"${extra} }`);

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('"%s" is an unknown field, in a card and in the deck', (key) => {
    const inCard = errors(card(`, "${key}": {"x": 1}`));
    expect(inCard.map((p) => p.message)).toEqual([`unknown field "${key}" in card`]);
    // At the field's value: where the field is written.
    expect(inCard[0]!.location).toEqual({ line: 7, column: card(`, "${key}": {"x": 1}`).split('\n')[6]!.indexOf('{"x"') + 1 });
    const inDeck = errors(deckWith(`    { "id": "c1", "type": "basic", "front": "q", "back": "a" }`).replace('"id": "t"', `"${key}": 1, "id": "t"`));
    expect(inDeck.map((p) => p.message)).toContain(`unknown field "${key}" in deck`);
  });

  it('a duplicate key is always an error at its second occurrence, also when nothing else is wrong', () => {
    const text = deckWith(`    {\n      "id": "c1",\n      "type": "basic",\n      "front": "first",\n      "front": "second",\n      "back": "a"\n    }`);
    const r = parseDeckText('t.json', text);
    expect(r.problems.map(formatProblem)).toEqual(['t.json:11:7: "front" is given twice in this object (only the last one would count) (remove one of them)']);
    // Escaped spellings of the same key are the same key; the same key in two objects is fine.
    expect(errors(card(', "b\\u0061ck": "b"')).map((p) => p.message)).toEqual(['"back" is given twice in this object (only the last one would count)']);
    expect(errors(deckWith(`    { "id": "c1", "type": "basic", "front": "q", "back": "a" },\n    { "id": "c2", "type": "basic", "front": "q", "back": "a" }`))).toEqual([]);
  });

  it('other problems keep their own locations when the file has a duplicate key', () => {
    const text = deckWith(`    { "id": "c1", "type": "basic", "front": "q", "back": "a", "back": "b" },\n    { "id": "c2", "type": "basic", "front": 5, "back": "a" }`);
    const found = errors(text).map((p) => `${p.location?.line}:${p.location?.column} ${p.message}`);
    expect(found).toEqual(['7:63 "back" is given twice in this object (only the last one would count)', '8:45 "front" must be a string, found a number']);
  });

  it('an id with control characters is an error, not silently sanitised into a valid id', () => {
    const r = parseDeckText('t.json', deckWith(`    { "id": "h31\\u001b]0;IDPWN31\\u0007", "type": "basic", "front": "q", "back": "a" },\n    { "id": "ok", "type": "basic", "front": "q", "back": "a" }`));
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual(['"id" contains control characters']);
    expect(r.deck!.cards.map((c) => c.id)).toEqual(['ok']);
    expect(errors(deckWith(`    { "id": "c1", "type": "basic", "front": "q", "back": "a" }`).replace('"id": "t"', '"id": "t\\u0007"')).map((p) => p.message)).toContain('"id" contains control characters');
  });

  it.each([100, 4_000, 100_000])('nesting %i levels deep is a file:line:col error, not a stack overflow', (depth) => {
    const tags = `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
    const r = parseDeckText('t.json', card(`, "tags": ${tags}`));
    expect(r.deck).toBeUndefined();
    expect(r.problems.map(formatProblem)).toEqual(['t.json:7:132: nested more than 64 levels deep (a deck needs only a few levels: deck → cards → card → list)']);
    // Also when the file has a syntax error after it (the locating parser reads it).
    const broken = parseDeckText('t.json', `${card(`, "tags": ${tags}`)},`);
    expect(broken.problems.map((p) => p.message)).toEqual(['invalid JSON: nested more than 64 levels deep']);
  });

  it('invisible characters (Unicode TAG, zero-width) in card text are a warning at the first one', () => {
    const tag = String.fromCodePoint(0xe0041, 0xe0042);
    const r = parseDeckText('t.json', deckWith(`    { "id": "c1", "type": "basic", "front": "plain", "back": "a" },\n    { "id": "c2", "type": "basic", "front": "q${tag}", "back": "a\u200b" }`));
    expect(r.deck!.cards).toHaveLength(2);
    expect(r.problems.map(formatProblem)).toEqual([
      't.json:8:45: warning: invisible characters (Unicode TAG characters, zero-width characters) in the text (they can hide text from a reader; remove them unless they are meant to be there)',
    ]);
    for (const zw of ['\u200c', '\u200d', '\u2060', '\ufeff']) expect(parseDeckText('t.json', card(`, "note": "x${zw}y"`)).problems).toHaveLength(1);
    expect(parseDeckText('t.json', good).problems).toEqual([]);
  });
});

describe('scanStructure cost (F11: it runs on every validation)', () => {
  it('an object with 200k keys is scanned in linear time, its duplicate found', async () => {
    const { scanStructure } = await import('../../../src/core/deck/jsonloc.js');
    const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i}": 1`);
    const text = `{${keys.join(',')}, "k7": 2}`;
    const t0 = performance.now();
    const found = scanStructure(text);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(found.map((p) => p.message)).toEqual(['"k7" is given twice in this object (only the last one would count)']);
  });
});
