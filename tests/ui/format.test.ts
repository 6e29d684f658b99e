import { describe, expect, test } from 'vitest';
import { messagesFor } from '../../src/ui/i18n/index.js';
import { formatElapsed, formatSpan, formatWhen } from '../../src/ui/format.js';
import { en } from '../../src/ui/i18n/en.js';

describe('formats', () => {
  test('spans and elapsed times', () => {
    expect(formatSpan(45_000, en)).toBe('45s');
    expect(formatSpan(10 * 60_000, en)).toBe('10m');
    expect(formatSpan(9 * 86_400_000, en)).toBe('9d');
    expect(formatElapsed(125_000, en)).toBe('2m 05s');
    const now = new Date('2025-01-01T00:00:00Z');
    expect(formatWhen(new Date(now.getTime() + 3_600_000), now, en)).toBe('in 1h');
    expect(formatWhen(now, now, messagesFor('ko'))).toBe('지금');
  });
});
