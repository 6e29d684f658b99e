/** A labelled progress bar row: "docker-basics ████████░░░░ 63%". */
import { displayWidth, padDisplay } from '../../../core/text/width.js';
import { sanitizeText } from '../../../core/text/sanitize.js';
import { progressBar, seg, type Row } from '../../textLayout.js';
import type { Style } from '../../theme.js';

export interface MeterOptions {
  width: number;
  /** Columns for the label; the bar takes what is left. */
  labelWidth: number;
  done?: Style;
  todo?: Style;
  label?: Style;
}

export function meterRow(label: string, ratio: number, opts: MeterOptions): Row {
  const pct = `${Math.round(Math.max(0, Math.min(1, ratio)) * 100)}%`;
  const barWidth = Math.max(1, opts.width - opts.labelWidth - 1 - 5);
  const { filled, empty } = progressBar(Math.max(0, Math.min(1, ratio)), 1, barWidth);
  return [
    seg(`${padDisplay(sanitizeText(label).replace(/\s+/g, ' '), opts.labelWidth)} `, opts.label),
    seg(filled, opts.done),
    seg(empty, opts.todo),
    seg(` ${' '.repeat(Math.max(0, 4 - displayWidth(pct)))}${pct}`),
  ];
}
