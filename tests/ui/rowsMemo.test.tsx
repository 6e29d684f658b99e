import { describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';

// Counts how often a row's text is prepared: once per render of a RowText.
const sanitized = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/core/text/sanitize.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/text/sanitize.js')>();
  return {
    ...real,
    sanitizeText: (t: string) => {
      sanitized.calls++;
      return real.sanitizeText(t);
    },
  };
});
const { Rows, sameRow } = await import('../../src/ui/components/Rows.js');

describe('Rows', () => {
  it('re-renders only the rows whose text or style changed (a screen rebuilds every row on each key)', () => {
    const rows = (selected: number) => [0, 1, 2].map((i) => [{ text: i === selected ? '› ' : '  ' }, { text: `레이어 ${i}`, style: i === selected ? { inverse: true } : { bold: true } }]);
    const { lastFrame, rerender, unmount } = render(<Rows rows={rows(0)} />);
    expect(sanitized.calls).toBe(6);
    sanitized.calls = 0;
    rerender(<Rows rows={rows(0)} />);
    expect(sanitized.calls).toBe(0);
    rerender(<Rows rows={rows(1)} />);
    // Rows 0 and 1 changed, row 2 did not.
    expect(sanitized.calls).toBe(4);
    expect(lastFrame()).toBe('  레이어 0\n› 레이어 1\n  레이어 2');
    unmount();
  });

  it('keyed rows: a list window moved by one redraws only the row that came in and the rows whose text changed', () => {
    // A window of five items with the highlighted one marked, as a ↓ in a long list moves it.
    const view = (start: number, selected: number) => {
      const ids = [0, 1, 2, 3, 4].map((k) => start + k);
      return { rows: ids.map((i) => [{ text: i === selected ? '› ' : '  ' }, { text: `레이어 ${i}` }]), keys: ids.map((i) => `card/${i}`) };
    };
    const { lastFrame, rerender, unmount } = render(<Rows {...view(0, 2)} />);
    sanitized.calls = 0;
    rerender(<Rows {...view(1, 3)} />);
    // Item 5 came in, items 2 and 3 changed their marker (two segments each); by position all five rows would.
    expect(sanitized.calls).toBe(6);
    expect(lastFrame()).toBe('  레이어 1\n  레이어 2\n› 레이어 3\n  레이어 4\n  레이어 5');
    sanitized.calls = 0;
    // The same key twice: both rows still drawn.
    rerender(<Rows rows={[[{ text: 'a' }], [{ text: 'b' }]]} keys={['k', 'k']} />);
    expect(lastFrame()).toBe('a\nb');
    unmount();
  });

  it('compares rows by text and every style field', () => {
    expect(sameRow([{ text: 'a', style: { color: 'red' } }], [{ text: 'a', style: { color: 'red' } }])).toBe(true);
    expect(sameRow([{ text: 'a', style: { color: 'red' } }], [{ text: 'a', style: { color: 'red', underline: true } }])).toBe(false);
    expect(sameRow([{ text: 'a' }], [{ text: 'a', style: {} }])).toBe(false);
    expect(sameRow([{ text: 'a' }], [{ text: 'b' }])).toBe(false);
    expect(sameRow([{ text: 'a' }], [{ text: 'a' }, { text: '' }])).toBe(false);
  });
});
