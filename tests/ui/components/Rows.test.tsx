import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { RowText } from '../../../src/ui/components/Rows.js';
import { parseDeckText, formatProblem } from '../../../src/core/deck/validate.js';

describe('RowText', () => {
  it('never passes terminal control sequences through, whatever reached the row', () => {
    // A deck-problem message quotes a JSON key from the file; the key here carries an OSC title
    // sequence and BEL (the Home screen shows such problems as notices).
    const problem = parseDeckText('evil.json', '{ "id": "e", "title": "t", "description": "d", "language": "ko", "\\u001b]0;PWNED\\u0007x": 1, "cards": [] }').problems[0]!;
    expect(formatProblem(problem)).toContain('\u001b]0;PWNED\u0007');
    for (const [text, visible] of [
      [formatProblem(problem), 'unknown field "x" in deck'],
      ['tab\there \u009b31mred', 'tab here red'],
    ] as const) {
      const { lastFrame, unmount } = render(<RowText row={[{ text }]} />);
      const frame = lastFrame() ?? '';
      expect(frame).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(frame).toContain(visible);
      unmount();
    }
  });
});
