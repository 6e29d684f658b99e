import { describe, expect, it } from 'vitest';
import { elapsedShare, formatCountdown, isRevealed, remainingMs, revealEarly, startTimer } from '../../../src/core/quiz/thinkTimer.js';

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
