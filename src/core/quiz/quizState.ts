/**
 * A quiz session as a pure reducer: questions built from a selection, answers with
 * their time, the score, the missed cards and "drill the missed ones again".
 * The clock arrives in every action (`at`, ms since the epoch).
 */
import type { StudyItem } from '../deck/items.js';
import type { Grade } from '../schedule/types.js';
import type { AliasKeys } from './typedAnswer.js';
import { buildQuestion, reshuffle, type Question, type QuestionKind, type QuizMode } from './questions.js';
import { hashSeed, mulberry32, shuffle } from './random.js';
import { DEFAULT_QUIZ_COUNT } from './modes.js';

export { DEFAULT_QUIZ_COUNT };

export interface QuizSetup {
  /** The selection to ask from. */
  items: readonly StudyItem[];
  /** Where distractors come from (usually every loaded item); defaults to `items`. */
  pool?: readonly StudyItem[];
  mode: QuizMode;
  count?: number;
  seed: number;
  /** Keys weakest first: those are asked first, in this order. */
  weakness?: readonly string[];
  /** Alias groups: an option that is another name of the answer is never offered. */
  aliases?: AliasKeys;
}

/** Weakest first (in the given order), then the rest in a seeded random order. */
export function orderItems(items: readonly StudyItem[], seed: number, weakness?: readonly string[]): StudyItem[] {
  const shuffled = shuffle(items, mulberry32(hashSeed(seed, 'items')));
  if (!weakness?.length) return shuffled;
  const rank = new Map(weakness.map((k, i) => [k, i]));
  const weak = shuffled.filter((i) => rank.has(i.key)).sort((a, b) => rank.get(a.key)! - rank.get(b.key)!);
  return [...weak, ...shuffled.filter((i) => !rank.has(i.key))];
}

/** Up to `count` questions; one per card (never both sides of a reversible card). */
export function buildQuestions(setup: QuizSetup): Question[] {
  const pool = setup.pool ?? setup.items;
  const count = setup.count ?? DEFAULT_QUIZ_COUNT;
  const out: Question[] = [];
  const cards = new Set<string>();
  for (const item of orderItems(setup.items, setup.seed, setup.weakness)) {
    if (out.length >= count) break;
    if (cards.has(`${item.deckId}/${item.cardId}`)) continue;
    const q = buildQuestion(item, setup.mode, pool, setup.seed, setup.aliases);
    if (!q) continue;
    cards.add(`${item.deckId}/${item.cardId}`);
    out.push(q);
  }
  return out;
}

export interface QuestionResult {
  key: string;
  deckId: string;
  kind: QuestionKind;
  /** Counted as right in the score (a near miss the learner accepted counts). */
  correct: boolean;
  /** What is recorded in progress: Good when right, Hard when close, Again when wrong. */
  grade: Grade;
  ms: number;
}

export interface QuizState {
  mode: QuizMode;
  seed: number;
  questions: Question[];
  index: number;
  /** Aligned with `questions`; undefined until answered. */
  results: (QuestionResult | undefined)[];
  startedAt: number;
  /** When the current question was shown (its answer time starts here). */
  shownAt: number;
  finishedAt?: number;
  /** 1 for the first pass, +1 for every "drill again". */
  round: number;
  /** Left part-way (`finish`): how many questions the round had; `questions` keeps the answered ones. */
  planned?: number;
}

/**
 * `index` names the question an answer or "next" belongs to: a key that arrives for a
 * question already left behind is ignored instead of landing on the next one.
 */
export type QuizAction =
  | { type: 'answer'; index: number; correct: boolean; grade: Grade; at: number }
  | { type: 'overrule'; index: number; correct: boolean; grade: Grade }
  | { type: 'next'; index: number; at: number }
  | { type: 'finish'; at: number }
  | { type: 'drillMissed'; at: number };

export function startQuiz(questions: Question[], mode: QuizMode, seed: number, at: number): QuizState {
  return {
    mode,
    seed,
    questions,
    index: 0,
    results: questions.map(() => undefined),
    startedAt: at,
    shownAt: at,
    round: 1,
    ...(questions.length === 0 ? { finishedAt: at } : {}),
  };
}

export function currentQuestion(state: QuizState): Question | undefined {
  return state.finishedAt === undefined ? state.questions[state.index] : undefined;
}

export function quizReducer(state: QuizState, action: QuizAction): QuizState {
  switch (action.type) {
    case 'answer': {
      const q = currentQuestion(state);
      if (!q || action.index !== state.index || state.results[state.index]) return state;
      const results = state.results.slice();
      results[state.index] = { key: q.key, deckId: q.deckId, kind: q.kind, correct: action.correct, grade: action.grade, ms: Math.max(0, action.at - state.shownAt) };
      return { ...state, results };
    }
    case 'overrule': {
      // The learner judges themselves after the verdict: the result (and score) follow.
      const r = state.results[action.index];
      if (!r || action.index !== state.index || state.finishedAt !== undefined) return state;
      const results = state.results.slice();
      results[action.index] = { ...r, correct: action.correct, grade: action.grade };
      return { ...state, results };
    }
    case 'next': {
      // Only from the question shown, and only once it is answered.
      if (state.finishedAt !== undefined || action.index !== state.index || !state.results[state.index]) return state;
      const index = state.index + 1;
      if (index >= state.questions.length) return { ...state, finishedAt: action.at };
      return { ...state, index, shownAt: action.at };
    }
    case 'finish': {
      // Left part-way: the summary is of the questions answered so far (one never asked is not a
      // miss, nor something to drill); the current one counts once its verdict is in.
      if (state.finishedAt !== undefined) return state;
      const answered = state.questions.flatMap((q, i) => (state.results[i] ? [{ q, r: state.results[i] }] : []));
      if (answered.length === state.questions.length) return { ...state, finishedAt: action.at };
      return { ...state, questions: answered.map((a) => a.q), results: answered.map((a) => a.r), index: answered.length, finishedAt: action.at, planned: state.questions.length };
    }
    case 'drillMissed': {
      const missed = missedQuestions(state);
      if (state.finishedAt === undefined || missed.length === 0) return state;
      const seed = hashSeed(state.seed, 'round', state.round + 1);
      return { ...startQuiz(missed.map((q) => reshuffle(q, seed)), state.mode, seed, action.at), round: state.round + 1 };
    }
  }
}

/** Questions answered wrong. */
function missedQuestions(state: QuizState): Question[] {
  return state.questions.filter((_, i) => !state.results[i]?.correct);
}

export interface QuizSummary {
  total: number;
  answered: number;
  correct: number;
  /** correct / total (0–1); 0 for an empty quiz. */
  score: number;
  ms: number;
  missed: Question[];
  /** Missed, plus answers graded Hard (a mock interview question the learner struggled with). */
  revisit: Question[];
  /** Left part-way: the round's question count (`total` is the questions answered). */
  planned?: number;
}

export function summarize(state: QuizState, at?: number): QuizSummary {
  const end = state.finishedAt ?? at ?? state.shownAt;
  const answered = state.results.filter(Boolean).length;
  const correct = state.results.filter((r) => r?.correct).length;
  const total = state.questions.length;
  return {
    total,
    answered,
    correct,
    score: total ? correct / total : 0,
    ms: Math.max(0, end - state.startedAt),
    missed: missedQuestions(state),
    revisit: state.questions.filter((_, i) => { const r = state.results[i]; return !r?.correct || r.grade <= 2; }),
    ...(state.planned !== undefined ? { planned: state.planned } : {}),
  };
}
