import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoadedDeck } from '../../../../src/core/deck/types.js';
import type { QuizMode } from '../../../../src/core/quiz/questions.js';
import { buildQuestions } from '../../../../src/core/quiz/quizState.js';
import type { Question } from '../../../../src/core/quiz/questions.js';
import type { AppServices } from '../../../../src/ui/context.js';
import { allItems, selectItems } from '../../../../src/ui/screens/quiz/selection.js';
import type { Progress } from '../../../../src/store/types.js';
import { KEYS, renderApp } from '../../render.js';
import { openRealStore } from '../../realStore.js';
import { DECK } from '../../../core/quiz/fixture.js';

const T0 = Date.parse('2025-03-01T09:00:00Z');
const DECKS: LoadedDeck[] = [{ deck: DECK, file: 'docker.json', origin: 'dir', contentHash: 'test' }];
const SEED = 7;

let clock: number;
let progress: Progress;
let services: AppServices;
let close: () => void;

beforeEach(() => {
  clock = T0;
  ({ progress, services, close } = openRealStore(DECKS, () => new Date(clock)));
});
afterEach(() => close());

/** The questions the screen builds for these parameters (same pure builder, same seed). */
function questionsFor(mode: QuizMode, count: number): Question[] {
  const pool = allItems(DECKS);
  return buildQuestions({ items: selectItems(pool, {}), pool, mode, count, seed: SEED });
}

function open(mode: QuizMode, count: number, size: { columns?: number; rows?: number } = {}) {
  return renderApp(services, { initial: [{ kind: 'quiz', mode, count, seed: SEED }], ...size });
}

describe('choice quiz', () => {
  it('answers right with a number key and wrong with arrows + Enter, then summarises', async () => {
    const qs = questionsFor('choice', 2);
    const app = open('choice', 2);
    await app.waitFor(qs[0]!.prompt.slice(0, 8));
    const [q1, q2] = qs as [Question & { kind: 'choice' }, Question & { kind: 'choice' }];
    expect(q1.kind).toBe('choice');
    for (const o of q1.options) expect(app.frame()).toContain(o);
    await app.press(String(q1.correct + 1));
    await app.waitFor('✓ Right!');
    expect(app.frame()).toContain('1 right');
    await app.press(' ');
    await app.waitFor('2/2');
    // Move the highlight to a wrong option and choose it with Enter.
    const wrong = q2.correct === 0 ? 1 : 0;
    await app.press(...new Array(wrong).fill(KEYS.down), KEYS.enter);
    await app.waitFor('✗ Not quite.');
    expect(app.frame()).toContain(`Answer: ${q2.answer}`);
    await app.press(KEYS.enter);
    await app.waitFor('Score 1/2 (50%)');
    expect(app.frame()).toContain('Missed');
    expect(app.frame()).toContain(q2.prompt.slice(0, 10));
    // Recorded for weakest-first, without touching the FSRS schedule.
    expect(progress.state(q1.key)).toMatchObject({ cramN: 1, st: 0 });
    expect(progress.state(q2.key)).toMatchObject({ cramN: 1, cramMiss: 1, st: 0 });
    app.unmount();
  });

  it('drills the missed card again from the summary', async () => {
    const qs = questionsFor('choice', 2) as (Question & { kind: 'choice' })[];
    const app = open('choice', 2);
    await app.waitFor('1/2');
    await app.press(String(((qs[0]!.correct + 1) % qs[0]!.options.length) + 1), ' ');
    await app.waitFor('2/2');
    await app.press(String(qs[1]!.correct + 1), ' ');
    await app.waitFor('Score 1/2');
    await app.press('d');
    await app.waitFor('round 2');
    expect(app.frame()).toContain('1/1');
    expect(app.frame()).toContain(qs[0]!.prompt.slice(0, 10));
    app.unmount();
  });

  it('Esc part-way: the summary of the answers given so far, not the app gone', async () => {
    const qs = questionsFor('choice', 5) as (Question & { kind: 'choice' })[];
    const app = open('choice', 5);
    await app.waitFor('1/5');
    await app.press(String(qs[0]!.correct + 1));
    await app.waitFor('✓ Right!');
    await app.press(KEYS.esc);
    await app.waitFor('Score 1/1 (100%)');
    expect(app.frame()).toContain('Left after 1 of 5 questions');
    // The summary is a screen of its own: still running, its keys work.
    await app.press('?');
    await app.waitFor('Keys');
    app.unmount();
  });

  it('q with nothing answered goes straight back (nothing to sum up)', async () => {
    const app = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'quiz', mode: 'choice', count: 5, seed: SEED }] });
    await app.waitFor('1/5');
    await app.press('q');
    await app.waitFor('Quit');
    app.unmount();
  });

  it('Korean: left part-way, says how many of how many', async () => {
    const qs = questionsFor('choice', 5) as (Question & { kind: 'choice' })[];
    const app = renderApp(services, { initial: [{ kind: 'quiz', mode: 'choice', count: 5, seed: SEED }], lang: 'ko' });
    await app.waitFor('1/5');
    await app.press(String(((qs[0]!.correct + 1) % qs[0]!.options.length) + 1), ' ');
    await app.waitFor('2/5');
    await app.press(String(qs[1]!.correct + 1), KEYS.esc);
    await app.waitFor('5문제 중 2문제에서 그만둠');
    expect(app.frame()).toContain('1/2');
    app.unmount();
  });

  it('shows the card note after answering', async () => {
    const pool = allItems(DECKS);
    const withNote = pool.find((i) => i.key === 'df-arg')!;
    const app = renderApp(services, { initial: [{ kind: 'quiz', mode: 'choice', count: 40, seed: SEED }] });
    // Walk until the ARG question comes up (at most every card once).
    for (let i = 0; i < 15 && !app.frame().includes(withNote.card.front); i++) {
      await app.waitFor(/\d+\/\d+/);
      await app.press('1', ' ');
    }
    await app.waitFor(withNote.card.front);
    await app.press('1');
    await app.waitFor('Note: ARG는 빌드 시점');
    app.unmount();
  });
});

describe('choice quiz with three options', () => {
  it('says 1–3 (not 1–4) and leaves 4 out of the help; 4 does nothing', async () => {
    const cards = ['runc', 'crun', 'youki'].map((answer) => ({ id: answer, type: 'typed' as const, front: `${answer}?`, answer, topic: 'rt' }));
    const store = openRealStore([{ deck: { ...DECK, cards }, file: 'small.json', origin: 'dir', contentHash: 'small' }], () => new Date(clock));
    const app = renderApp(store.services, { initial: [{ kind: 'quiz', mode: 'choice', count: 1, seed: SEED }] });
    await app.waitFor('1–3 or ↑/↓ + Enter');
    expect(app.frame()).toContain('3. ');
    await app.press('4');
    expect(app.frame()).toContain('1–3 or ↑/↓ + Enter');
    expect(app.frame()).not.toMatch(/[✓✗]/);
    await app.press('?');
    await app.waitFor('choose option 3');
    expect(app.frame()).not.toContain('choose option 4');
    app.unmount();
    store.close();
  });

  it('overruled: the verdict line says the learner’s call, not ✗ beside a score that counts it right', async () => {
    const [q] = questionsFor('choice', 1) as [Question & { kind: 'choice' }];
    const app = open('choice', 1);
    await app.waitFor('1/1');
    await app.press(String(((q.correct + 1) % q.options.length) + 1));
    await app.waitFor('✗ Not quite.');
    await app.press('r');
    await app.waitFor('✓ Recorded as right (your call).');
    expect(app.frame()).toContain('1 right');
    expect(app.frame()).not.toContain('Not quite.');
    app.unmount();
  });
});

describe('typed quiz', () => {
  /** A typed quiz whose first question is the card `key` (the first seed that puts it first). */
  async function openTyped(key: string) {
    const pool = allItems(DECKS);
    const seed = Array.from({ length: 500 }, (_, i) => i).find(
      (s) => buildQuestions({ items: pool, pool, mode: 'typed', count: 1, seed: s })[0]?.key === key,
    );
    expect(seed).toBeDefined();
    const app = renderApp(services, { initial: [{ kind: 'quiz', mode: 'typed', count: 1, seed }] });
    await app.waitFor('1/1');
    return app;
  }

  it('says in one line, on the first question only, when fewer cards than asked have an answer to type', async () => {
    // The fixture's reverse sides (descriptions) and its cloze, order and interview cards are not typed.
    const n = questionsFor('typed', 20).length;
    expect(n).toBeLessThan(20);
    for (const [lang, line] of [
      ['en', `Only ${n} cards here have an answer to type (20 asked).`],
      ['ko', `입력해서 답할 카드가 ${n}장뿐입니다 (20문제 요청).`],
    ] as const) {
      const app = renderApp(services, { initial: [{ kind: 'quiz', mode: 'typed', count: 20, seed: SEED }], lang });
      await app.waitFor(`1/${n}`);
      expect(app.frame()).toContain(line);
      await app.press(' ');
      await app.press(KEYS.enter);
      await app.waitFor(`2/${n}`);
      expect(app.frame()).not.toContain(line);
      app.unmount();
    }
    // Enough cards: no notice.
    const app = renderApp(services, { initial: [{ kind: 'quiz', mode: 'typed', count: n, seed: SEED }] });
    await app.waitFor(`1/${n}`);
    expect(app.frame()).not.toContain('answer to type');
    app.unmount();
  });

  it('accepts Hangul with different spacing, and an alias', async () => {
    const app = await openTyped('vm');
    await app.press('가상 머신');
    expect(app.frame()).toContain('> 가상 머신');
    await app.press(KEYS.enter);
    await app.waitFor('✓ Right!');
    expect(app.frame()).toContain('Answer: 가상머신');
    app.unmount();
  });

  it('offers to accept an English near miss and shows the diff', async () => {
    const app = await openTyped('rt-containerd');
    await app.press('containrd', KEYS.enter);
    await app.waitFor('Count it as right? (y/n)');
    expect(app.frame()).toContain('You: containrd');
    await app.press('y');
    await app.waitFor('Counted as right (close).');
    expect(progress.state('rt-containerd')).toMatchObject({ cramN: 1 });
    expect(progress.state('rt-containerd')?.cramMiss ?? 0).toBe(0);
    app.unmount();
  });

  it('overrules a wrong verdict with r (Korean IME: ㄱ): the score and the recorded grade follow', async () => {
    const app = await openTyped('rt-containerd');
    await app.press('dockerd', KEYS.enter);
    await app.waitFor('✗ Not quite.');
    expect(app.frame()).toContain('r I was right');
    expect(progress.state('rt-containerd')).toMatchObject({ cramN: 1, cramMiss: 1 });
    await app.press('ㄱ');
    await app.waitFor('Recorded as right (your call).');
    expect(app.frame()).toContain('1 right');
    // The verdict line itself now says right: no ✗ left beside the score that counts it.
    expect(app.frame()).toContain('✓ Recorded as right (your call).');
    expect(app.frame()).not.toContain('Not quite.');
    // The Again was undone and replaced by Good: one answer, no miss.
    expect(progress.state('rt-containerd')).toMatchObject({ cramN: 1 });
    expect(progress.state('rt-containerd')?.cramMiss ?? 0).toBe(0);
    await app.press(KEYS.enter);
    await app.waitFor('Score 1/1');
    app.unmount();
  });

  it('Enter on an empty field grades nothing: a hint says Space shows the answer (a miss)', async () => {
    const app = await openTyped('rt-containerd');
    await app.press(KEYS.enter);
    await app.waitFor('Not graded · Space: see answer (a miss)');
    expect(app.frame()).not.toMatch(/[✓✗]/);
    expect(app.frame()).toContain('0 right');
    expect(progress.state('rt-containerd')?.cramN ?? 0).toBe(0);
    // Typing clears the hint; emptied again, Space gives up.
    await app.press('c', KEYS.backspace);
    expect(app.frame()).not.toContain('Not graded');
    await app.press(' ');
    await app.waitFor('✗ revealed: containerd');
    expect(progress.state('rt-containerd')).toMatchObject({ cramN: 1, cramMiss: 1 });
    // Overruled after seeing it: the learner's call replaces the ✗ line, the answer stays.
    await app.press('r');
    await app.waitFor('✓ Recorded as right (your call).');
    expect(app.frame()).toContain('Answer: containerd');
    app.unmount();
  });

  it('overrules a right verdict with w: recorded as a miss', async () => {
    const app = await openTyped('rt-containerd');
    await app.press('containerd', KEYS.enter);
    await app.waitFor('✓ Right!');
    await app.press('w');
    await app.waitFor('Recorded as wrong (your call).');
    expect(progress.state('rt-containerd')).toMatchObject({ cramN: 1, cramMiss: 1 });
    app.unmount();
  });

  it('edits with Backspace and marks a Korean one-jamo miss close; n counts it wrong', async () => {
    const app = await openTyped('ct');
    await app.press('컨테이넌x', KEYS.backspace, KEYS.enter);
    await app.waitFor('Count it as right? (y/n)');
    await app.press('n');
    await app.waitFor('✗ Not quite.');
    expect(progress.state('ct')).toMatchObject({ cramMiss: 1 });
    app.unmount();
  });
});

describe('order quiz', () => {
  it('draws a bottom-up stack with step 1 at the bottom and marks misplaced steps with my position', async () => {
    const stack: LoadedDeck = {
      deck: { id: 'stack', title: 'stack', description: '', language: 'ko', cards: [{ id: 'st', type: 'order', front: '컨테이너 환경의 구조를 아래에서 위로 쌓으세요', steps: ['하드웨어', '호스트 OS', '컨테이너 엔진', '애플리케이션'] }] },
      file: 'stack.json',
      origin: 'dir',
      contentHash: 'stack',
    };
    close();
    ({ progress, services, close } = openRealStore([stack], () => new Date(clock)));
    const app = renderApp(services, { initial: [{ kind: 'quiz', mode: 'order', count: 1, seed: SEED }] });
    await app.waitFor('Step 1 is the bottom of the stack.');
    const rows = app.frame().split('\n');
    const numbers = rows.flatMap((r) => /^[›≡ ] (\d)\. /.exec(r)?.[1] ?? []);
    expect(numbers).toEqual(['4', '3', '2', '1']);
    await app.press(KEYS.enter);
    await app.waitFor(/in the right place|Right!/);
    const checked = app.frame().split('\n').filter((r) => /^[✓✗] \d\. /.test(r));
    expect(checked[0]).toMatch(/^. 4\. 애플리케이션/);
    expect(checked[checked.length - 1]).toMatch(/^. 1\. 하드웨어/);
    if (checked.some((r) => r.startsWith('✗'))) expect(app.frame()).toMatch(/\(my position \d\)/);
    app.unmount();
  });

  it('moves steps with Space-pick-up and K/J, checks, and scores positions', async () => {
    const q = questionsFor('order', 1)[0] as Question & { kind: 'order' };
    const app = open('order', 1);
    await app.waitFor(q.prompt);
    // Sort by selection: for each position, bring the right step there.
    const arr = [...q.start];
    let cursor = 0;
    for (let pos = 0; pos < arr.length; pos++) {
      const from = arr.indexOf(pos);
      const keys: string[] = [];
      const step = from > cursor ? KEYS.down : KEYS.up;
      for (let i = 0; i < Math.abs(from - cursor); i++) keys.push(step);
      // Alternate the two ways of moving: Space + arrows, and K (move up directly).
      if (pos % 2 === 0) keys.push(' ', ...new Array(from - pos).fill(KEYS.up), ' ');
      else keys.push(...new Array(from - pos).fill('K'));
      await app.press(...keys);
      arr.splice(pos, 0, ...arr.splice(from, 1));
      cursor = pos;
    }
    await app.press(KEYS.enter);
    await app.waitFor('✓ Right!');
    expect(app.frame()).toContain(`✓ 1. ${q.steps[0]}`);
    app.unmount();
  });

  it('reports positions right when checked as is', async () => {
    const q = questionsFor('order', 1)[0] as Question & { kind: 'order' };
    const app = open('order', 1);
    await app.waitFor(q.prompt);
    await app.press(KEYS.enter);
    const right = q.start.filter((s, i) => s === i).length;
    await app.waitFor(`${right}/${q.steps.length} in the right place`);
    app.unmount();
  });
});

describe('fewer questions than --count', () => {
  it('says so in one line on the first question in every mode, both languages; not when there are enough', async () => {
    for (const mode of ['choice', 'order', 'cloze', 'interview', 'mixed'] as const) {
      const n = questionsFor(mode, 30).length;
      expect(n, mode).toBeGreaterThan(0);
      expect(n, mode).toBeLessThan(30);
      for (const [lang, line] of [
        ['en', `Only ${n} ${n === 1 ? 'question' : 'questions'} here for this quiz (30 asked).`],
        ['ko', `이 퀴즈로 낼 문제가 ${n}개뿐입니다 (30문제 요청).`],
      ] as const) {
        const app = renderApp(services, { initial: [{ kind: 'quiz', mode, count: 30, seed: SEED }], lang });
        await app.waitFor(`1/${n}`);
        expect(app.frame(), `${mode} ${lang}`).toContain(line);
        app.unmount();
      }
      const app = renderApp(services, { initial: [{ kind: 'quiz', mode, count: n, seed: SEED }] });
      await app.waitFor(`1/${n}`);
      expect(app.frame(), mode).not.toContain('for this quiz');
      app.unmount();
    }
  });
});

describe('cloze quiz', () => {
  it('types one gap and reveals the other', async () => {
    const app = open('cloze', 1);
    await app.waitFor('gap 1/2');
    expect(app.frame()).toContain('이미지는 [___]이고');
    await app.press('읽기전용', KEYS.enter);
    await app.waitFor('gap 2/2');
    expect(app.frame()).toContain('✓ Right!');
    // The same keys and words as a typed question: empty Enter only hints, empty Space reveals.
    expect(app.frame()).toContain('Enter check · empty Space: show answer');
    await app.press(KEYS.enter);
    await app.waitFor('Not graded · Space: see answer (a miss)');
    expect(app.frame()).not.toContain('revealed');
    expect(app.frame()).toContain('gap 2/2');
    await app.press(' ');
    await app.waitFor('revealed: 쓰기 가능한');
    expect(app.frame()).toContain('copy-on-write');
    expect(progress.state('cl-1')).toMatchObject({ cramMiss: 1 });
    app.unmount();
  });
});

describe('mock interview', () => {
  it('counts down, reveals the model answer when time is up, and takes a self-grade', async () => {
    progress.saveSettings({ thinkSeconds: 5 });
    const app = open('interview', 1);
    await app.waitFor('Think: 0:05');
    clock += 2_000;
    await app.waitFor('Think: 0:03');
    clock += 3_500;
    await app.waitFor('Time is up.');
    expect(app.frame()).toContain('• 커널 공유');
    await app.press('2');
    await app.waitFor('Questions to revisit');
    expect(app.frame()).toContain('컨테이너와 가상머신의 차이');
    app.unmount();
  });

  it('reveals early with Enter', async () => {
    const app = open('interview', 1);
    await app.waitFor('Think: 1:00');
    await app.press(KEYS.enter);
    await app.waitFor('Model answer');
    expect(app.frame()).not.toContain('Time is up.');
    await app.press('4');
    await app.waitFor('Nothing missed.');
    app.unmount();
  });
});

describe('small terminal', () => {
  it('keeps the options on screen at 40×12 when the prompt is long', async () => {
    const app = open('choice', 3, { columns: 40, rows: 12 });
    await app.waitFor('1/3');
    const lines = app.frame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(app.frame()).toMatch(/1\. .*\n.*2\. /);
    app.unmount();
  });

  it('says so when nothing fits the mode', async () => {
    const app = renderApp(services, { initial: [{ kind: 'quiz', mode: 'order', tag: 'runtime', seed: 1 }] });
    await app.waitFor('No card in this selection fits this quiz');
    app.unmount();
  });
});
