import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkOrder, moveStep, shuffledOrder } from '../../../src/core/quiz/order.js';
import { checkGap, clozeAnswers, clozeParts } from '../../../src/core/quiz/cloze.js';
import { elapsedShare, formatCountdown, isRevealed, remainingMs, revealEarly, startTimer } from '../../../src/core/quiz/thinkTimer.js';
import type { ClozeCard } from '../../../src/core/deck/types.js';

describe('order', () => {
  it('never starts in order for two or more steps, and is a permutation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer(), (n, seed) => {
        const order = shuffledOrder(n, seed);
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(checkOrder(order).correct).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(shuffledOrder(1, 7)).toEqual([0]);
  });

  it('is stable for a seed', () => {
    expect(shuffledOrder(6, 42)).toEqual(shuffledOrder(6, 42));
  });

  it('scores positions right', () => {
    expect(checkOrder([0, 1, 2, 3])).toMatchObject({ positionsRight: 4, total: 4, correct: true });
    expect(checkOrder([1, 0, 2, 3])).toEqual({ positionsRight: 2, total: 4, correct: false, right: [false, false, true, true] });
    expect(checkOrder([3, 2, 1, 0]).positionsRight).toBe(0);
  });

  it('moves a picked-up step', () => {
    expect(moveStep([2, 0, 1, 3], 0, 2)).toEqual([0, 1, 2, 3]);
    expect(moveStep([0, 1, 3, 2], 3, 2)).toEqual([0, 1, 2, 3]);
    expect(moveStep([0, 1], 0, -5)).toEqual([0, 1]);
    expect(moveStep([1, 0], 0, 99)).toEqual([0, 1]);
  });
});

describe('cloze', () => {
  const card: ClozeCard = { id: 'c', type: 'cloze', front: '이미지는 {{읽기 전용}}이고 {{컨테이너}}는 쓴다', aliases: ['read-only'] };

  it('splits text and gaps in reading order', () => {
    const parts = clozeParts(card.front);
    expect(parts).toEqual([
      { kind: 'text', text: '이미지는 ' },
      { kind: 'gap', index: 0, answer: '읽기 전용' },
      { kind: 'text', text: '이고 ' },
      { kind: 'gap', index: 1, answer: '컨테이너' },
      { kind: 'text', text: '는 쓴다' },
    ]);
    expect(clozeAnswers(parts)).toEqual(['읽기 전용', '컨테이너']);
    expect(clozeParts('{{a}}')).toEqual([{ kind: 'gap', index: 0, answer: 'a' }]);
  });

  it('checks each gap like a typed answer', () => {
    const answers = clozeAnswers(clozeParts(card.front));
    expect(checkGap(card, answers, 0, '읽기전용').verdict).toBe('right');
    expect(checkGap(card, answers, 1, '컨테이넌').verdict).toBe('close');
    expect(checkGap(card, answers, 1, '이미지').verdict).toBe('wrong');
    // With two gaps an alias cannot be placed, so it is not accepted.
    expect(checkGap(card, answers, 0, 'read-only').verdict).toBe('wrong');
    expect(checkGap({ ...card, front: '{{읽기 전용}}' }, ['읽기 전용'], 0, 'Read only').verdict).toBe('right');
  });
});

describe('think timer', () => {
  const t0 = Date.UTC(2025, 0, 6, 9);

  it('counts down and reveals when time is up', () => {
    const timer = startTimer(t0, 60);
    expect(remainingMs(timer, t0)).toBe(60_000);
    expect(formatCountdown(remainingMs(timer, t0 + 500))).toBe('1:00');
    expect(formatCountdown(remainingMs(timer, t0 + 15_001))).toBe('0:45');
    expect(isRevealed(timer, t0 + 59_999)).toBe(false);
    expect(isRevealed(timer, t0 + 60_000)).toBe(true);
    expect(remainingMs(timer, t0 + 90_000)).toBe(0);
    expect(elapsedShare(timer, t0 + 30_000)).toBeCloseTo(0.5);
  });

  it('reveals early on request', () => {
    const timer = revealEarly(startTimer(t0, 60), t0 + 5_000);
    expect(timer.revealedAt).toBe(t0 + 5_000);
    expect(isRevealed(timer, t0 + 5_000)).toBe(true);
    expect(remainingMs(timer, t0 + 6_000)).toBe(0);
    // Revealing again keeps the first time.
    expect(revealEarly(timer, t0 + 9_000).revealedAt).toBe(t0 + 5_000);
  });

  it('treats zero think time as revealed at once', () => {
    const timer = startTimer(t0, 0);
    expect(isRevealed(timer, t0)).toBe(true);
    expect(elapsedShare(timer, t0)).toBe(1);
  });
});
