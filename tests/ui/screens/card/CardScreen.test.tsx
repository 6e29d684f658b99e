/**
 * The card view at 40×12 and 80×24 in both languages: its prompt and notices wrap whole over
 * the footer (the y/n, the unsuspend command's id never cut), its footer keeps r and ? keys.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Card, LoadedDeck } from '../../../../src/core/deck/types.js';
import { displayWidth } from '../../../../src/core/text/width.js';
import { renderApp } from '../../render.js';
import { openRealStore } from '../../realStore.js';

afterEach(() => cleanup());

let tick = 0;
const NOW = () => new Date(Date.parse('2026-03-02T09:00:00Z') + ++tick * 1000);
// The longest id in the bundled decks (27 characters): "amgi unsuspend" and it cannot share a 40-column row.
const LONG = 'img-notes-dockerfile-broken';
const cards: Card[] = [{ id: LONG, type: 'basic', front: '망가진 Dockerfile 메모는?', back: '고친다', note: Array.from({ length: 20 }, (_, i) => `메모 ${i + 1}`).join('\n') }];
const decks: LoadedDeck[] = [{ deck: { id: 'card', title: '카드 시험', description: '', language: 'ko', cards }, file: 'card.json', origin: 'dir', contentHash: 'card' }];
const SIZES = [
  [80, 24],
  [40, 12],
] as const;
const squash = (s: string) => s.replace(/\s+/g, '');

async function onCard(lang: 'en' | 'ko', columns: number, rows: number, run: (app: ReturnType<typeof renderApp>, where: () => string) => Promise<void>) {
  const s = openRealStore(decks, NOW);
  try {
    const app = renderApp(s.services, { initial: [{ kind: 'card', deckId: 'card', cardId: LONG }], lang, columns, rows });
    await app.waitFor('메모는?');
    const where = () => `${lang} ${columns}×${rows}:\n${app.frame()}`;
    await run(app, where);
    for (const l of app.frame().split('\n')) expect(displayWidth(l), where()).toBeLessThanOrEqual(columns);
    app.unmount();
  } finally {
    s.close();
  }
}

/** The last `n` rows of the screen: where a notice over the footer is. */
const bottom = (frame: string, n: number) => frame.split('\n').slice(-n);

describe('card view', () => {
  test('the forget prompt shows its y/n whole, wrapped over the footer where it does not fit one row', async () => {
    for (const lang of ['en', 'ko'] as const) {
      for (const [columns, rows] of SIZES) {
        await onCard(lang, columns, rows, async (app, where) => {
          await app.press('f');
          await app.waitFor(lang === 'en' ? 'to new?' : '되돌릴까요?');
          const prompt = lang === 'en' ? 'Reset this card to new? Its schedule starts over (u undoes). y/n' : '이 카드를 새 카드로 되돌릴까요? 일정이 처음부터 시작됩니다 (u로 취소). y/n';
          const notice = bottom(app.frame(), columns === 40 ? 2 : 1);
          expect(squash(notice.join('')), where()).toBe(squash(prompt));
          expect(notice.at(-1), where()).toMatch(/y\/n$/);
          expect(app.frame(), where()).not.toContain('…');
          await app.press('n');
          await app.waitFor(lang === 'en' ? 'q back' : 'q 뒤로');
        });
      }
    }
  });

  test('the suspend and bury notices are whole, `amgi unsuspend <id>` never cut', async () => {
    for (const lang of ['en', 'ko'] as const) {
      for (const [columns, rows] of SIZES) {
        await onCard(lang, columns, rows, async (app, where) => {
          await app.press('s');
          await app.waitFor(lang === 'en' ? 'Suspended.' : '보류했습니다.');
          await app.waitFor(LONG);
          const screen = app.frame().split('\n');
          expect(squash(screen.join('')), where()).toContain(squash(lang === 'en' ? 'Suspended. s again brings it back.' : '보류했습니다. s를 다시 누르면 풀립니다.'));
          expect(screen.join(' '), where()).toContain(`amgi unsuspend ${LONG}`);
          // Below the title (which names the card too): the id on one row, whole.
          expect(screen.slice(1).some((l) => l.includes(LONG)), where()).toBe(true);
          expect(app.frame(), where()).not.toContain('…');
          await app.press('s');
          await app.waitFor(lang === 'en' ? 'Unsuspended' : '보류를 풀었습니다');
          await app.press('b');
          await app.waitFor(lang === 'en' ? 'Buried' : '숨겼습니다');
          expect(squash(app.frame()), where()).toContain(squash(lang === 'en' ? 'Buried until tomorrow. b again unburies it.' : '내일까지 숨겼습니다. b를 다시 누르면 풀립니다.'));
          expect(app.frame(), where()).not.toContain('…');
        });
      }
    }
  });

  test('back from r (review it now): the old notice is gone, and u takes back the answer given there', async () => {
    const w = {
      en: { nothing: 'Nothing to undo on this screen.', title: 'Answers move the schedule.', done: 'Session done', history: /Good {2}review/, undone: 'Answer “Good” undone.', none: 'no answers yet' },
      ko: { nothing: '이 화면에서 되돌릴 것이 없습니다.', title: '답하면 일정이 바뀝니다.', done: '세션 완료', history: /알맞음 {2}복습/, undone: '“알맞음” 답을 되돌렸습니다.', none: '아직 답이 없습니다' },
    };
    for (const lang of ['en', 'ko'] as const) {
      for (const [columns, rows] of SIZES) {
        const s = openRealStore(decks, NOW);
        try {
          const app = renderApp(s.services, { initial: [{ kind: 'card', deckId: 'card', cardId: LONG }], lang, columns, rows });
          await app.waitFor('메모는?');
          const where = () => `${lang} ${columns}×${rows}:\n${app.frame()}`;
          await app.press('u');
          await app.waitFor(w[lang].nothing);
          await app.press('r');
          await app.waitFor(w[lang].title);
          await app.press(' ', '3');
          await app.waitFor(w[lang].done);
          await app.press('q');
          await app.waitFor(w[lang].history);
          expect(app.frame(), where()).not.toContain(w[lang].nothing);
          expect(s.progress.history(LONG).filter((e) => e.op === 'answer')).toHaveLength(1);
          await app.press('u');
          await app.waitFor(w[lang].undone);
          expect(s.progress.history(LONG).filter((e) => e.op === 'answer'), where()).toHaveLength(0);
          await app.waitFor(w[lang].none);
          // Nothing more was done here: the next u says so.
          await app.press('u');
          await app.waitFor(w[lang].nothing);
          app.unmount();
        } finally {
          s.close();
        }
      }
    }
  });

  test('the footer keeps r (review it now) and ? keys at 40 columns; at 80 every hint', async () => {
    const all = { en: ['r review', 'u undo', '? keys', 't quiz', 's suspend', 'b bury', 'f forget', 'q back'], ko: ['r 복습', 'u 되돌리기', '? 키', 't 퀴즈', 's 보류', 'b 숨기기', 'f 초기화', 'q 뒤로'] };
    for (const lang of ['en', 'ko'] as const) {
      for (const [columns, rows] of SIZES) {
        await onCard(lang, columns, rows, async (app, where) => {
          const footer = app.frame().split('\n').at(-1)!;
          const kept = columns === 80 ? all[lang] : [...all[lang].slice(0, 3), all[lang][7]!];
          expect(footer, where()).toBe(kept.join(' · '));
        });
      }
    }
  });
});
