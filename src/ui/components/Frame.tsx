/**
 * Every screen's outline: a header row, the body, a footer row. The frame is exactly the
 * usable height (terminal rows − 1) so Ink never has to clear and redraw the whole screen.
 */
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { useUi } from '../context.js';
import { fitHint, fitRow, rowWidth, seg, type Row } from '../textLayout.js';
import { RowText } from './Rows.js';

/** Rows left for a screen's body inside the frame. */
export function bodyHeight(rows: number): number {
  return Math.max(1, rows - 2);
}

/** Left and right parts on one row, the right part kept when space is short. */
export function splitRow(left: Row, right: Row, width: number): Row {
  const rw = rowWidth(right);
  if (rw + 2 > width) return fitRow(left, width);
  const l = fitRow(left, width - rw - 1);
  return [...l, seg(' '.repeat(Math.max(1, width - rowWidth(l) - rw))), ...right];
}

export function Frame({ title, right = [], footer, children }: { title: Row; right?: Row; footer: Row; children: ReactNode }) {
  const { columns, rows } = useUi();
  return (
    <Box flexDirection="column" width={columns} height={rows} overflow="hidden">
      <RowText row={splitRow(title, right, columns)} />
      <Box flexDirection="column" height={bodyHeight(rows)} overflow="hidden">
        {children}
      </Box>
      <RowText row={fitHint(footer, columns)} />
    </Box>
  );
}
