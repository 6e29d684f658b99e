/**
 * Overruling a verdict ("I was right" / "I was wrong"), as Anki lets you judge yourself: the
 * judge cannot know every right phrasing, and a learner who guessed knows it. The recorded
 * grade follows the learner's call.
 */
import type { Key } from 'ink';
import { overruleOutcome, type Outcome } from '../../../core/quiz/grading.js';
import { useSyncState } from '../../hooks/useSyncState.js';
import type { Messages } from '../../i18n/index.js';
import { Command, matches } from '../../keymap.js';
import type { Row } from '../../textLayout.js';
import type { Theme } from '../../theme.js';
import { verdictRows } from './quizRows.js';

export function useOverrule(onOverrule: (o: Outcome) => void): { overruled: Outcome | undefined; handle(input: string, key: Key): boolean } {
  const [overruled, setOverruled] = useSyncState<Outcome | undefined>(undefined);
  const overrule = (right: boolean) => {
    const o = overruleOutcome(right);
    setOverruled(o);
    onOverrule(o);
  };
  return {
    overruled,
    handle(input, key) {
      if (matches(Command.OverruleRight, input, key)) overrule(true);
      else if (matches(Command.OverruleWrong, input, key)) overrule(false);
      else return false;
      return true;
    },
  };
}

/**
 * The verdict line: the judge's (`correct`, `text`) until the learner overrules it, then
 * the learner's call in its place ("✓ Recorded as right (your call)."), as the score
 * follows it: a ✗ left above a ✓ would say both.
 */
export function verdictLine(correct: boolean, text: string, o: Outcome | undefined, width: number, t: Messages, theme: Theme): Row[] {
  return o ? verdictRows(o.correct, t.quiz.overruled(o.correct), width, theme) : verdictRows(correct, text, width, theme);
}
