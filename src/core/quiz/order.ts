/** Order questions: put the steps of an `order` card back in sequence. */
import { hashSeed, mulberry32, shuffle } from './random.js';

/** "아래에서 위로" / "bottom to top": the steps build a stack, step 1 at the bottom. */
const BOTTOM_UP = /아래(?:에서|부터)\s*위|bottom\s*(?:to|up)/i;

export function isBottomUp(prompt: string): boolean {
  return BOTTOM_UP.test(prompt);
}

/**
 * A seeded permutation of step indices that is never already in order (for two or more
 * steps): a question that starts solved teaches nothing.
 */
export function shuffledOrder(stepCount: number, seed: number): number[] {
  const identity = Array.from({ length: stepCount }, (_, i) => i);
  if (stepCount < 2) return identity;
  const out = shuffle(identity, mulberry32(hashSeed(seed, 'order')));
  // Rotating a sorted permutation by one always breaks the order.
  return out.every((v, i) => v === i) ? [...out.slice(1), out[0]!] : out;
}

/** Move the entry at `from` to `to` (the picked-up step travels, others close ranks). */
export function moveStep(arrangement: readonly number[], from: number, to: number): number[] {
  if (from < 0 || from >= arrangement.length) return arrangement.slice();
  const target = Math.max(0, Math.min(arrangement.length - 1, to));
  const out = arrangement.slice();
  const [moved] = out.splice(from, 1);
  out.splice(target, 0, moved!);
  return out;
}

export interface OrderCheck {
  /** Positions holding the right step. */
  positionsRight: number;
  total: number;
  correct: boolean;
  /** Per position: the step there is the right one. */
  right: boolean[];
}

/** `arrangement[i]` is the index (into the card's steps) of the step placed at position i. */
export function checkOrder(arrangement: readonly number[]): OrderCheck {
  const right = arrangement.map((step, pos) => step === pos);
  const positionsRight = right.filter(Boolean).length;
  return { positionsRight, total: arrangement.length, correct: positionsRight === arrangement.length, right };
}
