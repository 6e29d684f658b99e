/** Draws pre-laid-out rows (textLayout.ts): every row already fits the width, so Ink never wraps. The one place rows reach Ink (safeText). */
import { Text } from 'ink';
import { memo } from 'react';
import { safeText, type Row, type Seg } from '../textLayout.js';
import type { Style } from '../theme.js';

const STYLE_KEYS = ['color', 'bold', 'dimColor', 'inverse', 'underline'] as const satisfies readonly (keyof Style)[];
const sameStyle = (a: Style | undefined, b: Style | undefined) => a === b || (!!a && !!b && STYLE_KEYS.every((k) => a[k] === b[k]));
const sameSeg = (a: Seg, b: Seg) => a.text === b.text && sameStyle(a.style, b.style);

/** Same text in the same styles: screens build their rows anew on every key, mostly unchanged. */
export function sameRow(a: Row, b: Row): boolean {
  return a === b || (a.length === b.length && a.every((s, i) => sameSeg(s, b[i]!)));
}

/**
 * Memoised on the row's content: a key press re-renders a screen, and without this every one of
 * its rows went through React and Ink again (each a Text node re-measured and re-laid-out),
 * though a ↓ changes two rows of twenty.
 */
export const RowText = memo(function RowText({ row }: { row: Row }) {
  if (!row.length) return <Text> </Text>;
  return (
    <Text>
      {row.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional, a row is redrawn whole.
        <Text key={i} {...s.style}>
          {safeText(s.text)}
        </Text>
      ))}
    </Text>
  );
}, (prev, next) => sameRow(prev.row, next.row));

/**
 * `keys`: what each row shows (a hit, a card), for a list that scrolls. Positional rows all
 * change when the window moves by one; keyed, React keeps the rows that moved and redraws only
 * the ones that came in or changed (on a ↓ in a long list, two or three of twenty).
 */
export function Rows({ rows, keys }: { rows: Row[]; keys?: readonly string[] }) {
  const seen = keys && new Set<string>();
  return (
    <>
      {rows.map((r, i) => {
        let key = keys?.[i];
        // A key given twice (the same card listed twice) would make React drop a row: positional then.
        if (key === undefined || seen?.has(key)) key = `#${i}`;
        seen?.add(key);
        return <RowText key={key} row={r} />;
      })}
    </>
  );
}
