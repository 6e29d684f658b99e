import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoadedDeck } from '../../../../src/core/deck/types.js';
import type { Progress } from '../../../../src/store/types.js';
import type { AppServices } from '../../../../src/ui/context.js';
import { formatDuration, isCompact } from '../../../../src/ui/screens/stats/statsRows.js';
import { messagesFor } from '../../../../src/ui/i18n/index.js';
import { KEYS, renderApp } from '../../render.js';
import { openRealStore } from '../../realStore.js';
import { expectFits } from '../../../helpers/fits.js';
import { DECK } from '../../../core/quiz/fixture.js';

const DAY = 86_400_000;
const T0 = Date.parse('2025-03-03T09:00:00Z');
const DECKS: LoadedDeck[] = [
  { deck: DECK, file: 'docker.json', origin: 'dir', contentHash: 'a' },
  { deck: { ...DECK, id: 'second', title: '두 번째 덱', cards: DECK.cards.slice(0, 3) }, file: 'second.json', origin: 'dir', contentHash: 'b' },
];

let clock: number;
let progress: Progress;
let services: AppServices;
let close: () => void;

beforeEach(() => {
  clock = T0 - 3 * DAY;
  ({ progress, services, close } = openRealStore(DECKS, () => new Date(clock)));
  // Three study days in a row: five reviews a day (Good), 20 s each.
  for (let d = 0; d < 3; d++) {
    const s = progress.startReview({ deckId: 'docker' });
    for (let i = 0; i < 5 && s.current(); i++) s.answer(3, 20_000);
    clock += DAY;
  }
});
afterEach(() => close());


describe('stats screen', () => {
  it('shows everything at 80×24: streak, time, forecast, mastery, heatmap', async () => {
    const app = renderApp(services, { initial: [{ kind: 'stats' }], columns: 80, rows: 24 });
    await app.waitFor('Due, next 30 days');
    const f = app.frame();
    const report = progress.stats();
    expect(f).toContain(`Streak ${report.streak.current}d (best ${report.streak.longest}d)`);
    expect(report.streak.longest).toBe(3);
    expect(f).toContain(`Total ${formatDuration(report.time.totalMs, messagesFor('en'))}`);
    expect(f).toContain('Mastery by deck');
    expect(f).toContain('두 번째 덱');
    expect(f).toMatch(/Reviews, last 53 weeks/);
    expect(f).toContain('Mon');
    // Three days of reviews are in the heatmap.
    expect((f.match(/[░▒▓█]/g) ?? []).length).toBeGreaterThan(3);
    expectFits(f, 80, 24);
    app.unmount();
  });

  it('pages through panels at 40×12', async () => {
    const app = renderApp(services, { initial: [{ kind: 'stats' }], columns: 40, rows: 12 });
    await app.waitFor('[Overview]');
    expect(app.frame()).toContain('Streak 3d');
    expect(app.frame()).toContain('Mastery by deck');
    expectFits(app.frame(), 40, 12);
    await app.press(KEYS.right);
    await app.waitFor('[Forecast]');
    expect(app.frame()).toContain('Due, next 30 days');
    expect(app.frame()).toContain('today');
    expectFits(app.frame(), 40, 12);
    await app.press(KEYS.right);
    await app.waitFor('[Heatmap]');
    // 36 weeks fit, but March began this week: one week fewer so "Mar" fits at the right.
    expect(app.frame()).toMatch(/Reviews, last 35 weeks/);
    expect(app.frame()).toMatch(/Feb Mar\n/);
    expectFits(app.frame(), 40, 12);
    await app.press(KEYS.left, KEYS.left);
    await app.waitFor('[Overview]');
    app.unmount();
  });

  it('draws in Korean without overflowing', async () => {
    const app = renderApp(services, { initial: [{ kind: 'stats' }], columns: 40, rows: 12, lang: 'ko' });
    await app.waitFor('[요약]');
    expectFits(app.frame(), 40, 12);
    await app.press(KEYS.right, KEYS.right);
    await app.waitFor('[기록]');
    expect(app.frame()).toContain('월');
    expectFits(app.frame(), 40, 12);
    app.unmount();
  });
});

describe('layout choice', () => {
  it('is compact below 70 columns or 19 body rows', () => {
    expect(isCompact(80, 21)).toBe(false);
    expect(isCompact(40, 21)).toBe(true);
    expect(isCompact(80, 9)).toBe(true);
  });

  it('formats durations', () => {
    const t = messagesFor('en');
    expect(formatDuration(42_000, t)).toBe('42s');
    expect(formatDuration(12 * 60_000, t)).toBe('12m');
    expect(formatDuration(125 * 60_000, t)).toBe('2h 05m');
  });
});
