/**
 * Every screen's outline: a header row, the body, a footer row. The frame is exactly the
 * usable height (terminal rows − 1) so Ink never has to clear and redraw the whole screen.
 */
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { useUi } from '../context.js';
import { bodyHeight, fitHint, splitRow, type Row } from '../textLayout.js';
import { RowText } from './Rows.js';

// Pure, in textLayout.ts: Home's first frame is laid out before Ink loads (ui/firstFrame.ts).
export { bodyHeight };

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
