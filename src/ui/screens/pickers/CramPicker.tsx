/**
 * Home → Cram: deck or tag, weakest first, and an interview date with the plan it makes
 * (answers a day, answers today: planDue) shown before it starts. Remembers the last choices.
 */
import { useMemo } from 'react';
import { tagsOf } from '../../../core/schedule/browse.js';
import { useServices, useUi } from '../../context.js';
import { useShell } from '../../shell.js';
import { PickerView } from './PickerView.js';
import { cramFields, initialPicker, parseScope, scopeChoices } from './pickerModel.js';

export function CramPicker({ deckId }: { deckId?: string }) {
  const { progress, decks, now } = useServices();
  const { messages: t } = useUi();
  const shell = useShell();
  // The plan under way (recorded by the store, whichever way it started): the picker opens on it,
  // so Enter goes on with it; "no date" is a choice to end it, never the default.
  const plan = progress.settings.plan;
  const fields = useMemo(
    () => cramFields(scopeChoices(decks.map((d) => ({ id: d.deck.id, title: d.deck.title })), tagsOf(progress.items()), t), now().getTime(), progress.settings.dayStartHour, t, plan?.until),
    [decks, progress, t, now, plan?.until],
  );
  const note = (v: Record<string, string>) => {
    if (!v.until) return { text: t.pickers.noDateNote };
    const p = progress.planPreview({ ...parseScope(v.scope!), until: v.until });
    return p.ok ? { text: t.pickers.plan(p.daysLeft, v.until, p.perDay, p.today) } : { text: t.pickers.planError(p.error), warn: true };
  };
  const start = (v: Record<string, string>) => {
    // "No date" chosen here ends the plan Home shows (the store records one when a dated cram starts).
    progress.saveSettings({ pickers: { ...progress.settings.pickers, cram: v }, ...(v.until ? {} : { plan: undefined }) });
    shell.replace({ kind: 'cram', options: { ...parseScope(v.scope!), ...(v.weakest === 'on' ? { weakest: true } : {}), ...(v.until ? { until: v.until } : {}) } });
  };
  return (
    <PickerView
      title={t.pickers.cramTitle}
      kind="cramPicker"
      fields={fields}
      initial={() =>
        initialPicker(fields, progress.settings.pickers?.cram, {
          scope: deckId ? `deck:${deckId}` : plan && (plan.deckId ? `deck:${plan.deckId}` : plan.tag ? `tag:${plan.tag}` : 'all'),
          until: plan?.until,
        })
      }
      note={note}
      onStart={start}
    />
  );
}
