/**
 * Issue 15 §3–4: usage errors first (one line, exit 2, before the terminal check and the
 * alternate screen), `amgi help`, did-you-mean, and every command's output in Korean.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { amgi, ROOT } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';
import { en } from '../../src/ui/i18n/en.js';
import { ko } from '../../src/ui/i18n/ko.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { CARD_TYPES } from '../../src/core/deck/types.js';
import { QUIZ_MODES } from '../../src/core/quiz/questions.js';
import { QUIZ_MODE_ALIASES } from '../../src/core/quiz/modes.js';

const t = tmpHome();
afterAll(() => t.cleanup());
const NOW = '2026-12-03T10:00:00+09:00';
const env = { AMGI_HOME: t.home, AMGI_NOW: NOW, TZ: 'Asia/Seoul' };
const ALT_SCREEN = '\x1b[?1049h';

describe('usage errors: one line, exit 2, nothing opened', () => {
  const cases: [string[], string][] = [
    [['cram', '--until', '2020-01-01'], 'amgi: --until 2020-01-01 has passed (today is 2026-12-03); give the interview date'],
    [['cram', '--until', '2026-02-30'], 'amgi: --until 2026-02-30 is not a date on the calendar'],
    [['cram', '--until', 'tomorrow'], 'amgi: --until must be a date as YYYY-MM-DD, got "tomorrow"'],
    [['review', '--deck', 'nope'], 'amgi: no deck "nope" (decks: architecture,'],
    [['cram', '--deck', 'nope'], 'amgi: no deck "nope"'],
    // A deck id a letter off gets a guess wherever --deck is taken (the ids are in `amgi decks`).
    [['review', '--deck', 'runtime'], 'amgi: no deck "runtime"; did you mean "runtimes"? (decks: architecture, '],
    [['cram', '--deck', 'runtime'], 'amgi: no deck "runtime"; did you mean "runtimes"? (decks: '],
    [['quiz', '--deck', 'regsitry'], 'amgi: no deck "regsitry"; did you mean "registry"? (decks: '],
    [['search', 'x', '--deck', 'image'], 'amgi: no deck "image"; did you mean "images"? (decks: '],
    [['export', '--deck', 'runtime', '--format', 'json'], 'amgi: no deck "runtime"; did you mean "runtimes"? (decks: '],
    [['review', '--deck', 'runtime', '--lang', 'ko'], 'amgi: "runtime" 덱이 없습니다. "runtimes"을(를) 말씀하셨나요? (덱: architecture, '],
    [['quiz', '--tag', 'qqqq'], 'amgi: no card has the tag "qqqq" (tags: activities, add, '],
    [['cram', '--tag', 'lyer'], 'amgi: no card has the tag "lyer"; did you mean "layer"? (tags: activities, '],
    [['cram', '--tag', 'lyer', '--lang', 'ko'], 'amgi: "lyer" 태그가 붙은 카드가 없습니다. "layer"을(를) 말씀하셨나요? (태그: activities, '],
    [['quiz', '--mode', 'type'], 'amgi: --mode must be one of choice, typed, order, cloze, interview, mixed, got "type"; did you mean "typed"?\n'],
    [['quiz', '--mode', 'type', '--lang', 'ko'], 'amgi: --mode은(는) choice, typed, order, cloze, interview, mixed 중 하나여야 합니다: "type". "typed"을(를) 말씀하셨나요?\n'],
    [['quiz', '--deck', 'registry', '--tag', 'cgroup'], 'amgi: no card has the tag "cgroup"'],
    [['quiz', '--mode', 'nope'], 'amgi: --mode must be one of choice, typed, order, cloze, interview, mixed, got "nope"\n'],
    [['quiz', '--count', '0'], 'amgi: --count must be a whole number ≥ 1, got "0"'],
    [['quiz', '--count', '-3'], 'amgi: --count must be a whole number ≥ 1, got "-3"'],
    [['search', 'x', '--limit', '-1'], 'amgi: --limit must be a whole number ≥ 1, got "-1"'],
    [['search', 'x', '--limit', '1.5'], 'amgi: --limit must be a whole number ≥ 1, got "1.5"'],
    [['status', 'extra'], 'amgi: status takes no arguments, got "extra"'],
    [['review', 'extra'], 'amgi: review takes no arguments, got "extra"'],
    [['status', '--lang', 'jp'], 'amgi: --lang must be one of ko, en, got "jp"'],
    [['--lang', 'jp'], 'amgi: --lang must be one of ko, en, got "jp"'],
    [['search', 'x', '--deck', 'nope'], 'amgi: no deck "nope"'],
    [['export', '--deck', 'nope', '--format', 'json'], 'amgi: no deck "nope"'],
    [['export', '--format', 'pdf'], 'amgi: --format must be one of anki, json, apkg, got "pdf"'],
    [['reveiw'], 'amgi: unknown command "reveiw"; did you mean "review"?'],
    [['stat'], 'amgi: unknown command "stat"; did you mean "stats" or "status"?'],
    [['stauts'], 'amgi: unknown command "stauts"; did you mean "stats" or "status"?'],
    [['stauts', '--lang', 'ko'], 'amgi: "stauts"은(는) 없는 명령입니다. "stats", "status" 중 하나를 말씀하셨나요?'],
    [['reveiw', '--lang', 'ko'], 'amgi: "reveiw"은(는) 없는 명령입니다. "review"을(를) 말씀하셨나요?'],
    [['frobnicate'], 'amgi: unknown command "frobnicate"'],
    [['help', 'reveiw'], 'amgi: unknown command "reveiw"; did you mean "review"?'],
  ];
  for (const [args, line] of cases) {
    it(`amgi ${args.join(' ')}`, () => {
      const r = amgi(args, env);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.endsWith('\n') && r.stderr.split('\n').length).toBe(2);
      expect(r.stderr.startsWith(line), r.stderr).toBe(true);
      expect(r.stdout).toBe('');
      expect(r.stdout + r.stderr).not.toContain(ALT_SCREEN);
    });
  }

  it('an unknown tag: the list is cut after 20 tags, saying how many more (never before the first tag)', () => {
    const r = amgi(['cram', '--tag', 'qqqq'], env);
    const shown = /\(tags: (.*), … (\d+) more\)\n$/.exec(r.stderr);
    expect(shown?.[1]?.split(', ')).toHaveLength(20);
    expect(Number(shown?.[2])).toBeGreaterThan(0);
    expect(amgi(['cram', '--tag', 'qqqq', '--lang', 'ko'], env).stderr).toMatch(/\(태그: activities, .*, … 외 \d+개\)\n$/);
  });

  it('a future or today --until passes the checks (then needs a terminal: exit 1)', () => {
    for (const until of ['2026-12-03', '2026-12-13']) {
      const r = amgi(['cram', '--until', until], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('needs an interactive terminal');
    }
  });
});

describe('amgi help', () => {
  it('help is --help; help COMMAND is COMMAND --help', () => {
    expect(amgi(['help'], env).stdout).toBe(amgi(['--help'], env).stdout);
    const r = amgi(['help', 'quiz'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(amgi(['quiz', '--help'], env).stdout);
    expect(r.stdout).toContain('Usage: amgi quiz [options]');
    expect(r.stdout).toContain('--mode choice|typed|order|cloze|interview|mixed');
    expect(amgi(['--help'], env).stdout).toMatch(/^ {2}help +show help/m);
  });
});

describe('decks that fail to load', () => {
  it('a broken --decks deck is named on stderr, not an empty quiz', () => {
    const dir = join(t.home, 'broken-decks');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ id: 'mine', title: 'Mine', language: 'ko', cards: [{ id: 'a', type: 'typed', front: 'q', answer: 'a' }] }));
    const r = amgi(['quiz', '--mode', 'typed', '--decks', dir], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`no deck in ${dir} could be loaded:`);
    expect(r.stderr).toMatch(/mine\.json:1:1: deck is missing "description"/);
    expect(r.stderr).not.toContain('needs an interactive terminal');
  });

  it('validate names a missing file', () => {
    const r = amgi(['validate', '/nonexistent.json'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('/nonexistent.json: cannot read: no such file or folder (ENOENT)\n');
    expect(amgi(['validate', '/nonexistent.json', '--lang', 'ko'], env).stderr).toBe('/nonexistent.json: 읽을 수 없습니다: 그런 파일이나 폴더가 없음 (ENOENT)\n');
  });
});

/** Every key path of a catalogue with the kind of its leaf (functions and arrays are leaves). */
function keyPaths(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return [`${prefix}:${Array.isArray(o) ? 'array' : typeof o}`];
  return Object.entries(o).flatMap(([k, v]) => keyPaths(v, `${prefix}/${k}`));
}

it('the two catalogues have the same keys, each of the same kind', () => {
  expect(keyPaths(ko).sort()).toEqual(keyPaths(en).sort());
});

describe('Korean everywhere (--lang ko, or a Korean locale)', () => {
  const deckIds = (JSON.parse(amgi(['decks', '--json'], env).stdout) as { id: string; title: string }[]);
  /** Words that are not prose: names of things, formats, placeholders, values a flag takes. */
  const ALLOWED = new Set([
    'amgi', 'Docker', 'Anki', 'Markdown', 'JSON', 'FSRS', 'UTF', 'ISO', 'KB', 'MB', 'LANG', 'NO_COLOR', 'AMGI_HOME', 'AMGI_NOW', 'README', 'RMSE', 'ENOENT',
    'ID', 'DIR', 'TAG', 'DATE', 'FILE', 'FOLDER', 'PATH', 'YYYY', 'MM', 'DD', 'ko', 'en', 'anki', 'json', 'md', 'apkg', 'colpkg', 'null', 'AMGI_SYNC_DIR',
    ...COMMANDS.map((c) => c.name), ...CARD_TYPES, ...QUIZ_MODES, ...Object.keys(QUIZ_MODE_ALIASES),
    // Products by their names: a transliteration (싱크싱, 드롭박스) reads worse.
    'Syncthing', 'Dropbox', 'iCloud', 'Drive', 'OneDrive', 'git',
  ]);
  /** ASCII words left once ids, paths, flags, quoted values and the given deck text are taken out. */
  function englishWords(text: string, deckText: string[] = []): string[] {
    let s = text;
    for (const d of deckText) s = s.split(d).join(' ');
    s = s
      .replace(/\S*[/\\]\S*/g, ' ') // paths
      .replace(/--[a-z-]+/g, ' ') // flags
      .replace(/"[^"\n]*"/g, ' ') // quoted values (ids, the user's own input)
      .replace(/`[^`\n]*`/g, ' ') // commands to type
      .replace(/\b[A-Za-z0-9]+(?:[-_.:][A-Za-z0-9]+)+\b/g, ' ') // ids, file names, dates
      .replace(/[A-Za-z]+…/g, ' ') // a deck title cut short
      .replace(/\(태그: [^)]*\)/g, ' '); // the tags that exist: names from the decks
    return (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w));
  }
  const ko$ = (args: string[], input?: string) => amgi([...args, '--lang', 'ko'], env, input);
  // Deck titles are content, not interface text (`decks` cuts them short, so word by word).
  const titles = deckIds.flatMap((d) => d.title.split(/[\s·:,…]+/)).filter(Boolean).sort((a, b) => b.length - a.length);

  it('the help texts', () => {
    expect(englishWords(ko$(['--help']).stdout)).toEqual([]);
    for (const c of COMMANDS) expect(englishWords(ko$([c.name, '--help']).stdout), c.name).toEqual([]);
  });

  it('usage errors', () => {
    for (const args of [['cram', '--until', '2020-01-01'], ['review', '--deck', 'nope'], ['quiz', '--tag', 'nope'], ['quiz', '--mode', 'nope'], ['status', 'extra'], ['reveiw'], ['decks', '--colour'], ['search']]) {
      const r = ko$(args);
      expect(r.code).toBe(2);
      expect(englishWords(r.stderr, deckIds.map((d) => d.id)), args.join(' ')).toEqual([]);
    }
    expect(ko$(['status', '--bogus']).stderr).toBe('amgi: 알 수 없는 옵션 --bogus (옵션: --json, --help, --decks, --lang, --no-color)\n');
  });

  it('status, stats, decks, search, validate', () => {
    for (const args of [['status'], ['stats'], ['decks'], ['search', '없는말없는말'], ['validate'], ['validate', join(ROOT, 'tests/fixtures/decks/bad')]]) {
      const r = ko$(args);
      expect(englishWords(r.stdout + r.stderr, [...titles, ...deckIds.map((d) => d.id), 'evil', 'types']), args.join(' ')).toEqual([]); // + the bad fixtures' deck ids
    }
    // The locale alone is enough.
    expect(amgi(['status'], { ...env, LANG: 'ko_KR.UTF-8' }).stdout).toMatch(/새 \d+ · 학습 \d+ · 복습 \d+ · 연속/);
  });

  it('cards, suspend, unsuspend, forget: output and usage errors', () => {
    const id = 'vm-definition';
    for (const args of [['suspend', id], ['cards', '--suspended'], ['unsuspend', id], ['forget', id, '--yes'], ['cards', '--leech'], ['suspend', 'no-such-card'], ['forget', id], ['suspend']]) {
      const r = ko$(args);
      expect(englishWords(r.stdout + r.stderr, [...titles, ...deckIds.map((d) => d.id), id, 'no-such-card']), args.join(' ')).toEqual([]);
    }
    expect(ko$(['suspend', id]).stdout).toContain('보류함');
  });

  it('import and export previews and messages', () => {
    const dir = join(t.home, 'notes');
    mkdirSync(dir, { recursive: true });
    const md = join(dir, 'volume.md');
    writeFileSync(md, '# 도커 볼륨\n\n볼륨이란::컨테이너 밖에 데이터를 두는 저장소\n바인드 마운트::호스트 경로를 그대로 연결\n\n혼자인 줄::\n');
    const preview = ko$(['import', md]);
    expect(preview.code).toBe(1);
    expect(englishWords(preview.stdout + preview.stderr)).toEqual([]);
    const wrote = ko$(['import', md, '--yes']);
    expect(wrote.code, wrote.stderr).toBe(0);
    expect(englishWords(wrote.stdout + wrote.stderr)).toEqual([]);
    for (const args of [['export', '--deck', 'volume', '--format', 'json', '--out', join(dir, 'v.json')], ['export', '--format', 'anki', '--deck', 'registry', '--out', join(dir, 'r.txt')], ['export', '--progress', join(dir, 'p.jsonl')]]) {
      const r = ko$(args);
      expect(r.code, r.stderr).toBe(0);
      expect(englishWords(r.stdout + r.stderr), args.join(' ')).toEqual([]);
    }
    // Exported decks carry the published schema, not this install's path (a bundled deck's "./schema.json" neither).
    expect(JSON.parse(readFileSync(join(dir, 'v.json'), 'utf8')).$schema).toBe('https://unpkg.com/amgi/decks/schema.json');
    const merged = ko$(['import', '--progress', join(dir, 'p.jsonl')]);
    expect(englishWords(merged.stdout + merged.stderr)).toEqual([]);
  });

  it('optimize and the broken --decks message', () => {
    expect(englishWords(ko$(['optimize']).stderr)).toEqual([]);
    const dir = join(t.home, 'bad-ko');
    mkdirSync(dir, { recursive: true });
    cpSync(join(ROOT, 'tests/fixtures/decks/bad/trailing-comma.json'), join(dir, 'trailing-comma.json'));
    const r = ko$(['review', '--decks', dir]);
    expect(r.stderr).toContain('읽을 수 있는 덱이 없습니다');
    expect(englishWords(r.stderr)).toEqual([]);
  });

  it('validate --strict lint warnings', () => {
    const dir = join(t.home, 'lint-ko');
    mkdirSync(dir, { recursive: true });
    const long = '컨테이너 이미지를 레지스트리에서 받아 실행하는 긴 설명 문장';
    const deck = {
      id: 'lint-ko', title: '린트', description: '린트 경고', language: 'ko',
      cards: [
        { id: 'c-giveaway', type: 'cloze', front: '이미지가 {{레시피}}라면 컨테이너는 그 레시피로 만든 음식이다.' },
        { id: 'r-giveaway', type: 'reversible', front: '도커 허브', back: '도커 허브는 공개 레지스트리' },
        { id: 'ch-options', type: 'choice', front: '런타임은?', answer: 'runc (저수준 런타임으로 커널 기능을 직접 호출)', distractors: ['RUNC', 'crun'] },
        { id: 't-long', type: 'typed', front: '설명하세요', answer: long },
        { id: 'd-one', type: 'basic', front: '볼륨이란 무엇인가?', back: '저장소' },
        { id: 'd-two', type: 'basic', front: '볼륨이란 무엇인가', back: '데이터' },
      ],
    };
    const file = join(dir, 'lint-ko.json');
    writeFileSync(file, JSON.stringify(deck, null, 2));
    const r = ko$(['validate', '--strict', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/\[[a-z-]+\]/g)?.sort()).toEqual(expect.arrayContaining(['[cloze-giveaway]', '[duplicate-front]', '[equal-options]', '[long-answer]', '[only-parenthetical]', '[reverse-giveaway]', '[typed-too-long]']));
    expect(englishWords(r.stdout + r.stderr, ['runc', 'RUNC', 'crun'])).toEqual([]);
  });

  it('damaged-log, settings and import-limit notices', () => {
    const home = join(t.home, 'damaged');
    const env2 = { ...env, AMGI_HOME: home };
    expect(amgi(['status', '--lang', 'ko'], env2).code).toBe(0);
    writeFileSync(join(home, 'reviews.jsonl'), '{"v":1,"torn\nnot json either\n', { flag: 'a' });
    writeFileSync(join(home, 'settings.json'), '{"language": 7, "dailyNew": "many"}');
    const stats = amgi(['stats', '--lang', 'ko'], env2);
    expect(stats.stderr).toContain('읽을 수 없는 줄 2개');
    expect(englishWords(stats.stdout + stats.stderr, [...titles, ...deckIds.map((d) => d.id), 'reviews.jsonl', 'settings.json', 'language', 'dailyNew'])).toEqual([]);
    writeFileSync(join(home, 'settings.json'), '{not json');
    const broken = amgi(['stats', '--lang', 'ko'], env2);
    expect(broken.stderr).toContain('기본 설정을 씁니다');
    expect(englishWords(broken.stdout + broken.stderr, [...titles, ...deckIds.map((d) => d.id), 'settings.json'])).toEqual([]);
    const md = join(home, 'big.md');
    writeFileSync(md, 'q::a\n'.repeat(30_000));
    for (const args of [['import', md], ['import', md, '--format', 'xx']]) {
      const r = ko$(args);
      expect(r.code, args.join(' ')).toBeGreaterThan(0);
      expect(englishWords(r.stderr), args.join(' ')).toEqual([]);
    }
  });

  it('sync and Anki packages', () => {
    const home = join(t.home, 'sync-ko');
    const folder = join(t.home, 'sync-folder-ko');
    const env2 = { ...env, AMGI_HOME: home };
    const apkg = join(home, 'all.apkg');
    for (const args of [['sync'], ['sync', '--dir', folder], ['sync'], ['sync', '--git'], ['sync', '--dir', folder, '--off'], ['export', '--format', 'apkg', '--out', apkg], ['import', apkg], ['sync', '--off']]) {
      const r = amgi([...args, '--lang', 'ko'], env2);
      // Device names come from the machine (hostname), titles and the preview's sample cards (`  [type] front  →  answer`) from the decks.
      // The device id (`<host>-<6 hex>`) and its file are names, whatever the hex happens to spell
      // (a deck title's word such as "1" or "e" would otherwise cut the id into "words").
      const said = (r.stdout + r.stderr).replace(/^ {2}\[[a-z]+\] .*$/gm, ' ');
      expect(englishWords(said.replace(/[\w.-]+\.jsonl|\b[a-z0-9-]*-[0-9a-f]{6}\b/g, ' '), [...titles, ...deckIds.map((d) => d.id), 'collection', 'init', 'URL', 'UTC', 'PATH', 'apkg', 'anki2', `(${hostname()})`, `, ${hostname()})`]), args.join(' ')).toEqual([]);
    }
  });

  it('English stays for English locales', () => {
    expect(amgi(['status'], { ...env, LANG: 'en_US.UTF-8' }).stdout).toMatch(/new · \d+ learning/);
    expect(amgi(['status', '--lang', 'en'], { ...env, LANG: 'ko_KR.UTF-8' }).stdout).toMatch(/new · \d+ learning/);
  });
});
