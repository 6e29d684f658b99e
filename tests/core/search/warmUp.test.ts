/** The warm-up queries (core/search/warmUp.ts): made of a card's words, and harmless to later answers. */
import { describe, expect, test } from 'vitest';
import { frontText } from '../../../src/core/deck/cards.js';
import { buildSearchIndex } from '../../../src/core/search/index.js';
import { warmUpQueries } from '../../../src/core/search/warmUp.js';
import { FIXTURE, FIXTURE_ALIASES, loaded } from './fixture.js';

describe('warmUpQueries', () => {
  test('a prefix, a word, a second word as one and two initial consonants, a Latin word', () => {
    expect(warmUpQueries('컨테이너와 이미지의 관계 0번: Docker는?')).toEqual(['컨', '컨테이너와', '컨테이너와 ㅇ', '컨테이너와 ㅇㅁ', 'docker']);
  });

  test('a text of Latin words only, or of none', () => {
    expect(warmUpQueries('docker pause')).toEqual(['d', 'docker', 'pause']);
    expect(warmUpQueries('?!')).toEqual([]);
  });

  test('answers after the warm-up are those of a fresh engine', () => {
    const warmed = buildSearchIndex([loaded(FIXTURE)], { aliases: FIXTURE_ALIASES });
    for (const card of FIXTURE.cards) for (const q of warmUpQueries(frontText(card))) for (const h of warmed.search(q)) void h.highlights;
    const fresh = buildSearchIndex([loaded(FIXTURE)], { aliases: FIXTURE_ALIASES });
    const seen = (hits: ReturnType<typeof fresh.search>) => hits.map((h) => [h.card.id, h.score, h.matchKind, h.highlights]);
    for (const q of ['ㄹㅇㅇ', '컨테이너', '컨테이너 ㄹ', 'dokcer', '이미지', 'ㅇ', '도커 런타임']) expect(seen(warmed.search(q, { limit: 50 }))).toEqual(seen(fresh.search(q, { limit: 50 })));
  });
});
