/**
 * A vertical bar chart as text rows (one column per value), with eighth-block tops so
 * small differences still show in a few rows. Pure: rows of styled segments.
 */
import { displayWidth } from '../../../core/text/width.js';
import { padDisplay } from '../../../core/text/width.js';
import { seg, type Row } from '../../textLayout.js';
import type { Style } from '../../theme.js';

const EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export interface BarChartOptions {
  /** Rows of bars (not counting the axis). */
  height: number;
  bar?: Style;
  axis?: Style;
  /** Labels under the first and the last column. */
  startLabel?: string;
  endLabel?: string;
}

/**
 * `values.length` columns, plus a left gutter holding the maximum (top) and 0 (bottom).
 * A value above zero always shows at least a sliver, so "one card due" is visible.
 */
export function barChart(values: readonly number[], opts: BarChartOptions): Row[] {
  const height = Math.max(1, opts.height);
  const max = Math.max(0, ...values);
  const gutter = Math.max(displayWidth(String(max)), 1) + 1;
  const units = values.map((v) => (v <= 0 || max === 0 ? 0 : Math.max(1, Math.round((v / max) * height * 8))));
  const rows: Row[] = [];
  for (let r = height - 1; r >= 0; r--) {
    const label = r === height - 1 ? String(max) : r === 0 ? '0' : '';
    const bars = units.map((u) => EIGHTHS[Math.max(0, Math.min(8, u - r * 8))]!).join('');
    rows.push([seg(padDisplay(label, gutter - 1) + ' ', opts.axis), seg(bars, opts.bar)]);
  }
  const start = opts.startLabel ?? '';
  const end = opts.endLabel ?? '';
  const gap = values.length - displayWidth(start) - displayWidth(end);
  if (start || end) rows.push([seg(' '.repeat(gutter)), seg(gap > 0 ? `${start}${' '.repeat(gap)}${end}` : start, opts.axis)]);
  return rows;
}
