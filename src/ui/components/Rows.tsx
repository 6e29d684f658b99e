/** Draws pre-laid-out rows (textLayout.ts): every row already fits the width, so Ink never wraps. */
import { Text } from 'ink';
import type { Row } from '../textLayout.js';
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
        <RowText key={i} row={r} />
      ))}
    </>
  );
}
