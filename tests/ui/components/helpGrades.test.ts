/** The `?` page's grade list: one grade a row (it was flowed into one paragraph), at 80 and 40 columns. */
import { expect, test } from 'vitest';
import { helpPage } from '../../../src/ui/components/HelpOverlay.js';
import { messagesFor } from '../../../src/ui/i18n/index.js';
import { makeTheme } from '../../../src/ui/theme.js';
import { rowWidth, type Row } from '../../../src/ui/textLayout.js';

const text = (row: Row) => row.map((s) => s.text).join('');

for (const lang of ['en', 'ko'] as const) {
  for (const columns of [80, 40]) {
    test(`${lang} at ${columns} columns: each grade starts its own row, its number out in the margin`, () => {
      const t = messagesFor(lang);
      const { rows } = helpPage('home', { messages: t, theme: makeTheme(false), columns });
      const lines = rows.map(text);
      const title = t.helpPage.sections[0]![0];
      const end = lines.indexOf('', lines.indexOf(title));
      const section = lines.slice(lines.indexOf(title) + 1, end);
      const starts = section.map((l, i) => [l, i] as const).filter(([l]) => /^ {2}[1-4] /.test(l));
      expect(starts.map(([l]) => l.slice(2, 3))).toEqual(['1', '2', '3', '4']);
      // The intro's rows come first, unindented; after the first grade every row is a grade or hangs under one.
      expect(section[0]!.startsWith(' ')).toBe(false);
      for (const l of section.slice(starts[0]![1])) expect(l, l).toMatch(/^ {2}[1-4] \S|^ {4}\S/);
      // No grade runs on in the row of another.
      for (const l of section) expect((l.match(/(^|[.;] )[1-4] [^\s\d]/g) ?? []).length, l).toBeLessThanOrEqual(1);
      for (const r of rows) expect(rowWidth(r)).toBeLessThanOrEqual(columns);
    });
  }
}
