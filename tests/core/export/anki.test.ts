import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ANKI_HEADER, ankiField, decksToAnki, gapsToAnkiCloze } from '../../../src/core/export/anki.js';
import { deckToJson } from '../../../src/core/export/json.js';
import { parseAnki } from '../../../src/core/import/anki.js';
import { buildDeck } from '../../../src/core/import/deck.js';
import { parseDeckText } from '../../../src/core/deck/validate.js';
import type { Card, Deck } from '../../../src/core/deck/types.js';

const deck = (cards: Card[], id = 'd'): Deck => ({ id, title: 'Docker 기초', description: 'x', language: 'ko', cards });

/** What a round trip must keep: type, front, back, tags. */
const essence = (cards: Card[]) => cards.map((c) => ({ type: c.type, front: c.front, back: 'back' in c ? (c.back ?? '') : '', tags: c.tags ?? [] }));

describe('Anki export', () => {
  test('header, quoting and note types', () => {
    const text = decksToAnki([
      deck([
        { id: 'a', type: 'basic', front: 'q', back: 'two\nlines', tags: ['docker', 'two words'] },
        { id: 'b', type: 'reversible', front: '#hash', back: 'say "hi"' },
        { id: 'c', type: 'cloze', front: '{{runc}} and {{containerd}}' },
        { id: 'e', type: 'order', front: 'steps', steps: ['build', 'run'] },
      ]),
    ]);
    expect(text.split('\n').slice(0, 5)).toEqual(ANKI_HEADER);
    expect(text).toContain('q\t"two\nlines"\tdocker two_words\tBasic\tDocker 기초\n');
    expect(text).toContain('"#hash"\t"say ""hi"""\t\tBasic (and reversed card)\tDocker 기초\n');
    expect(text).toContain('{{c1::runc}} and {{c1::containerd}}\t\t\tCloze\tDocker 기초\n');
    expect(text).toContain('steps\t"1. build\n2. run"\t\tBasic\tDocker 기초\n');
    expect(ankiField('plain')).toBe('plain');
    expect(gapsToAnkiCloze('{{a}}')).toBe('{{c1::a}}');
    // A gap may span lines in a deck (the one GAP pattern of core/deck/cards.ts); it stays a gap.
    expect(gapsToAnkiCloze('x {{a\nb}} y')).toBe('x {{c1::a\nb}} y');
  });

  test('round trip: export → import gives the same fronts, backs, tags and types', () => {
    const cards: Card[] = [
      { id: 'a', type: 'basic', front: '컨테이너란?', back: '격리된 프로세스\n커널 공유', tags: ['docker'] },
      { id: 'b', type: 'reversible', front: 'Dockerfile', back: '"이미지" <빌드> & 명령\t파일' },
      { id: 'c', type: 'cloze', front: '{{runc}}는 저수준 런타임', back: 'OCI' },
    ];
    const back = parseAnki(decksToAnki([deck(cards)]));
    expect(back.skipped).toEqual([]);
    expect(essence(buildDeck(back, { id: 'd', title: 't', description: 'x' }).deck.cards)).toEqual(essence(cards));
  });

  const text = fc.stringMatching(/^[^\u0000-\u001f\u007f-\u009f{}]{1,40}$/).filter((s) => s.trim() === s && s.length > 0);
  const tag = fc.stringMatching(/^[a-z0-9가-힣_:-]{1,10}$/);
  const card = fc.record({ front: text, back: text, tags: fc.uniqueArray(tag, { maxLength: 3 }), type: fc.constantFrom('basic' as const, 'reversible' as const) });

  test('round trip holds for any basic/reversible cards (fast-check)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(card, { minLength: 1, maxLength: 8, selector: (c) => c.front.toLowerCase().replace(/\s+/g, ' ') }), (raw) => {
        const cards = raw.map((c, i) => ({ id: `c${i}`, ...c, ...(c.tags.length ? {} : { tags: undefined }) })) as Card[];
        const parsed = parseAnki(decksToAnki([deck(cards)]));
        const rebuilt = buildDeck(parsed, { id: 'd', title: 't', description: 'x' }).deck.cards;
        expect(essence(rebuilt)).toEqual(essence(cards));
      }),
      { numRuns: 200 },
    );
  });
});

describe('JSON export', () => {
  test('a deck file the validator reads back unchanged, keys in reading order', () => {
    const d = deck([{ id: 'a', type: 'typed', front: 'q', answer: 'x', tags: ['t'], aliases: ['y'] }]);
    const json = deckToJson(d, './schema.json');
    expect(Object.keys(JSON.parse(json))).toEqual(['$schema', 'id', 'title', 'description', 'language', 'cards']);
    expect(Object.keys(JSON.parse(json).cards[0])).toEqual(['id', 'type', 'front', 'answer', 'aliases', 'tags']);
    expect(parseDeckText('d.json', json).deck).toEqual({ ...d, $schema: './schema.json' });
  });
});
