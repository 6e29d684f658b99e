/** Draws pre-laid-out rows (layout.ts): every row already fits the width, so Ink never wraps. */
import { Text } from 'ink';
import type { Row } from '../layout.js';
import { sanitizeText } from '../../core/text/sanitize.js';

/**
 * The one place every row reaches the terminal: deck text is sanitised when loaded, but file
 * names, problem messages and typed input also end up in rows, so strip controls here too.
 */
const safe = (text: string) => sanitizeText(text).replace(/[\n\t]/g, ' ');

export function RowText({ row }: { row: Row }) {
  if (!row.length) return <Text> </Text>;
  return (
    <Text>
      {row.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional, a row is redrawn whole.
        <Text key={i} {...s.style}>
          {safe(s.text)}
        </Text>
      ))}
    </Text>
  );
}

export function Rows({ rows }: { rows: Row[] }) {
  return (
    <>
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional lines of the frame, not items.
        <RowText key={i} row={r} />
      ))}
    </>
  );
}
