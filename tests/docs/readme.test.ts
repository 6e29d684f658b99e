/**
 * The README documents the CLI as it is, and no Markdown file of the docs has a broken fence.
 * Commands and options come from the registry `amgi --help` is generated from (src/cli/commands.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMMANDS, GLOBAL_FLAGS } from '../../src/cli/commands.js';
import { ROOT } from '../helpers/cli.js';
import { fenceProblems, headings, relativeLinks, section, slug } from './markdown.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `--name` as a whole option: not the start of a longer one (`--progress` is not `--progress-file`). */
const mentions = (text: string, flag: string) => new RegExp(`--${escapeRe(flag)}(?![\\w-])`).test(text);

/** What the README's command reference leaves out: "command", "command --flag", "(global) --flag". */
function undocumented(readme: string): string[] {
  const reference = section(readme, (h) => h === 'Commands');
  if (reference === undefined) return ['the "## Commands" section'];
  const missing: string[] = [];
  for (const flag of [...Object.keys(GLOBAL_FLAGS), 'version']) if (!mentions(reference, flag)) missing.push(`(global) --${flag}`);
  for (const c of COMMANDS) {
    // Its own heading (`#### \`amgi cram\``), possibly shared with related commands.
    const own = section(reference, (h) => h.includes(`\`amgi ${c.name}\``));
    if (own === undefined) {
      missing.push(c.name);
      continue;
    }
    if (c.args && !own.includes(`amgi ${c.name} ${c.args}`)) missing.push(`${c.name} ${c.args}`);
    for (const flag of Object.keys(c.flags)) if (!mentions(own, flag)) missing.push(`${c.name} --${flag}`);
  }
  return missing;
}

describe('README command reference', () => {
  test('every command of `amgi --help`, its arguments and each of its options are documented', () => {
    expect(undocumented(README)).toEqual([]);
  });

  test('a command or an option left out is reported', () => {
    expect(undocumented(README.replace(/`--reschedule`/g, '`--again`'))).toEqual(['cram --reschedule']);
    expect(undocumented(README.replace('#### `amgi optimize`', '#### Fitting parameters'))).toEqual(['optimize']);
    expect(undocumented(README.replace(/`--no-color`/g, '`--plain`'))).toEqual(['(global) --no-color']);
  });
});

describe('README sections', () => {
  test('the sections a user looks for are headings (outside any fence)', () => {
    const level2 = headings(README).filter((h) => h.level === 2).map((h) => h.text);
    for (const name of ['Quick start', 'A short tour', 'Commands', 'Keys', 'Decks', 'Where progress lives', 'Several machines and your phone', 'Benchmarks']) {
      expect(level2).toContain(name);
    }
  });

  test('every capture marker is closed and holds one text block (scripts/captures.mjs writes them)', () => {
    const opens = [...README.matchAll(/<!-- capture:(\w+) -->\n```text\n[\s\S]*?\n```\n<!-- \/capture:(\w+) -->/g)];
    expect(opens.length).toBeGreaterThanOrEqual(7);
    for (const m of opens) expect(m[2]).toBe(m[1]);
    expect(opens.length).toBe([...README.matchAll(/<!-- capture:/g)].length);
  });
});

describe('code fences', () => {
  const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

  test.each(files)('%s: every fence closed, no heading inside one', (file) => {
    expect(fenceProblems(readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  test('a capture pasted twice with one fence lost is caught (the fence then swallows the headings after it)', () => {
    const broken = ['```', 'screen one', '```', 'screen two', '```', '', 'text', '', '### Keys', '', '| key |'].join('\n');
    expect(fenceProblems(broken)).toEqual([
      { line: 9, message: 'heading inside the code fence opened on line 5: ### Keys' },
      { line: 5, message: 'code fence opened on line 5 is never closed' },
    ]);
    expect(headings(broken)).toEqual([]);
  });

  test('shell comments are not headings; longer and tilde fences close only on their own kind', () => {
    expect(fenceProblems('```sh\n# machine A\namgi export --progress a.jsonl\n```\n')).toEqual([]);
    expect(fenceProblems('````md\n```\n## inner\n```\n````\n')).toEqual([{ line: 3, message: 'heading inside the code fence opened on line 1: ## inner' }]);
    expect(fenceProblems('~~~\n```\n~~~\n')).toEqual([]);
  });
});

describe('links between the docs', () => {
  const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

  test.each(files)('%s: every relative link names a file that exists, and a heading in it', (file) => {
    const broken: string[] = [];
    for (const { target, line } of relativeLinks(readFileSync(join(ROOT, file), 'utf8'))) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const linked = path ? join(ROOT, dirname(file), path) : join(ROOT, file);
      if (!existsSync(linked)) broken.push(`${line}: ${target} (no such file)`);
      else if (anchor && linked.endsWith('.md') && !headings(readFileSync(linked, 'utf8')).some((h) => slug(h.text) === anchor)) broken.push(`${line}: ${target} (no such heading)`);
    }
    expect(broken).toEqual([]);
  });

  test('anchors are the ones GitHub makes: lower case, punctuation dropped, spaces as hyphens', () => {
    expect(slug('`amgi quiz`')).toBe('amgi-quiz');
    expect(slug('Message catalogues (i18n)')).toBe('message-catalogues-i18n');
    expect(slug('`amgi suspend`, `amgi unsuspend`, `amgi forget`')).toBe('amgi-suspend-amgi-unsuspend-amgi-forget');
  });
});

describe('source files the docs name', () => {
  const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const sources = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((f) => /^(src|tests|bench|scripts)\//.test(f) && /\.(ts|tsx|mjs)$/.test(f))
    .map((f) => f.replaceAll('\\', '/'));

  /** `store/log.ts`, `textLayout.ts`: a name in backticks that no source file's path ends with. */
  function stale(text: string): string[] {
    const named = [...text.matchAll(/`([\w./-]+\.(?:ts|tsx|mjs))`/g)].map((m) => m[1]!).filter((n) => !n.startsWith('dist/'));
    return [...new Set(named)].filter((n) => !sources.some((f) => f === n || f.endsWith(`/${n}`)));
  }

  test.each(files)('%s: every file named in backticks exists (a rename updates the docs)', (file) => {
    expect(stale(readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  test('a renamed file is caught', () => {
    expect(stale('the session (`store/session.ts`) and `log.ts`')).toEqual(['store/session.ts']);
  });
});
