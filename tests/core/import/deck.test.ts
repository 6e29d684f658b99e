import { describe, expect, test } from 'vitest';
import { buildDeck, guessLanguage } from '../../../src/core/import/deck.js';
import { diffDecks } from '../../../src/core/import/deckDiff.js';
import { cardIdFor, hashedDeckId, isValidId, normalizeForId, slugifyDeckId } from '../../../src/core/import/ids.js';
import { parseMarkdown } from '../../../src/core/import/markdown.js';
import { parseDeckText } from '../../../src/core/deck/validate.js';
import { deckToJson } from '../../../src/core/export/json.js';

const meta = { id: 'notes', title: 'Notes', description: 'test' };
const build = (md: string) => buildDeck(parseMarkdown(md), meta);

describe('card ids', () => {
  test('come from the normalised front: case, spaces and NFD do not matter', () => {
    expect(normalizeForId('  Docker\u00a0  RUN\n')).toBe('docker run');
    expect(cardIdFor('d', 'Docker  run')).toBe(cardIdFor('d', ' docker run '));
    expect(cardIdFor('d', '한글'.normalize('NFD'))).toBe(cardIdFor('d', '한글'));
    expect(cardIdFor('d', 'a')).not.toBe(cardIdFor('d', 'b'));
    expect(cardIdFor('x'.repeat(64), 'a')).toMatch(/^x{53}-[0-9a-f]{10}$/);
  });

  test('deck ids from file names are valid and stable', () => {
    expect(slugifyDeckId('My Docker Notes (v2)')).toBe('my-docker-notes-v2');
    expect(slugifyDeckId('000_186be6130515e7a3')).toBe('000_186be6130515e7a3');
    // Korean names are romanised into an id one can type after --deck (walkthrough F25).
    expect(slugifyDeckId('도커 볼륨')).toBe('dokeo-bollyum');
    expect(slugifyDeckId('볼륨')).toBe('bollyum');
    expect(slugifyDeckId('쿠버네티스 기초 v2')).toBe('kubeonetiseu-gicho-v2');
    // Decomposed jamo (macOS file names) give the same id as composed syllables.
    expect(slugifyDeckId('도커 볼륨'.normalize('NFD'))).toBe('dokeo-bollyum');
    // Nothing to keep: a stable hash.
    expect(slugifyDeckId('!!!')).toMatch(/^deck-[0-9a-f]{8}$/);
    expect(hashedDeckId('도커 정리')).toMatch(/^deck-[0-9a-f]{8}$/);
    for (const n of ['', '---', '...x', 'Ünïcode', 'a'.repeat(300)]) expect(isValidId(slugifyDeckId(n))).toBe(true);
  });
});

describe('buildDeck', () => {
  test('an edited file keeps the ids of unchanged cards and reports added / changed / removed', () => {
    const v1 = build('a::1\nb::2\nc::3\n').deck;
    const v2 = build('a::1\nb::two\nd::4\n').deck;
    expect(build('A ::1\n').deck.cards[0]!.id).toBe(v1.cards[0]!.id);
    const diff = diffDecks(v1, v2);
    expect(diff.added.map((c) => c.front)).toEqual(['d']);
    expect(diff.changed.map((c) => c.front)).toEqual(['b']);
    expect(diff.removed.map((c) => c.front)).toEqual(['c']);
    expect(diff.unchanged).toBe(1);
    expect(diffDecks(undefined, v1).added).toHaveLength(3);
  });

  test('exact duplicates are dropped with the line of the first; same front, other back gets its own id', () => {
    const { deck, skipped } = build('q::a\nq::a\nq::b\n');
    expect(deck.cards.map((c) => c.id)).toEqual([cardIdFor('notes', 'q'), cardIdFor('notes', 'q', 2)]);
    expect(skipped).toEqual([{ line: 2, text: 'q', reason: 'same card as line 1' }]);
  });

  test('texts are sanitised, too-long cards skipped, language guessed', () => {
    const { deck, skipped } = build(`x\u001b]0;evil\u0007::y\n${'z'.repeat(4001)}::w\n`);
    expect(deck.cards[0]!.front).toBe('x');
    expect(skipped[0]!.reason).toBe('longer than 4000 characters');
    expect(deck.language).toBe('en');
    expect(guessLanguage(['docker', '도커'])).toBe('ko');
  });

  test('the deck it builds passes the deck validator unchanged', () => {
    const { deck } = build('# T\n\na::b\nc:::d\nq\n?\nr\n\n==x== y\n- **t** - u\n');
    const checked = parseDeckText('t.json', deckToJson(deck, 'schema.json'));
    expect(checked.problems).toEqual([]);
    expect(checked.deck).toEqual({ ...deck, $schema: 'schema.json' });
  });
});
