/** Home → Quiz: mode, number of questions, deck or tag, weakest first; remembers the last choices. */
import { useMemo } from 'react';
import { tagsOf } from '../../../core/schedule/browse.js';
import { isQuizMode } from '../../../core/quiz/questions.js';
import { useServices, useUi } from '../../context.js';
import { useShell } from '../../shell.js';
import { PickerView } from './PickerView.js';
import { QUIZ_DEFAULTS, initialPicker, parseScope, quizFields, scopeChoices } from './pickerModel.js';

export function QuizPicker({ deckId }: { deckId?: string }) {
  const { progress, decks } = useServices();
  const { messages: t } = useUi();
  const shell = useShell();
  const fields = useMemo(() => quizFields(scopeChoices(decks.map((d) => ({ id: d.deck.id, title: d.deck.title })), tagsOf(progress.items()), t), t), [decks, progress, t]);
  const start = (v: Record<string, string>) => {
    progress.saveSettings({ pickers: { ...progress.settings.pickers, quiz: v } });
    const mode = isQuizMode(v.mode!) ? v.mode : 'mixed';
    // Replaced, not pushed: leaving the quiz goes back to Home.
    shell.replace({ kind: 'quiz', mode, count: Number(v.count), ...parseScope(v.scope!), ...(v.weakest === 'on' ? { weakest: true } : {}) });
  };
  return (
    <PickerView
      title={t.pickers.quizTitle}
      kind="quizPicker"
      fields={fields}
      initial={() => initialPicker(fields, { ...QUIZ_DEFAULTS, ...progress.settings.pickers?.quiz }, { scope: deckId && `deck:${deckId}` })}
      onStart={start}
    />
  );
}
