import { expect } from 'vitest';
import { displayWidth } from '../../src/core/text/width.js';

/** Every frame fits: at most rows − 1 lines used (the last row stays free), none wider than the terminal. */
export function expectFits(screen: string, cols: number, rows: number): void {
  const lines = screen.split('\n');
  expect(lines.length, screen).toBeLessThanOrEqual(rows - 1);
  for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(cols);
}
