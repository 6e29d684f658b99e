/**
 * Issue 15 on screen (ink-testing-library, the real store in a temporary AMGI_HOME): the card
 * browser, the card view's actions, the pickers, the help page, the 40×12 minimum.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { renderApp, KEYS, miniDecks } from '../../render.js';
import { fakeSearch } from '../../fakes.js';
import { openRealStore } from '../../realStore.js';
import { expectFits } from '../../../helpers/fits.js';

afterEach(() => cleanup());
/** A clock that ticks a second per look: two actions never share an instant (entries fold in time order). */
let tick = 0;
const NOW = () => new Date(Date.parse('2026-03-02T09:00:00Z') + ++tick * 1000);
const SHIFT_TAB = '\u001b[Z';

function store() {
  const decks = miniDecks();
  const s = openRealStore(decks, NOW);
  return { ...s, services: { ...s.services, loadSearch: async () => fakeSearch(decks) } };
}

describe('card browser', () => {
  test('Home → Cards; Show suspended finds the suspended card; s in its view unsuspends it; back, the list is empty', async () => {
    const s = store();
    try {
      s.progress.setFlag('mini-typed', 'suspend');
      const app = renderApp(s.services);
      await app.waitFor('Quit');
      await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
      // Not "Cards": Home's menu says that too.
      await app.waitFor('filter:');
      // The reversible card is two items.
      expect(app.frame()).toContain('9/9');
      // Tab to Show, → four times: all → new → learning → due today → suspended.
      await app.press(KEYS.tab, KEYS.tab, KEYS.tab, KEYS.right, KEYS.right, KEYS.right, KEYS.right);
      await app.waitFor('‹suspended›');
      expect(app.frame()).toContain('1/9');
      expect(app.frame()).toMatch(/› new +S .*기본 레지스트리 주소/);
      await app.press(KEYS.enter);
      await app.waitFor('Card · mini-typed');
      expect(app.frame()).toContain('new · suspended');
      await app.press('s');
      await app.waitFor('Unsuspended');
      expect(app.frame()).not.toContain('· suspended');
      expect(s.progress.state('mini-typed')?.susp).toBeUndefined();
      await app.press(KEYS.esc);
      await app.waitFor('No cards match.');
      expect(app.frame()).toContain('0/9');
    } finally {
      s.close();
    }
  });

  test('the text filter uses the search engine (Korean typed); deck and sort combine with it', async () => {
    const s = store();
    try {
      const app = renderApp(s.services, { initial: [{ kind: 'browse' }] });
      await app.waitFor('9/9');
      await app.press('런타임');
      // Both sides of the reversible card, and the choice card whose prompt says 런타임.
      await app.waitFor('3/9');
      expect(app.frame()).toContain('container runtime');
      await app.press(KEYS.backspace, KEYS.backspace, KEYS.backspace);
      await app.waitFor('9/9');
      await app.press(KEYS.tab, KEYS.right);
      await app.waitFor(/‹(미니 덱|Network)›/);
      expect(app.frame()).toMatch(/ (8|1)\/9/);
    } finally {
      s.close();
    }
  });

  test('a filter longer than the box at 40 columns shows its end, where the cursor is', async () => {
    const s = store();
    try {
      const app = renderApp(s.services, { initial: [{ kind: 'browse' }], columns: 40, rows: 12 });
      await app.waitFor('9/9');
      await app.press('--publish=0.0.0.0:8081:80 --restart unless-stopped');
      await app.waitFor('› …0.0:8081:80 --restart unless-stopped\n');
    } finally {
      s.close();
    }
  });

  test('sorted by recall, weakest first; lapses shown; 10 rows of a long list in a window', async () => {
    const s = store();
    try {
      const sess = s.progress.startCram({ keys: ['mini-layer', 'mini-cloze'], reschedule: true });
      sess.answer(1, 1000);
      sess.answer(4, 1000);
      const app = renderApp(s.services, { initial: [{ kind: 'browse' }], columns: 40, rows: 12 });
      await app.waitFor('9/9');
      await app.press(SHIFT_TAB, KEYS.right);
      await app.waitFor('‹recall (weakest)›');
      const rows = app.frame().split('\n').filter((l) => /^[› ] (new|lrn|rev)/.test(l));
      expect(rows[0]).toMatch(/lrn/);
      expectFits(app.frame(), 40, 12);
    } finally {
      s.close();
    }
  });
});

describe('card view', () => {
  test('state and last answers; forget asks, y resets to new, u undoes it exactly', async () => {
    const s = store();
    try {
      s.progress.startCram({ keys: ['mini-layer'], reschedule: true }).answer(4, 1000);
      const before = { ...s.progress.state('mini-layer')! };
      const app = renderApp(s.services, { initial: [{ kind: 'card', deckId: 'mini', cardId: 'mini-layer' }] });
      await app.waitFor('Last answers');
      expect(app.frame()).toMatch(/review · due in \d+d/);
      expect(app.frame()).toMatch(/stability .* · difficulty .* · recall now 100%/);
      // A cram that rescheduled reads as the review it was (the log keeps kind 'cram').
      expect(app.frame()).toMatch(/\d+\/\d+ \d\d:\d\d\s+Easy\s+review/);
      await app.press('f');
      await app.waitFor('Reset this card to new?');
      await app.press('n');
      expect(s.progress.state('mini-layer')?.reps).toBe(1);
      await app.press('f', 'y');
      await app.waitFor('Reset to new');
      expect(app.frame()).toContain('never studied');
      await app.press('u');
      await app.waitFor('Undone.');
      expect({ ...s.progress.state('mini-layer')! }).toEqual(before);
      expect(app.frame()).toMatch(/review · due/);
      // Bury, then b again unburies.
      await app.press('b');
      await app.waitFor('Buried until tomorrow');
      await app.press('b');
      await app.waitFor('Unburied');
      expect(s.progress.state('mini-layer')?.bury).toBeUndefined();
    } finally {
      s.close();
    }
  });

  test('in Korean at 40 columns the reset notice says u can undo it, whole', async () => {
    const s = store();
    try {
      const app = renderApp(s.services, { initial: [{ kind: 'card', deckId: 'mini', cardId: 'mini-layer' }], lang: 'ko', columns: 40, rows: 12 });
      await app.waitFor('레이어란?');
      await app.press('f', 'y');
      await app.waitFor('초기화했습니다.');
      expect(app.frame().split('\n').at(-1)).toBe('초기화했습니다. u로 취소할 수 있습니다.');
    } finally {
      s.close();
    }
  });

  test('t quizzes on this card only; r reviews it now', async () => {
    const s = store();
    try {
      const app = renderApp(s.services, { initial: [{ kind: 'card', deckId: 'mini', cardId: 'mini-typed' }] });
      await app.waitFor('Last answers');
      await app.press('t');
      await app.waitFor('1/1');
      expect(app.frame()).toContain('기본 레지스트리 주소');
      await app.press(KEYS.esc);
      await app.waitFor('Last answers');
      await app.press('r');
      await app.waitFor('show answer');
      expect(app.frame()).toContain('기본 레지스트리 주소');
    } finally {
      s.close();
    }
  });
});

describe('pickers', () => {
  test('Home → Quiz: a typed quiz on one tag; the choices are remembered next time', async () => {
    const s = store();
    try {
      const app = renderApp(s.services);
      await app.waitFor('Quit');
      await app.press(KEYS.down, KEYS.down, KEYS.enter);
      await app.waitFor('Questions');
      // Mode: mixed → (wrap) choice → typed.
      await app.press(KEYS.down, KEYS.right, KEYS.right, KEYS.down, KEYS.down, KEYS.left);
      await app.waitFor('‹ #image ›');
      await app.press(KEYS.down, KEYS.down, KEYS.enter);
      // #image holds one card, answered by a description ("이미지를 이루는 읽기 전용 층"): nothing to type.
      await app.waitFor('No card in this selection fits this quiz');
      expect(s.progress.settings.pickers?.quiz).toMatchObject({ mode: 'typed', scope: 'tag:image' });
      await app.press(KEYS.esc);
      await app.waitFor('Quit');
      await app.press(KEYS.enter);
      await app.waitFor('Questions');
      expect(app.frame()).toContain('Typed answer');
      expect(app.frame()).toContain('#image');
    } finally {
      s.close();
    }
  });

  test('Home → Cram: an interview date shows the plan before it starts, in answers (Korean, English)', async () => {
    const s = store();
    try {
      // Answers, not cards: each card is answered about three times by 3/5, all once today.
      const plan = s.progress.planPreview({ until: '2026-03-05' });
      if (!plan.ok) throw new Error(plan.error);
      expect(plan.daysLeft).toBe(3);
      expect(plan.today).toBe(s.progress.items().length);
      expect(plan.perDay).toBeGreaterThanOrEqual(Math.ceil((plan.today * 3) / 4));
      const en = renderApp({ ...s.services }, { lang: 'en', initial: [{ kind: 'home' }, { kind: 'cramPicker' }] });
      await en.waitFor('Interview date');
      await en.press(KEYS.up, KEYS.right, KEYS.right, KEYS.right);
      await en.waitFor('(D-3)');
      expect(en.frame()).toContain(`Interview D-3 · 3/5: ≈ ${plan.perDay} answers a day, ${plan.today} today.`);
      en.unmount();
      const app = renderApp({ ...s.services }, { lang: 'ko', initial: [{ kind: 'home' }, { kind: 'cramPicker' }] });
      await app.waitFor('면접 날짜');
      expect(app.frame()).toContain('일정을 바꾸지 않고');
      await app.press(KEYS.up, KEYS.right, KEYS.right, KEYS.right);
      await app.waitFor('(D-3)');
      expect(app.frame()).toContain(`면접 D-3 · 3/5: 하루 답 약 ${plan.perDay}번, 오늘 ${plan.today}번.`);
      await app.press(KEYS.down, KEYS.enter);
      await app.waitFor('면접 D-3');
      expect(app.frame()).toContain(`계획: 면접까지 하루 답 약 ${plan.perDay}번`);
    } finally {
      s.close();
    }
  });
});

describe('help page and the minimum size', () => {
  test('Home → Help explains grades first, in the interface language; scrolls to the keys at 40×12', async () => {
    const s = store();
    try {
      for (const [lang, grade, keys] of [['en', 'Again: you forgot', 'Keys · Home'], ['ko', '다시: 잊었음', '키 · 홈']] as const) {
        // A services object of its own: Home remembers its highlight per services.
        const app = renderApp({ ...s.services }, { lang, columns: 40, rows: 12 });
        await app.waitFor(lang === 'en' ? 'Review' : '복습');
        for (let i = 0; i < 7; i++) await app.press(KEYS.down);
        await app.press(KEYS.enter);
        await app.waitFor(grade);
        expectFits(app.frame(), 40, 12);
        for (let i = 0; i < 30 && !app.frame().includes(keys); i++) await app.press(KEYS.pageDown);
        expect(app.frame()).toContain(keys);
        expectFits(app.frame(), 40, 12);
        app.unmount();
      }
    } finally {
      s.close();
    }
  });

  test('? on a review starts at its keys; the guide is above (↑ marker)', async () => {
    const s = store();
    try {
      const app = renderApp(s.services, { initial: [{ kind: 'review' }] });
      await app.waitFor('show answer');
      await app.press('?');
      await app.waitFor('Keys · Review');
      expect(app.frame()).toMatch(/↑ \d+ more/);
      for (let i = 0; i < 5; i++) await app.press(KEYS.pageUp);
      expect(app.frame()).toContain('Grades');
    } finally {
      s.close();
    }
  });

  test('below 40×12 the app says how big the terminal must be, in both languages', async () => {
    const s = store();
    try {
      const en = renderApp(s.services, { columns: 39, rows: 24 });
      await en.waitFor('Make the terminal at least 40×12 (now 39×24).');
      expect(en.frame()).not.toContain('Quit');
      en.unmount();
      const ko = renderApp(s.services, { columns: 80, rows: 11, lang: 'ko' });
      await ko.waitFor('터미널을 40×12 이상으로 키우세요 (지금 80×11).');
    } finally {
      s.close();
    }
  });
});
