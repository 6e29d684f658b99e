/** Mock interview think time: a countdown, then the model answer. Time is injected. */

export interface ThinkTimer {
  startedAt: number;
  thinkMs: number;
  /** Set when the learner revealed the answer before time ran out. */
  revealedAt?: number;
}

export function startTimer(now: number, thinkSeconds: number): ThinkTimer {
  return { startedAt: now, thinkMs: Math.max(0, thinkSeconds) * 1000 };
}

export function remainingMs(timer: ThinkTimer, now: number): number {
  if (timer.revealedAt !== undefined) return 0;
  return Math.max(0, timer.startedAt + timer.thinkMs - now);
}

/** The answer shows when revealed early or when the time is up. */
export function isRevealed(timer: ThinkTimer, now: number): boolean {
  return timer.revealedAt !== undefined || now >= timer.startedAt + timer.thinkMs;
}

export function revealEarly(timer: ThinkTimer, now: number): ThinkTimer {
  return isRevealed(timer, now) ? timer : { ...timer, revealedAt: now };
}

/** Share of the think time used (0–1), for a progress bar. */
export function elapsedShare(timer: ThinkTimer, now: number): number {
  if (timer.thinkMs === 0) return 1;
  return 1 - remainingMs(timer, now) / timer.thinkMs;
}

/** m:ss, rounded up so the display reaches 0:00 exactly when time is up. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
