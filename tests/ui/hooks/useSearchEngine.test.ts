import { describe, expect, it } from 'vitest';
import { rememberingEngine, warmUpEngine } from '../../../src/ui/hooks/useSearchEngine.js';
import { warmUpQueries } from '../../../src/core/search/warmUp.js';
import { buildSearchIndex, type SearchIndex, type SearchOptions } from '../../../src/core/search/index.js';
import type { LoadedDeck } from '../../../src/core/deck/types.js';

const deck: LoadedDeck = {
  deck: { id: 'd', title: '도커', description: '', language: 'ko', cards: ['레이어', '레이어 캐시', '컨테이너', '이미지 레이어'].map((front, i) => ({ id: `c${i}`, type: 'basic' as const, front, back: `${front}의 뜻` })) },
  file: 'd.json',
  origin: 'dir',
  contentHash: 'd',
};

/** The real index, counting the searches it runs. */
function counted(): { engine: SearchIndex; asked: string[] } {
  const real = buildSearchIndex([deck]);
  const asked: string[] = [];
  const find = (q: string, o?: SearchOptions) => {
    asked.push(`${q}|${o?.limit}|${o?.deckId}`);
    return real.find(q, o);
  };
  return { engine: { size: real.size, find, search: (q, o) => find(q, o).hits }, asked };
}

describe('rememberingEngine (search answers kept while typing)', () => {
  it('answers a query asked again without searching, with the same hits as the engine', () => {
    const { engine, asked } = counted();
    const kept = rememberingEngine(engine);
    const first = kept.find('레이어', { limit: 100 });
    kept.find('레이어 ㅋ', { limit: 100 });
    // Backspace: back to the first query.
    const again = kept.find('레이어', { limit: 100 });
    expect(asked).toEqual(['레이어|100|undefined', '레이어 ㅋ|100|undefined']);
    expect(again.hits.map((h) => h.card.id)).toEqual(buildSearchIndex([deck]).find('레이어', { limit: 100 }).hits.map((h) => h.card.id));
    expect(again).toEqual(first);
    expect(rememberingEngine(engine)).toBe(kept);
  });

  it('keeps answers apart by limit and deck, gives each caller its own hits, and forgets the oldest past 32', () => {
    const { engine, asked } = counted();
    const kept = rememberingEngine(engine);
    kept.search('레이어', { limit: 1 });
    kept.search('레이어', { limit: 2 });
    kept.search('레이어', { limit: 2, deckId: 'd' });
    expect(asked).toHaveLength(3);
    const mine = kept.search('레이어', { limit: 2 });
    mine.push(mine[0]!);
    expect(kept.search('레이어', { limit: 2 })).toHaveLength(2);
    for (let i = 0; i < 32; i++) kept.find(`ㄹ${i}`);
    asked.length = 0;
    kept.find('레이어', { limit: 1 });
    expect(asked).toEqual(['레이어|1|undefined']);
  });
});

describe('warmUpEngine (throw-away queries while the screen waits for a key)', () => {
  it('asks the first card\'s warm-up queries, one a turn of the event loop, once per engine', async () => {
    const { engine, asked } = counted();
    warmUpEngine(engine, [deck]);
    expect(asked).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toEqual(warmUpQueries('레이어').map((q) => `${q}|undefined|undefined`));
    warmUpEngine(engine, [deck]);
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toHaveLength(warmUpQueries('레이어').length);
  });

  it('draws each warm-up query\'s hits with the screen\'s own code when given it', async () => {
    const { engine } = counted();
    const shown: string[][] = [];
    warmUpEngine(engine, [deck], (hits) => shown.push(hits.map((h) => h.card.id)));
    await new Promise((r) => setTimeout(r, 50));
    expect(shown).toEqual(warmUpQueries('레이어').map((q) => buildSearchIndex([deck]).search(q).map((h) => h.card.id)));
  });
});
