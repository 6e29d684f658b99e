/** The tokenizer, the typo distance, particles, aliases and the query parser. */
import { describe, expect, test } from 'vitest';
import { aliasLookup, mergeAliasTables, parseAliasFile, termKey } from '../../../src/core/search/aliases.js';
import { allowedTypos, prefixDistance } from '../../../src/core/search/fuzzy.js';
import { toJamo } from '../../../src/core/search/hangul.js';
import { isQueryPlusParticle, particleSyllables } from '../../../src/core/search/particles.js';
import { parseQuery } from '../../../src/core/search/query.js';
import { compounds, tokenize } from '../../../src/core/search/tokenize.js';

describe('tokenize', () => {
  test('words with offsets, lower-cased, split between scripts', () => {
    const text = 'Dockerfile을 쓰는 docker-compose';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.key)).toEqual(['dockerfile', '을', '쓰는', 'docker', 'compose']);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.key);
    expect(tokens.map((t) => t.joined)).toEqual([false, false, true, true, true]);
  });
  test('compounds join words written apart', () => {
    expect(compounds(tokenize('멀티 스테이지 빌드')).map((c) => c.key)).toEqual(['멀티스테이지', '스테이지빌드']);
    // A script boundary without a separator is not a compound (the query splits the same way).
    expect(compounds(tokenize('도커file'))).toEqual([]);
  });
  test('surrogate pairs, emoji and punctuation', () => {
    expect(tokenize('🐳 𝐀bc , ').map((t) => t.key)).toEqual(['𝐀bc']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('prefixDistance', () => {
  test('typos against the best prefix of a word', () => {
    expect(prefixDistance('dokcer', 'docker', 1)).toBe(1); // swapped neighbours count once
    expect(prefixDistance('containred', 'containerd', 2)).toBe(1);
    expect(prefixDistance(toJamo('컨테이더'), toJamo('컨테이너는'), 2)).toBe(1);
    expect(prefixDistance('docker', 'dockerfile', 1)).toBe(0);
    expect(prefixDistance('abcdef', 'uvwxyz', 2)).toBe(3); // gives up past max
  });
  test('allowed typos grow with length', () => {
    expect(allowedTypos(3)).toBe(0);
    expect(allowedTypos(5)).toBe(1);
    expect(allowedTypos(9)).toBe(2);
  });
});

describe('particles', () => {
  test('a word plus a particle', () => {
    expect(isQueryPlusParticle(toJamo('레이어란'), toJamo('레이어'))).toBe(true);
    expect(isQueryPlusParticle(toJamo('레이어를'), toJamo('레이어'))).toBe(true);
    expect(isQueryPlusParticle(toJamo('레이어드'), toJamo('레이어'))).toBe(false);
    expect(particleSyllables(toJamo('도커에서'))).toBe(2);
    expect(particleSyllables(toJamo('도커'))).toBe(0);
  });
});

describe('aliases', () => {
  test('parse reports bad groups and keeps good ones', () => {
    const r = parseAliasFile({ groups: [['도커', 'Docker'], ['혼자'], 'x', [1, 2]] });
    expect(r.table).toEqual([['도커', 'Docker']]);
    expect(r.problems).toHaveLength(3);
    expect(parseAliasFile(null).problems).toHaveLength(1);
    expect(parseAliasFile([['a', 'b']]).table).toEqual([['a', 'b']]);
  });
  test('groups sharing a term merge, ignoring case and spaces', () => {
    const merged = mergeAliasTables([['가상머신', 'VM']], [['vm', 'virtual machine'], ['가상 머신', '버추얼 머신']], [['도커', 'Docker']]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toEqual(['가상머신', 'VM', 'virtual machine', '버추얼 머신']);
  });
  test('lookup gives the other terms as word lists', () => {
    const lookup = aliasLookup([['가상머신', 'VM', 'virtual machine']]);
    expect(lookup.get(termKey('VM'))).toEqual([[toJamo('가상머신')], ['virtual', 'machine']]);
    expect(lookup.get(termKey('virtual  Machine'))).toHaveLength(2);
  });
});

describe('parseQuery', () => {
  test('filters, phrases and free text', () => {
    expect(parseQuery('#Image deck:runtimes "읽기 전용" 레이어')).toEqual({ text: '레이어', phrases: ['읽기 전용'], tags: ['image'], decks: ['runtimes'] });
  });
  test('lone markers are text; an unclosed quote runs to the end', () => {
    expect(parseQuery('# deck: "abc')).toEqual({ text: '# deck:', phrases: ['abc'], tags: [], decks: [] });
    expect(parseQuery('"').phrases).toEqual([]);
  });
  test('long input is cut', () => {
    expect(parseQuery('가'.repeat(10_000)).text.length).toBe(200);
  });
});
