import { describe, expect, it } from 'vitest';
import { buildQuestion } from '../../../src/core/quiz/questions.js';
import { buildQuestions, orderItems, quizReducer, startQuiz, summarize, currentQuestion, type QuizState } from '../../../src/core/quiz/quizState.js';
import { choiceOutcome, clozeOutcome, selfGradeOutcome, typedOutcome } from '../../../src/core/quiz/grading.js';
import { ITEMS, item } from './fixture.js';

const T0 = Date.UTC(2025, 0, 6, 9);

describe('buildQuestion', () => {
  it('gives each mode the cards that fit it', () => {
    expect(buildQuestion(item('rt-runc'), 'choice', ITEMS, 1)?.kind).toBe('choice');
    expect(buildQuestion(item('or-1'), 'choice', ITEMS, 1)).toBeUndefined();
    expect(buildQuestion(item('rt-crio'), 'typed', ITEMS, 1)).toMatchObject({ kind: 'typed', answer: 'CRI-O' });
    // A two-line answer is not typed from memory.
    expect(buildQuestion(item('long'), 'typed', ITEMS, 1)).toBeUndefined();
    expect(buildQuestion(item('or-1'), 'order', ITEMS, 1)?.kind).toBe('order');
    expect(buildQuestion(item('cl-1'), 'cloze', ITEMS, 1)).toMatchObject({ kind: 'cloze', answers: ['읽기 전용', '쓰기 가능한'], explanation: 'copy-on-write' });
    expect(buildQuestion(item('iv-1'), 'interview', ITEMS, 1)).toMatchObject({ kind: 'interview', points: ['커널 공유', '게스트 OS 없음', '시작이 빠름'] });
    expect(buildQuestion(item('rt-runc'), 'interview', ITEMS, 1)).toBeUndefined();
  });

  it('picks per card type in mixed mode', () => {
    const kinds = Object.fromEntries(['rt-runc', 'df-arg', 'rt-crio', 'cl-1', 'or-1', 'iv-1'].map((k) => [k, buildQuestion(item(k), 'mixed', ITEMS, 1)?.kind]));
    expect(kinds).toEqual({ 'rt-runc': 'typed', 'df-arg': 'choice', 'rt-crio': 'choice', 'cl-1': 'cloze', 'or-1': 'order', 'iv-1': 'interview' });
  });

  it('accepts aliases for typed questions, only when asked forward', () => {
    expect(buildQuestion(item('vm'), 'typed', ITEMS, 1)).toMatchObject({ accepted: ['가상머신', 'VM', 'virtual machine'] });
    expect(buildQuestion(item('ct'), 'typed', ITEMS, 1)).toMatchObject({ accepted: ['컨테이너', 'container'] });
    // The reverse side's answer is the description, a phrase: not something to type.
    expect(buildQuestion(item('vm~rev'), 'typed', ITEMS, 1)).toBeUndefined();
  });

  it('carries the note to show after answering', () => {
    expect(buildQuestion(item('df-arg'), 'choice', ITEMS, 1)?.note).toContain('ARG는 빌드 시점');
  });
});

describe('buildQuestions', () => {
  it('limits the count and never asks both sides of a reversible card', () => {
    const qs = buildQuestions({ items: ITEMS, mode: 'typed', seed: 3, count: 100 });
    const cards = qs.map((q) => q.item.cardId);
    expect(new Set(cards).size).toBe(cards.length);
    expect(buildQuestions({ items: ITEMS, mode: 'mixed', seed: 3, count: 4 })).toHaveLength(4);
  });

  it('asks the weakest first, in their order', () => {
    const qs = buildQuestions({ items: ITEMS, mode: 'mixed', seed: 9, count: 5, weakness: ['or-1', 'rt-runc'] });
    expect(qs.slice(0, 2).map((q) => q.key)).toEqual(['or-1', 'rt-runc']);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = buildQuestions({ items: ITEMS, mode: 'mixed', seed: 11 }).map((q) => q.key);
    expect(buildQuestions({ items: ITEMS, mode: 'mixed', seed: 11 }).map((q) => q.key)).toEqual(a);
    expect(buildQuestions({ items: ITEMS, mode: 'mixed', seed: 12 }).map((q) => q.key)).not.toEqual(a);
  });

  it('keeps the weakness order stable in orderItems', () => {
    const keys = orderItems(ITEMS, 1, ['ct', 'vm~rev']).map((i) => i.key);
    expect(keys.slice(0, 2)).toEqual(['ct', 'vm~rev']);
    expect(keys).toHaveLength(ITEMS.length);
  });
});

function play(state: QuizState, outcomes: { correct: boolean; grade: 1 | 2 | 3 | 4 }[], stepMs = 4_000): QuizState {
  let s = state;
  let at = s.shownAt;
  for (const o of outcomes) {
    at += stepMs;
    s = quizReducer(s, { type: 'answer', index: s.index, ...o, at });
    at += 1_000;
    s = quizReducer(s, { type: 'next', index: s.index, at });
  }
  return s;
}

describe('quizReducer and summarize', () => {
  const questions = buildQuestions({ items: ITEMS, mode: 'mixed', seed: 5, count: 4 });

  it('records answers with their time, then a summary with score and missed cards', () => {
    const s = play(startQuiz(questions, 'mixed', 5, T0), [typedOutcome('right'), typedOutcome('wrong'), typedOutcome('close', true), choiceOutcome(2, 1)]);
    expect(s.finishedAt).toBe(T0 + 4 * 5_000);
    expect(s.results.map((r) => r?.ms)).toEqual([4_000, 4_000, 4_000, 4_000]);
    expect(s.results.map((r) => r?.grade)).toEqual([3, 1, 2, 1]);
    const sum = summarize(s);
    expect(sum).toMatchObject({ total: 4, answered: 4, correct: 2, score: 0.5, ms: 20_000 });
    expect(sum.missed.map((q) => q.key)).toEqual([questions[1]!.key, questions[3]!.key]);
    expect(sum.revisit.map((q) => q.key)).toEqual([questions[1]!.key, questions[2]!.key, questions[3]!.key]);
  });

  it('ignores a second answer to the same question', () => {
    let s = startQuiz(questions, 'mixed', 5, T0);
    s = quizReducer(s, { type: 'answer', index: 0, correct: true, grade: 3, at: T0 + 10 });
    const again = quizReducer(s, { type: 'answer', index: 0, correct: false, grade: 1, at: T0 + 20 });
    expect(again).toBe(s);
  });

  it('ignores a key meant for another question (keys faster than renders)', () => {
    let s = startQuiz(questions, 'mixed', 5, T0);
    // "next" before answering does nothing.
    expect(quizReducer(s, { type: 'next', index: 0, at: T0 + 5 })).toBe(s);
    s = quizReducer(s, { type: 'answer', index: 0, correct: true, grade: 3, at: T0 + 10 });
    s = quizReducer(s, { type: 'next', index: 0, at: T0 + 20 });
    // A second "next" from the old question, and an answer for it, are stale.
    expect(quizReducer(s, { type: 'next', index: 0, at: T0 + 30 })).toBe(s);
    expect(quizReducer(s, { type: 'answer', index: 0, correct: false, grade: 1, at: T0 + 30 })).toBe(s);
    expect(s.index).toBe(1);
  });

  it('drills the missed questions again as a new round', () => {
    const done = play(startQuiz(questions, 'mixed', 5, T0), [typedOutcome('right'), typedOutcome('wrong'), typedOutcome('right'), typedOutcome('wrong')]);
    const drill = quizReducer(done, { type: 'drillMissed', at: T0 + 60_000 });
    expect(drill.round).toBe(2);
    expect(drill.questions.map((q) => q.key)).toEqual([questions[1]!.key, questions[3]!.key]);
    expect(drill.finishedAt).toBeUndefined();
    expect(currentQuestion(drill)?.key).toBe(questions[1]!.key);
    // Nothing missed: nothing to drill.
    const perfect = play(startQuiz(questions, 'mixed', 5, T0), questions.map(() => typedOutcome('right')));
    expect(quizReducer(perfect, { type: 'drillMissed', at: T0 })).toBe(perfect);
  });

  it('left early: summarised over the questions answered (one never asked is not a miss to drill)', () => {
    let s = startQuiz(questions, 'mixed', 5, T0);
    s = quizReducer(s, { type: 'answer', index: 0, correct: true, grade: 3, at: T0 + 1_000 });
    s = quizReducer(s, { type: 'next', index: 0, at: T0 + 1_500 });
    s = quizReducer(s, { type: 'answer', index: 1, correct: false, grade: 1, at: T0 + 1_800 });
    s = quizReducer(s, { type: 'finish', at: T0 + 2_000 });
    expect(summarize(s)).toMatchObject({ answered: 2, correct: 1, total: 2, ms: 2_000, planned: 4 });
    expect(summarize(s).missed.map((q) => q.key)).toEqual([questions[1]!.key]);
    expect(currentQuestion(s)).toBeUndefined();
    expect(quizReducer(s, { type: 'drillMissed', at: T0 + 3_000 }).questions.map((q) => q.key)).toEqual([questions[1]!.key]);
    // A quiz answered to the end and then finished is a whole one.
    const whole = quizReducer(play(startQuiz(questions, 'mixed', 5, T0), questions.map(() => typedOutcome('right'))), { type: 'finish', at: T0 });
    expect(summarize(whole).planned).toBeUndefined();
  });

  it('finishes an empty quiz at once', () => {
    const s = startQuiz([], 'order', 1, T0);
    expect(s.finishedAt).toBe(T0);
    expect(summarize(s)).toMatchObject({ total: 0, score: 0 });
  });
});

describe('grading', () => {
  it('maps outcomes to grades', () => {
    expect(typedOutcome('close')).toEqual({ correct: false, grade: 1 });
    expect(typedOutcome('close', true)).toEqual({ correct: true, grade: 2 });
    expect(clozeOutcome([typedOutcome('right'), typedOutcome('right')])).toEqual({ correct: true, grade: 3 });
    expect(clozeOutcome([typedOutcome('right'), typedOutcome('close', true)])).toEqual({ correct: true, grade: 2 });
    expect(clozeOutcome([typedOutcome('right'), typedOutcome('wrong')])).toEqual({ correct: false, grade: 1 });
    expect(clozeOutcome([])).toEqual({ correct: false, grade: 1 });
    expect(selfGradeOutcome(1)).toEqual({ correct: false, grade: 1 });
    expect(selfGradeOutcome(4)).toEqual({ correct: true, grade: 4 });
  });
});
