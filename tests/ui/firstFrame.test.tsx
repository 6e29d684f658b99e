/**
 * The frame written before Ink loads (ui/firstFrame.ts) is Ink's first Home frame, byte for byte:
 * Ink draws over it and nothing on screen may change. Several sizes, both languages, with and
 * without colour, on a first run and after some study, one deck or many.
 */
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { App } from '../../src/ui/App.js';
import { frameRows, homeFrameText, inkFrameText } from '../../src/ui/firstFrame.js';
import { seg } from '../../src/ui/textLayout.js';
import { loadAllDecks } from '../../src/store/deckFiles.js';
import type { LoadedDeck } from '../../src/core/deck/types.js';
import { miniDecks } from './fixtures.js';
import { realServices, tickingClock, type RealServices } from './realStore.js';

const levelBefore = chalk.level;
afterEach(() => {
  chalk.level = levelBefore;
});

/** Ink's first frame of the app on Home (ink-testing-library keeps Output's text as written). */
function inkFirstFrame(services: RealServices, o: { lang: 'ko' | 'en'; color: boolean; columns: number; rows: number }): string {
  const app = render(<App services={services} langFlag={o.lang} env={{}} color={o.color} size={{ columns: o.columns, rows: o.rows }} />);
  const frame = app.frames[0] ?? '';
  app.unmount();
  return frame;
}

const bundled = (): LoadedDeck[] => loadAllDecks({ env: { AMGI_HOME: '/nonexistent-amgi-home' } }).decks;

function studied(decks: LoadedDeck[]): RealServices {
  const services = realServices(decks, { now: tickingClock('2025-03-03T09:00:00Z') });
  const session = services.progress.startReview();
  for (let i = 0; i < 6 && session.current(); i++) session.answer(i % 3 === 0 ? 1 : 3, 4000);
  return services;
}

const SIZES: [number, number][] = [
  [80, 24],
  [40, 12],
  [120, 40],
  [60, 16],
];

describe('the first frame is Ink first Home frame', () => {
  const cases: [string, () => RealServices][] = [
    ['first run, two small decks', () => realServices(miniDecks())],
    ['after some study, two small decks', () => studied(miniDecks())],
    ['first run, the bundled decks', () => realServices(bundled())],
    ['after some study, the bundled decks', () => studied(bundled())],
    ['one deck (no "All decks" row)', () => realServices(miniDecks().slice(0, 1))],
    ['no decks', () => realServices([])],
  ];
  for (const [name, make] of cases) {
    test(name, () => {
      const services = make();
      let compared = 0;
      for (const [columns, rows] of SIZES) {
        for (const lang of ['en', 'ko'] as const) {
          for (const [color, level] of [
            [true, 1],
            [false, 1],
            [true, 0],
          ] as const) {
            chalk.level = level;
            const ink = inkFirstFrame(services, { lang, color, columns, rows });
            const early = homeFrameText({ decks: services.decks, progress: services.progress, problems: [], langFlag: lang, env: {}, color, columns, rows });
            expect(ink).toContain('amgi');
            expect(early, `${columns}×${rows} ${lang} color ${color} level ${level}`).toBe(ink);
            compared++;
          }
        }
      }
      expect(compared).toBe(SIZES.length * 6);
    });
  }
});

describe('no early frame where it could differ from Ink', () => {
  test('below the smallest size, with a notice or a broken deck file', () => {
    const services = realServices(miniDecks());
    const input = { decks: services.decks, progress: services.progress, problems: [] as string[], env: {}, color: true, columns: 80, rows: 24 };
    expect(homeFrameText(input)).toBeDefined();
    expect(homeFrameText({ ...input, columns: 39 })).toBeUndefined();
    expect(homeFrameText({ ...input, rows: 11 })).toBeUndefined();
    expect(homeFrameText({ ...input, problems: ['bad.json:3:5: "front" is missing'] })).toBeUndefined();
    services.progress.notices.push('state.bin was damaged; rebuilt from the log');
    expect(homeFrameText(input)).toBeUndefined();
  });

  test('a character Ink may measure otherwise, a colour chalk draws otherwise, a row too wide', () => {
    expect(inkFrameText([[seg('레이어 · Docker')]], 20, true)).toBe('레이어 · Docker');
    expect(inkFrameText([[seg('e\u0301')]], 20, true)).toBeUndefined();
    expect(inkFrameText([[seg('🐳 whale')]], 20, true)).toBeUndefined();
    expect(inkFrameText([[seg('x', { color: '#ff0000' })]], 20, true)).toBeUndefined();
    expect(inkFrameText([[seg('x', { color: '#ff0000' })]], 20, false)).toBe('x');
    expect(inkFrameText([[seg('12345')]], 4, true)).toBeUndefined();
  });

  test('styles change with the fewest codes, as Ink writes them', () => {
    const bold = { bold: true };
    const cyanBold = { color: 'cyan', bold: true };
    const dim = { dimColor: true };
    expect(inkFrameText([[seg('› ', cyanBold), seg('All', bold), seg(' 3', { color: 'blue' })]], 20, true)).toBe('\x1b[1m\x1b[36m› \x1b[39mAll\x1b[22m\x1b[34m 3\x1b[39m');
    expect(inkFrameText([[seg('a', dim), seg('b', bold), seg('   ')]], 20, true)).toBe('\x1b[2ma\x1b[22m\x1b[1mb\x1b[22m');
    expect(frameRows([seg('t')], [seg('r')], [[seg('body')]], [seg('f')], 10, 5)).toEqual([[seg('t'), seg('        '), seg('r')], [seg('body')], [], [], [seg('f')]]);
  });
});
