/** `amgi search` through the built binary (npm test builds first). */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { amgi } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';

let home: ReturnType<typeof tmpHome>;
let env: Record<string, string>;
beforeAll(() => {
  home = tmpHome();
  env = { AMGI_HOME: home.home };
});
afterAll(() => home.cleanup());

describe('amgi search', () => {
  test('prints ranked results and exits 0', () => {
    const r = amgi(['search', '컨테이너', '런타임', '--limit', '3'], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('1. 컨테이너 런타임');
    expect(lines[1]).toMatch(/^ {3}→ /);
    expect(lines[2]).toMatch(/^ {3}runtimes · rt-definition · #/);
    expect(lines.filter((l) => /^\d\. /.test(l))).toHaveLength(3);
  });

  test('--json prints {id, deck, front, back, tags, score}', () => {
    const r = amgi(['search', 'ㄹㅈㅅㅌㄹ', '--json', '--limit', '2'], env);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0]!).sort()).toEqual(['back', 'deck', 'front', 'id', 'score', 'tags']);
    expect(rows[0]).toMatchObject({ id: 'reg-what', deck: 'registry' });
    expect(typeof rows[0]!.score).toBe('number');
  });

  test('--deck limits to one deck; an unknown deck is a usage error', () => {
    const r = amgi(['search', '런타임', '--deck', 'dockerfile', '--json'], env);
    const rows = JSON.parse(r.stdout) as Array<{ deck: string }>;
    expect(rows.every((x) => x.deck === 'dockerfile')).toBe(true);
    expect(amgi(['search', '런타임', '--deck', 'nope'], env).code).toBe(2);
  });

  test('nothing found: exit 1, with what to try on stderr, in the interface language (and [] with --json)', () => {
    const r = amgi(['search', 'zzqqxxyy'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('no cards match "zzqqxxyy"\nTry fewer words, 초성 ㄷㅋ, 도커/docker\n');
    expect(amgi(['--lang', 'ko', 'search', 'zzqqxxyy'], env).stderr).toBe('"zzqqxxyy"에 맞는 카드가 없습니다\n단어 줄이기 · 초성 ㄷㅋ · 도커/docker\n');
    const j = amgi(['search', 'zzqqxxyy', '--json'], env);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toEqual([]);
  });

  test('no query without a terminal: usage on stderr, exit 2', () => {
    const r = amgi(['search'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('amgi: search needs a QUERY when not run in a terminal\n');
    expect(r.stdout).toBe('');
  });

  test('bad --limit is a usage error', () => {
    expect(amgi(['search', '도커', '--limit', '0'], env).code).toBe(2);
  });

  test('control characters in deck text never reach the terminal', () => {
    const dir = join(home.home, 'evil');
    mkdirSync(dir, { recursive: true });
    const deck = {
      id: 'evil',
      title: 'evil',
      description: 'x',
      language: 'ko',
      cards: [{ id: 'e1', type: 'basic', front: '도커 \u001b]0;pwned\u0007제목', back: '답 \u001b[2J\u009b31m', tags: ['x\u001b[1m'] }],
    };
    writeFileSync(join(dir, 'evil.json'), JSON.stringify(deck));
    for (const args of [['search', '도커', '--decks', dir], ['search', '도커', '--decks', dir, '--json']]) {
      const r = amgi(args, env);
      expect(r.stdout).toContain('도커');
      expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    }
  });

  test('a second run reads the derived-data cache', () => {
    const h = tmpHome();
    try {
      const e = { AMGI_HOME: h.home };
      const a = amgi(['search', 'ehzj', '--json'], e);
      const b = amgi(['search', 'ehzj', '--json'], e);
      expect(a.code).toBe(0);
      expect(readdirSync(join(h.home, 'cache')).length).toBeGreaterThan(0);
      expect(b.stdout).toBe(a.stdout);
      expect(JSON.parse(a.stdout)[0].id).toBe('arch-docker');
    } finally {
      h.cleanup();
    }
  });
});
