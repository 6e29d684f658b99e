/** Draws pre-laid-out rows (layout.ts): every row already fits the width, so Ink never wraps. */
import { Text } from 'ink';
import type { Row } from '../layout.js';

export function RowText({ row }: { row: Row }) {
  if (!row.length) return <Text> </Text>;
  return (
    <Text>
      {row.map((s, i) => (
        <Text key={i} {...s.style}>
          {s.text}
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
