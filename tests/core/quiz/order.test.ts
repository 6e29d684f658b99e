import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkOrder, moveStep, shuffledOrder } from '../../../src/core/quiz/order.js';

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

