import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { amgi, ROOT } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';

const GOOD = join(ROOT, 'tests/fixtures/decks/good');
const BAD = join(ROOT, 'tests/fixtures/decks/bad');
const t = tmpHome();
const env = { AMGI_HOME: t.home };
afterAll(() => t.cleanup());

describe('amgi --help / --version / usage errors', () => {
  it('--version prints the package version', () => {
    const r = amgi(['--version'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('--help lists every command', () => {
    const r = amgi(['--help'], env);
    expect(r.code).toBe(0);
    for (const c of ['review', 'cram', 'quiz', 'search', 'stats', 'status', 'decks', 'validate', 'import', 'export']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    }
  });

  it('quiz --help says mc is another name for choice (en, ko)', () => {
    expect(amgi(['quiz', '--help', '--lang', 'en'], env).stdout).toMatch(/--mode choice\|typed\|\S+\s+question style \(default mixed; mc is choice\)/);
    expect(amgi(['quiz', '--help', '--lang', 'ko'], env).stdout).toContain('mc는 choice');
  });

  it('<command> --help shows that command\'s options', () => {
    const r = amgi(['decks', '--help'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: amgi decks');
    expect(r.stdout).toContain('--json');
  });

  it('an unknown command is one error line, exit 2', () => {
    const r = amgi(['frobnicate'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('amgi: unknown command "frobnicate"\n');
    expect(r.stdout).toBe('');
  });

  it('an unknown flag is one error line naming the options, exit 2', () => {
    const r = amgi(['decks', '--colour'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('amgi: unknown option --colour (options: --json, --help, --decks, --lang, --no-color)\n');
  });
});

describe('amgi decks', () => {
  it('lists the bundled decks as JSON with id, title, cards and source', () => {
    const r = amgi(['decks', '--json'], env);
    expect(r.code).toBe(0);
    const decks = JSON.parse(r.stdout) as { id: string; title: string; cards: number; source: string }[];
    expect(decks.length).toBeGreaterThan(0);
    for (const d of decks) {
      expect(d.source).toBe('bundled');
      expect(d.cards).toBeGreaterThan(0);
    }
    expect(r.stderr).toBe('');
  });

  it('loads user decks from $AMGI_HOME/decks beside the bundled ones', () => {
    const u = tmpHome();
    try {
      mkdirSync(join(u.home, 'decks'));
      cpSync(join(GOOD, 'mini.json'), join(u.home, 'decks', 'mini.json'));
      const decks = JSON.parse(amgi(['decks', '--json'], { AMGI_HOME: u.home }).stdout) as { id: string; source: string }[];
      expect(decks.find((d) => d.id === 'mini')?.source).toBe('user');
      expect(decks.some((d) => d.source === 'bundled')).toBe(true);
    } finally {
      u.cleanup();
    }
  });

  it('--decks DIR loads only that folder, and broken decks never stop the others', () => {
    const dir = tmpHome('amgi-decks-');
    try {
      cpSync(GOOD, dir.home, { recursive: true });
      cpSync(join(BAD, 'trailing-comma.json'), join(dir.home, 'trailing-comma.json'));
      const r = amgi(['decks', '--json', '--decks', dir.home], env);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { id: string }[]).map((d) => d.id).sort()).toEqual(['bom', 'mini']);
      expect(r.stderr).toMatch(/trailing-comma\.json:8:3: invalid JSON: trailing comma before \]/);
    } finally {
      dir.cleanup();
    }
  });

  it('deck text with terminal control sequences never reaches the terminal raw', () => {
    const r = amgi(['decks', '--decks', BAD], env);
    expect(r.stdout).toContain('Evil deck');
    expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u0007\u009b\u009d]/);
  });
});

describe('amgi validate', () => {
  it('exit 0 and "all decks valid" on good decks (BOM + CRLF accepted)', () => {
    const r = amgi(['validate', GOOD], env);
    expect(r.stdout).toContain('all decks valid');
    expect(r.code).toBe(0);
  });

  it('validates the bundled decks when given no path', () => {
    const r = amgi(['validate'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('prints every problem of every bad deck with file:line:col, exit 1', () => {
    const r = amgi(['validate', BAD], env);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/trailing-comma\.json:8:3: invalid JSON: trailing comma before \] \(remove the last comma\)$/),
        expect.stringMatching(/wrong-types\.json:7:47: "front" must be a string, found an array$/),
        expect.stringMatching(/wrong-types\.json:8:29: unknown card type "quiz" \(use one of: basic, reversible/),
        expect.stringMatching(/garbage\.json:\d+:\d+: binary file, not a JSON deck/),
        expect.stringMatching(/latin1\.json:1:32: invalid UTF-8 \(save the file as UTF-8\)$/),
        expect.stringMatching(/control-chars\.json:3:12: warning: terminal control characters were removed/),
      ]),
    );
    // The valid card of a deck with bad cards still loads, and the deck is not called ok.
    expect(r.stdout).toMatch(/^err .*wrong-types\.json {2}\(types, 1 card loaded; 2 problems below\)$/m);
    expect(r.stdout).not.toMatch(/^ok .*wrong-types/m);
    // A warning alone (control characters removed) leaves a deck ok.
    expect(r.stdout).toMatch(/^ok {2}.*control-chars\.json/m);
  });

  it('refuses a file over 20 MB before parsing it', () => {
    const dir = tmpHome('amgi-big-');
    try {
      const file = join(dir.home, 'huge.json');
      writeFileSync(file, '{');
      truncateSync(file, 21 * 1024 * 1024);
      const r = amgi(['validate', file], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/huge\.json: file is 21\.0 MB; decks are limited to 20 MB/);
    } finally {
      dir.cleanup();
    }
  });

  it('--json reports validity and problems', () => {
    const r = amgi(['validate', '--json', join(BAD, 'trailing-comma.json')], env);
    const out = JSON.parse(r.stdout) as { valid: boolean; problems: { location: { line: number; column: number } }[] };
    expect(out.valid).toBe(false);
    expect(out.problems[0]?.location).toEqual({ line: 8, column: 3 });
  });
});

beforeAll(() => {
  // npm test builds first; make the dependency explicit when run alone.
  readFileSync(join(ROOT, 'dist/amgi-main.js'));
});

describe('global flags before the command', () => {
  it('`amgi --decks DIR decks` treats DIR as the flag value, not the command', () => {
    const r = amgi(['--decks', GOOD, 'decks', '--json'], env);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }[]).map((d) => d.id).sort()).toEqual(['bom', 'mini']);
  });
});
