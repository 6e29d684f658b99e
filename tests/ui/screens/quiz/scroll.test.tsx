/**
 * A question longer than a 40×12 terminal (found in a tmux walkthrough: the question was cut
 * to one line ending in "…" and ↓ / PgDn did nothing). Now the whole body scrolls: the first
 * frame says there is more (multiple choice: above, its options all in view), and every row of the question, the note and the model answer can
 * be scrolled into view, while the options, the answer field and the key hints keep working.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Card, LoadedDeck } from '../../../../src/core/deck/types.js';
import { displayWidth } from '../../../../src/core/text/width.js';
import { wrapRows } from '../../../../src/ui/textLayout.js';
import type { AppServices } from '../../../../src/ui/context.js';
import { KEYS, renderApp } from '../../render.js';
import { openRealStore } from '../../realStore.js';

const QUESTION =
  'Kubernetes 클러스터를 설치하고 운영하는 관리자를 위한 CNCF(리눅스 재단) 자격증으로, 클러스터 아키텍처와 설치·구성, 워크로드와 스케줄링, ' +
  '서비스와 네트워킹, 스토리지, 문제 해결을 실제 명령줄 환경에서 두 시간 동안 직접 풀어 보는 실기 시험으로 치르며, 시험 중에는 공식 문서를 ' +
  '참고할 수 있고 한 번의 무료 재응시 기회가 주어지며 합격하면 삼 년 동안 유효한 자격증은?';
const NOTE = 'CKA는 관리자, CKAD는 애플리케이션 개발자, CKS는 보안 전문가, KCNA는 입문자를 위한 자격증이다. 모두 리눅스 재단이 운영하며 CKS는 CKA 합격이 먼저 필요하다.';

const CARDS: Card[] = [
  {
    id: 'long-choice',
    type: 'choice',
    front: QUESTION,
    answer: 'CKA (Certified Kubernetes Administrator)',
    distractors: ['CKAD (Certified Kubernetes Application Developer)', 'CKS (Certified Kubernetes Security Specialist)', 'KCNA (Kubernetes and Cloud Native Associate)'],
    note: NOTE,
    tags: ['long'],
  },
  { id: 'long-typed', type: 'typed', front: QUESTION, answer: 'CKA', note: NOTE, tags: ['long'] },
  {
    id: 'long-interview',
    type: 'interview',
    front: QUESTION,
    points: ['관리자 대상: 설치, 업그레이드, 백업과 복구', '실기 시험: 명령줄에서 두 시간', '클러스터 아키텍처와 네트워킹, 스토리지', '문제 해결의 비중이 가장 크다', '합격 후 삼 년 유효'],
    tags: ['long'],
  },
  {
    id: 'long-order',
    type: 'order',
    front: '멀티 스테이지 빌드의 Dockerfile 단계를 순서대로',
    steps: ['FROM gradle:jdk21 AS build', 'WORKDIR /src', 'COPY . . (소스 복사)', 'RUN gradle build (app.jar 생성)', 'FROM eclipse-temurin:21-jre (최종 단계 시작)', 'COPY --from=build /src/build/libs/app.jar /app.jar'],
    tags: ['long-order'],
  },
];
const DECKS: LoadedDeck[] = [{ deck: { id: 'cncf', title: 'CNCF', description: '', language: 'ko', cards: CARDS }, file: 'cncf.json', origin: 'dir', contentHash: 'test' }];

let services: AppServices;
let close: () => void;
beforeEach(() => {
  ({ services, close } = openRealStore(DECKS, () => new Date('2025-03-01T09:00:00Z')));
});
afterEach(() => close());

type App = ReturnType<typeof renderApp>;
const lines = (frame: string) => frame.split('\n').map((l) => l.trimEnd());
/** `text` wrapped as the screen wraps it (Hangul two columns wide), one string per row. */
const wrapped = (text: string, width: number, indent = '') => wrapRows(text, width, undefined, indent).map((r) => r.map((s) => s.text).join('').trimEnd());

function expectFits(frame: string, columns: number, rows: number) {
  // The frame is at most rows − 1 lines (Ink never redraws the whole screen), none wider than the terminal.
  expect(lines(frame).length, frame).toBeLessThanOrEqual(rows - 1);
  for (const l of lines(frame)) expect(displayWidth(l), l).toBeLessThanOrEqual(columns);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Press `key` and give a changed frame time to arrive (Ink draws at most every few ms). */
async function pressAndSettle(app: App, key: string): Promise<string> {
  const before = app.frame();
  await app.press(key);
  for (let w = 0; w < 10 && app.frame() === before; w++) await sleep(20);
  return app.frame();
}

/** Press `key` until the frame stops changing; every frame seen (the first included). */
async function scrollThrough(app: App, key: string, columns: number, rows: number): Promise<string[]> {
  const frames = [app.frame()];
  for (let i = 0; i < 30; i++) {
    const f = await pressAndSettle(app, key);
    expectFits(f, columns, rows);
    if (f === frames[frames.length - 1]) break;
    frames.push(f);
  }
  return frames;
}

/** Every wrapped row of `text` is a whole line of some frame: nothing cut, nothing out of reach. */
function expectAllRowsSeen(frames: string[], text: string, width: number, indent = '') {
  const seen = new Set(frames.flatMap(lines));
  for (const row of wrapped(text, width, indent)) expect(seen, `never shown: ${row}`).toContain(row);
}

function open(mode: 'choice' | 'typed' | 'interview' | 'order', columns = 40, rows = 12) {
  return renderApp(services, { initial: [{ kind: 'quiz', mode, tag: mode === 'order' ? 'long-order' : 'long', count: 1, seed: 1 }], columns, rows });
}

describe('a question longer than a 40×12 terminal', () => {
  it('choice: the first frame shows every option (the number keys answer them) under the question\'s last line; PgUp reaches the whole question, PgDn comes back', async () => {
    expect(wrapped(QUESTION, 40).length).toBeGreaterThan(9);
    const app = open('choice');
    await app.waitFor('1/1');
    const first = app.frame();
    expectFits(first, 40, 12);
    // The question is scrolled, not the options: ↑ says so, nothing is hidden below.
    expect(first).toMatch(/↑ \d+ more/);
    expect(first).not.toMatch(/↓ \d+ more/);
    for (const n of [1, 2, 3, 4]) expect(first).toMatch(new RegExp(`${n}\\. `));
    // (Four two-row options fill this body: the question's last line shows where there is room.)
    const taller = open('choice', 40, 14);
    await taller.waitFor('1/1');
    expect(lines(taller.frame())).toContain(wrapped(QUESTION, 40).at(-1));
    expect(taller.frame()).toMatch(/4\. /);
    taller.unmount();
    expect(first).not.toContain('…');
    // The key hints stay.
    expect(lines(first).at(-1)).toContain('1–4');

    const up = await scrollThrough(app, KEYS.pageUp, 40, 12);
    expectAllRowsSeen(up, QUESTION, 40);
    const top = up[up.length - 1]!;
    expect(lines(top)[1]).toBe(wrapped(QUESTION, 40)[0]);
    expect(top).not.toMatch(/↑ \d+ more/);

    const down = await scrollThrough(app, KEYS.pageDown, 40, 12);
    expect(down[down.length - 1]).toBe(first);
    app.unmount();
  });

  it('choice: after a wrong pick the verdict and both marked options are on screen', async () => {
    const card = CARDS[0]!;
    if (card.type !== 'choice') throw new Error('fixture');
    // Two rows more than 40×12: these options take two rows each.
    const app = open('choice', 40, 14);
    await app.waitFor('1/1');
    // The option next to the right one: both fit on screen with the verdict.
    const right = Number(/(\d)\. CKA \(/.exec(app.frame())?.[1]);
    const wrong = String(right < 4 ? right + 1 : right - 1);
    await app.press(wrong);
    await app.waitFor('✗ Not quite.');
    const f = app.frame();
    expectFits(f, 40, 14);
    expect(f).toMatch(new RegExp(`^✓ ${right}\\. `, 'm'));
    expect(f).toMatch(new RegExp(`^✗ ${wrong}\\. `, 'm'));
    expect(f).toContain('Answer: CKA');
    app.unmount();
  });

  it('choice: ↓ moves the highlight and brings it into view; ↑ on option 1 scrolls back up to the question', async () => {
    const app = open('choice');
    await app.waitFor('1/1');
    await app.press(KEYS.down, KEYS.down, KEYS.down);
    expect(app.frame()).toMatch(/^› 4\. /m);
    expect(app.frame()).toMatch(/↑ \d+ more/);
    await app.press(KEYS.up, KEYS.up, KEYS.up);
    expect(app.frame()).toMatch(/^› 1\. /m);
    // ↑ on option 1 scrolls up while there is more above (then, at the top, it wraps to option 4 as before).
    const frames = [app.frame()];
    for (let i = 0; i < 20 && /↑ \d+ more/.test(app.frame()); i++) {
      const f = await pressAndSettle(app, KEYS.up);
      frames.push(f);
      expectFits(f, 40, 12);
      expect(f).toMatch(/^› 1\. |^↓ \d+ more/m);
    }
    expectAllRowsSeen(frames, QUESTION, 40);
    expect(lines(app.frame())[1]).toBe(wrapped(QUESTION, 40)[0]);
    await app.press(KEYS.up);
    await app.waitFor(/^› 4\. /m);
    app.unmount();
  });

  it('choice: after answering the verdict shows at once, and the whole note can be scrolled to with ↓', async () => {
    const app = open('choice');
    await app.waitFor('1/1');
    await app.press('2');
    await app.waitFor(/[✓✗] (Right!|Not quite\.)/);
    expectFits(app.frame(), 40, 12);
    const frames = await scrollThrough(app, KEYS.down, 40, 12);
    expectAllRowsSeen(frames, `Note: ${NOTE}`, 40);
    app.unmount();
  });

  it('typed: the field stays on screen under the question, ↑/↓ scroll (arrows, not letters), the note after the answer is whole', async () => {
    const app = open('typed');
    await app.waitFor('1/1');
    const first = app.frame();
    expectFits(first, 40, 12);
    expect(first).toMatch(/↓ \d+ more\n> *\n/);
    await app.press('관리자');
    await app.waitFor('> 관리자');
    // ↓ scrolls the question above the field; j/k are letters in the field.
    const down = await scrollThrough(app, KEYS.down, 40, 12);
    expectAllRowsSeen(down, QUESTION, 40);
    for (const f of down) expect(f).toMatch(/\n> 관리자\n/);
    await app.press('k');
    await app.waitFor('> 관리자k');
    await app.press(KEYS.backspace, KEYS.enter);
    await app.waitFor('✗ Not quite.');
    expect(app.frame()).toContain('> 관리자');
    const after = await scrollThrough(app, KEYS.down, 40, 12);
    expectAllRowsSeen(after, `Note: ${NOTE}`, 40);
    expect(lines(after[after.length - 1]!).at(-1)).toContain('Enter next · r I was right');
    const up = await scrollThrough(app, KEYS.up, 40, 12);
    expectAllRowsSeen(up, QUESTION, 40);
    app.unmount();
  });

  it('interview: the model answer shows from its first row, every point and the question within reach', async () => {
    const app = open('interview');
    await app.waitFor('Think:');
    // The countdown stays on screen under the question.
    expect(app.frame()).toMatch(/↓ \d+ more\nThink: 1:00/);
    await app.press(KEYS.enter);
    await app.waitFor('Model answer');
    expect(app.frame()).toContain('• 관리자 대상');
    const down = await scrollThrough(app, KEYS.pageDown, 40, 12);
    const points = CARDS[2]!.type === 'interview' ? CARDS[2]!.points : [];
    expect(points.length).toBe(5);
    for (const p of points) expectAllRowsSeen(down, p, 40, '• ');
    const up = await scrollThrough(app, KEYS.pageUp, 40, 12);
    expectAllRowsSeen(up, QUESTION, 40);
    app.unmount();
  });

  it('order: ↓ walks the steps into view; after checking, every step and where it was put can be scrolled to, none cut', async () => {
    const app = open('order');
    await app.waitFor('1/1');
    expect(app.frame()).toMatch(/↓ \d+ more/);
    const down = await scrollThrough(app, KEYS.down, 40, 12);
    expect(down[down.length - 1]).toMatch(/^› 6\. /m);
    await app.press(KEYS.enter);
    await app.waitFor(/in the right place|Right!/);
    const frames = [app.frame(), ...(await scrollThrough(app, KEYS.up, 40, 12))];
    const card = CARDS[3]!;
    if (card.type !== 'order') throw new Error('fixture');
    const seen = frames.join('\n');
    // Each step, row by row as wrapped under its "✓ 1. " / "✗ 1. " mark.
    for (const step of card.steps) for (const row of wrapped(step, 40, '✓ 1. ')) expect(seen).toContain(row.slice(5));
    // A misplaced step says where it was put, "(my position 3)", never cut to "(…".
    const wrong = (seen.match(/^✗ \d\. /gm) ?? []).length;
    expect((seen.match(/\(my position \d\)$/gm) ?? []).length).toBeGreaterThanOrEqual(wrong > 0 ? 1 : 0);
    for (const f of frames) expect(f).not.toContain('…');
    app.unmount();
  });

  it('at 80×24 the same question fits: no marker, nothing cut', async () => {
    const app = open('choice', 80, 24);
    await app.waitFor('1/1');
    const f = app.frame();
    expectFits(f, 80, 24);
    expect(f).not.toMatch(/(↑|↓) \d+ more/);
    for (const row of wrapped(QUESTION, 80)) expect(lines(f)).toContain(row);
    await app.press('1');
    await app.waitFor(/[✓✗] (Right!|Not quite\.)/);
    for (const row of wrapped(`Note: ${NOTE}`, 80)) expect(lines(app.frame())).toContain(row);
    app.unmount();
  });
});
