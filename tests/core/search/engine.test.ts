/** The engine on a small deck of its own: every requirement of issue 4 §1, and robustness. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { answerText, frontText } from '../../../src/core/deck/cards.js';
import type { Deck } from '../../../src/core/deck/types.js';
import { buildSearchIndex, type DeckDerived, type DerivedCache, type SearchHit } from '../../../src/core/search/index.js';
import { FIXTURE, FIXTURE_ALIASES, loaded } from './fixture.js';

const index = buildSearchIndex([loaded(FIXTURE)], { aliases: FIXTURE_ALIASES });
const ids = (q: string, limit = 3) => index.search(q, { limit }).map((h) => h.card.id);
const first = (q: string) => ids(q, 1)[0];
const marked = (text: string, spans: Array<[number, number]>) => spans.map(([s, e]) => text.slice(s, e));

describe('Korean-aware matching', () => {
  test.each([
    ['ㄹㅇㅇ', 'layer'],
    ['ㄷㅋ', 'docker'],
    ['ㅋㅌㅇㄴ ㄹㅌㅇ', 'runtime'],
  ])('initial consonants %s → %s', (q, id) => expect(first(q)).toBe(id));

  test('initials of a term only the alias table knows find its group; initials that find words rank as before', () => {
    const deck: Deck = { ...FIXTURE, id: 'ep', cards: [{ id: 'ep', type: 'basic', front: 'ENTRYPOINT와 CMD를 함께 쓰면?', back: '-' }, ...FIXTURE.cards] };
    const withGroup = buildSearchIndex([loaded(deck)], { aliases: [...FIXTURE_ALIASES, ['엔트리포인트', 'ENTRYPOINT']] });
    expect(withGroup.search('ㅇㅌㄹㅍㅇㅌ').map((h) => h.card.id)).toEqual(['ep']);
    expect(withGroup.search('ㅇㅌㄹ').map((h) => h.card.id)).toEqual([]);
    expect(buildSearchIndex([loaded(deck)], { aliases: FIXTURE_ALIASES }).search('ㅇㅌㄹㅍㅇㅌ')).toEqual([]);
    expect(withGroup.search('ㄷㅋ', { limit: 1 })[0]?.card.id).toBe('docker');
  });

  test.each([['컨텡'], ['컨테ㅇ']])('half-composed %s finds 컨테이너 cards', (q) => {
    const hits = index.search(q);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(`${frontText(h.card)} ${answerText(h.card)}`).toContain('컨테');
    expect(first(q)).toBe('runtime'); // the shortest front that is the word
  });

  test.each([
    ['ehzj', 'docker'],
    ['fpdldj', 'layer'],
  ])('IME-off %s → %s', (q, id) => expect(first(q)).toBe(id));

  test('spacing variants find the same card', () => {
    expect(first('멀티스테이지')).toBe('multistage');
    expect(first('멀티 스테이지')).toBe('multistage');
    expect(ids('일시 정지')).toContain('pause');
    expect(ids('일시정지')).toContain('pause');
  });

  test.each([
    ['컨테이더', 'runtime'],
    ['dokcer', 'pause'],
    ['containred', 'containerd'],
  ])('typo %s → %s, marked fuzzy', (q, id) => {
    const hits = index.search(q, { limit: 3 });
    expect(hits.map((h) => h.card.id)).toContain(id);
    expect(hits[0]!.matchKind).toBe('fuzzy');
  });

  test('Korean ↔ English aliases, both ways', () => {
    expect(first('Docker')).toBe('docker');
    expect(first('도커파일')).toBe('dockerfile');
    expect(first('VM')).toBe('vm');
    expect(first('virtual machine')).toBe('vm');
    expect(first('kubernetes')).toBe('k8s');
    expect(ids('registry')).toContain('registry');
  });

  test('without the alias table, English does not find Korean-only cards', () => {
    const bare = buildSearchIndex([loaded(FIXTURE)]);
    expect(bare.search('kubernetes')).toEqual([]);
  });

  test('case-insensitive', () => {
    expect(ids('RUNC')).toEqual(ids('runc'));
    expect(first('DOCKERFILE')).toBe('dockerfile');
  });
});

describe('query language', () => {
  test('a quoted phrase must appear as written', () => {
    expect(ids('"읽기 전용"', 10).sort()).toEqual(['cloze', 'layer']);
    expect(ids('"전용 읽기"')).toEqual([]);
  });
  test('#tag filters, alone or with words', () => {
    expect(ids('#image', 10).sort()).toEqual(['layer', 'registry']);
    expect(ids('#dockerfile 빌드', 10)).toEqual(['multistage']);
    expect(index.search('#image').every((h) => h.score === 0 && h.matchKind === 'exact')).toBe(true);
    // Filters alone keep deck order; a limit keeps the first cards that pass.
    const order = FIXTURE.cards.map((c) => c.id).filter((id) => ['layer', 'registry'].includes(id));
    expect(ids('#image', 10)).toEqual(order);
    expect(ids('#image', 1)).toEqual(order.slice(0, 1));
  });
  test('deck: filter and the deckId option', () => {
    const other: Deck = { ...FIXTURE, id: 'other', title: '다른 덱', cards: [{ id: 'o-layer', type: 'basic', front: '레이어 캐시', back: '재사용' }] };
    const two = buildSearchIndex([loaded(FIXTURE), loaded(other)], { aliases: FIXTURE_ALIASES });
    expect(two.size).toBe(FIXTURE.cards.length + 1);
    expect(two.search('deck:oth 레이어').map((h) => h.card.id)).toEqual(['o-layer']);
    expect(two.search('레이어', { deckId: 'other' }).map((h) => h.card.id)).toEqual(['o-layer']);
    expect(two.search('레이어', { deckId: 'fixture' }).map((h) => h.card.id)).not.toContain('o-layer');
    expect(two.search('레이어').map((h) => h.deckId)).toContain('other');
  });
  test('words that only join or compare do not make a query find nothing', () => {
    // None of the fixture's cards holds `vs`, `and`, `between`, `비교` or a lone `의`.
    for (const q of ['컨테이너 vs VM', 'difference between container and VM', 'VM과 컨테이너 비교', '컨테이너 versus 가상머신']) expect(first(q), q).toBe('vm');
    expect(first('registry의 역할')).toBe('registry');
    // A joining word last may be a word being typed (`or` → orchestration): optional, not dropped.
    expect(first('쿠버네티스 or')).toBe('k8s');
    expect(first('컨테이너 orchestration')).toBe('k8s');
    // A query of only such words still searches them.
    expect(first('차이')).toBe('vm');
    expect(ids('vs and')).toEqual([]);
  });
  test('a comparing word stands for the others: the card about a difference comes first', () => {
    expect(first('컨테이너 가상머신')).toBe('vm');
    const two = buildSearchIndex([loaded({ ...FIXTURE, cards: [{ id: 'both', type: 'basic', front: 'VM과 컨테이너', back: '둘 다 격리된 실행 환경' }, ...FIXTURE.cards] })], { aliases: FIXTURE_ALIASES });
    expect(two.search('컨테이너 VM', { limit: 1 })[0]!.card.id).toBe('both');
    expect(two.search('컨테이너 vs VM', { limit: 1 })[0]!.card.id).toBe('vm');
  });
  test('limit', () => {
    expect(index.search('컨테이너', { limit: 2 })).toHaveLength(2);
    expect(index.search('컨테이너', { limit: 0 })).toEqual([]);
  });
});

describe('ranking and highlights', () => {
  test('exact word > prefix > fuzzy', () => {
    const deck: Deck = {
      ...FIXTURE,
      id: 'rank',
      cards: [
        { id: 'fuzzy', type: 'basic', front: 'dockr 설명', back: '-' },
        { id: 'prefix', type: 'basic', front: 'dockerize 설명', back: '-' },
        { id: 'exact', type: 'basic', front: '긴 설명 속의 docker 라는 단어', back: '-' },
      ],
    };
    const hits = buildSearchIndex([loaded(deck)]).search('docker');
    expect(hits.map((h) => [h.card.id, h.matchKind])).toEqual([
      ['exact', 'exact'],
      ['prefix', 'prefix'],
      ['fuzzy', 'fuzzy'],
    ]);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  test('the card about a term comes first; mentions in passing, however many, do not add up', () => {
    const deck: Deck = {
      ...FIXTURE,
      id: 'focus',
      cards: [
        { id: 'mentions', type: 'basic', front: '컨테이너가 실행되면 이미지 레이어 위에 쓰기 레이어가 생기고 그 레이어는 삭제와 함께 사라진다', back: '컨테이너마다 하나씩 생기는 쓰기 레이어와, 여러 컨테이너가 함께 읽는 이미지의 읽기 전용 레이어는 서로 다른 레이어다' },
        { id: 'short', type: 'basic', front: '도커 이미지 레이어를 설명하세요', back: '-' },
        { id: 'alias', type: 'basic', front: '이미지를 이루는 읽기 전용 층은?', back: '-', aliases: ['레이어'] },
        { id: 'defines', type: 'reversible', front: '레이어', back: '파일시스템 변경분' },
        { id: 'tagged', type: 'basic', front: '이미지를 이루는 층을 공유하면 좋은 점과 레이어 캐시', back: '-', tags: ['layer'] },
      ],
    };
    const idx = buildSearchIndex([loaded(deck)], { aliases: FIXTURE_ALIASES });
    // The front or an alias IS the term, then a tag is (`layer`, reached through the alias group), then the share of the front.
    for (const q of ['레이어', 'fpdldj', 'layer']) {
      expect(idx.search(q).map((h) => h.card.id), q).toEqual(['defines', 'alias', 'tagged', 'short', 'mentions']);
    }
    // Initials have no alias group: the English tag does not count, the share does.
    expect(idx.search('ㄹㅇㅇ').map((h) => h.card.id)).toEqual(['defines', 'alias', 'short', 'tagged', 'mentions']);
  });

  test('spans mark the matched text in front and back', () => {
    const h = index.search('레이어')[0]!;
    expect(marked(frontText(h.card), h.highlights.front)).toEqual(['레이어']);
    const pause = index.search('docker pause', { limit: 1 })[0]!;
    expect(marked(frontText(pause.card), pause.highlights.front)).toEqual(['docker pause']);
    const half = index.search('컨텡', { limit: 1 })[0]!;
    expect(marked(frontText(half.card), half.highlights.front)).toEqual(['컨테이']);
    const cho = index.search('ㅋㅌㅇㄴ ㄹㅌㅇ', { limit: 1 })[0]!;
    expect(marked(frontText(cho.card), cho.highlights.front)).toEqual(['컨테이너 런타임']);
    const back = index.search('freezer', { limit: 1 })[0]!;
    expect(marked(answerText(back.card), back.highlights.back)).toEqual(['freezer']);
    // Only the words that mean something: not `vs`, nor the 차이 it stands for.
    const versus = index.search('컨테이너 vs 가상머신', { limit: 1 })[0]!;
    expect(marked(frontText(versus.card), versus.highlights.front)).toEqual(['가상머신', '컨테이너']);
    const phrase = index.search('"읽기 전용" 템플릿', { limit: 1 })[0]!;
    expect(marked(frontText(phrase.card), phrase.highlights.front)).toEqual(['읽기 전용', '템플릿']);
  });

  test('spans are ordered, disjoint and inside the text', () => {
    for (const q of ['컨테이너', '이미지', 'ㅇ', 'docker', '런타임']) {
      for (const h of index.search(q, { limit: 50 })) {
        for (const [text, spans] of [[frontText(h.card), h.highlights.front], [answerText(h.card), h.highlights.back]] as const) {
          let end = 0;
          for (const [s, e] of spans) {
            expect(s).toBeGreaterThanOrEqual(end);
            expect(e).toBeGreaterThan(s);
            expect(e).toBeLessThanOrEqual(text.length);
            end = e;
          }
        }
      }
    }
  });
});

describe('robustness', () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: regex metacharacters, `${` among them, as a literal query.
  test.each([[''], ['   '], ['ㄱ'], ['ㅏ'], ['"'], ['""'], ['#'], ['deck:'], ['.*+?^${}()|[]\\'], ['\u0000\u001b[31m'], ['가'.repeat(10_000)], ['a '.repeat(5_000)]])(
    'never throws: %#',
    (q) => {
      const hits = index.search(q);
      expect(Array.isArray(hits)).toBe(true);
    },
  );

  test('empty and blank queries find nothing', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  test('any string: no throw, at most limit, sorted scores', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (q, limit) => {
        const hits: SearchHit[] = index.search(q, { limit });
        expect(hits.length).toBeLessThanOrEqual(limit);
        for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeGreaterThanOrEqual(hits[i - 1]!.score);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'ㄱㄴㄷㄹㅇㅋㅌ컨테이너런타임도커 "#:deckDOCKER'), { maxLength: 12 }), (chars) => {
        index.search(chars.join(''));
      }),
      { numRuns: 300 },
    );
  });

  test('an empty collection', () => {
    const none = buildSearchIndex([]);
    expect(none.size).toBe(0);
    expect(none.search('도커')).toEqual([]);
    expect(none.search('#tag')).toEqual([]);
  });
});

describe('derived-data cache', () => {
  function memoryCache() {
    const store = new Map<string, DeckDerived>();
    const calls = { get: 0, set: 0 };
    const cache: DerivedCache = {
      get: (deck, hash) => {
        calls.get++;
        return store.get(`${deck}/${hash}`);
      },
      set: (deck, hash, v) => {
        calls.set++;
        store.set(`${deck}/${hash}`, v);
      },
    };
    return { cache, calls, store };
  }

  test('first build writes, second build reads and gives the same results', () => {
    const { cache, calls } = memoryCache();
    const a = buildSearchIndex([loaded(FIXTURE)], { aliases: FIXTURE_ALIASES, cache });
    expect(calls).toEqual({ get: 1, set: 1 });
    const b = buildSearchIndex([loaded(FIXTURE)], { aliases: FIXTURE_ALIASES, cache });
    expect(calls).toEqual({ get: 2, set: 1 });
    for (const q of ['ㄹㅇㅇ', 'Docker', '컨테이더', '멀티스테이지']) expect(b.search(q).map((h) => h.card.id)).toEqual(a.search(q).map((h) => h.card.id));
  });

  test('a stale entry (other card list or version) is recomputed', () => {
    const { cache, calls, store } = memoryCache();
    buildSearchIndex([loaded(FIXTURE)], { cache });
    const key = [...store.keys()][0]!;
    store.set(key, { ...store.get(key)!, fingerprint: '0:0' });
    buildSearchIndex([loaded(FIXTURE)], { cache });
    expect(calls.set).toBe(2);
    store.set(key, { ...store.get(key)!, version: -1 });
    const idx = buildSearchIndex([loaded(FIXTURE)], { cache });
    expect(calls.set).toBe(3);
    expect(idx.search('ㄹㅇㅇ')[0]!.card.id).toBe('layer');
  });

  test('an entry whose arrays do not fit together or point past the cards is recomputed', () => {
    const { cache, calls, store } = memoryCache();
    const fresh = buildSearchIndex([loaded(FIXTURE)], { cache }).search('런타임').map((h) => h.card.id);
    const key = [...store.keys()][0]!;
    const good = store.get(key)!;
    const broken = [
      { ...good, postings: good.postings.map((p, i) => (i === 0 ? FIXTURE.cards.length * 4 : p)) },
      { ...good, postStart: good.postStart.slice(1) },
      { ...good, pairs: Int32Array.of(0, good.jamo.length) },
      { ...good, cho: good.cho.slice(1) },
    ];
    broken.forEach((entry, i) => {
      store.set(key, entry);
      const idx = buildSearchIndex([loaded(FIXTURE)], { cache });
      expect(calls.set, `case ${i}`).toBe(2 + i);
      expect(idx.search('런타임').map((h) => h.card.id)).toEqual(fresh);
    });
  });
});

describe('match counts', () => {
  const many: Deck = {
    ...FIXTURE,
    id: 'many',
    cards: Array.from({ length: 150 }, (_, i) => ({ id: `c${i}`, type: 'basic' as const, front: `컨테이너 질문 ${i}`, back: '-', tags: i % 3 ? ['run'] : ['image'] })),
  };
  const big = buildSearchIndex([loaded(many)]);

  test('the total counts every card that matched, not the limit', () => {
    const r = big.find('컨테이너', { limit: 20 });
    expect(r.hits).toHaveLength(20);
    expect(r.total).toBe(150);
    expect(r.atLeast).toBe(false);
    expect(big.find('컨테이너 #image', { limit: 20 }).total).toBe(50);
  });

  test('filters alone are counted too', () => {
    const r = big.find('#run', { limit: 10 });
    expect(r.hits).toHaveLength(10);
    expect(r.total).toBe(100);
    expect(big.find('', {}).total).toBe(0);
  });
});
