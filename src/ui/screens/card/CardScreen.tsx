/**
 * One card in full (from search or the card browser): its state (due, interval, memory, recall
 * now, reviews, lapses, last answers, flags), then the prompt, answer, note, source, deck and
 * tags. Actions: suspend / unsuspend, bury / unbury, forget (asks; `u` undoes it through
 * undoEntry, as every action taken here, and the answers of a review or quiz started here),
 * review or quiz this card now. A notice lasts until the next action or until the screen is left.
 */
import { useMemo, useRef } from 'react';
import { fullCardRows } from '../../cardView.js';
import { useServices, useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { useScroll } from '../../hooks/useScroll.js';
import { useSyncReducer } from '../../hooks/useSyncReducer.js';
import { Command, matches } from '../../keymap.js';
import { seg, wrapRows, type Row } from '../../textLayout.js';
import { useShell } from '../../shell.js';
import { SCREEN_COMMANDS } from '../../navigation.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { moreMarker } from '../../components/scrollWindow.js';
import { noticeRows } from '../../components/notice.js';
import { cardActionReducer, initialCardActions, stateRows, type Flash } from './cardState.js';

export function CardScreen({ deckId, cardId, itemKey }: { deckId: string; cardId: string; itemKey?: string }) {
  const { decks, seedTitle, progress, now } = useServices();
  const ui = useUi();
  const { messages: t, theme, columns, rows } = ui;
  const shell = useShell();
  const key = itemKey ?? cardId;
  const deck = decks.find((d) => d.deck.id === deckId)?.deck;
  const card = deck?.cards.find((c) => c.id === cardId);
  const item = useMemo(() => progress.items(deckId).find((it) => it.key === key), [progress, deckId, key]);
  const [, dispatch, current] = useSyncReducer(cardActionReducer, () => initialCardActions);

  // Read the state again after every action here and whenever the screen is back on top (a review of it below).
  // Leaving notes the card's entries; back on top, the old notice goes, and what a review or quiz
  // started here wrote (its answers) joins what `u` takes back, newest first.
  const shown = useRef<{ active: boolean; times: number; before?: Set<string> }>({ active: shell.active, times: 0 });
  if (shell.active !== shown.current.active) {
    const before = shown.current.before;
    if (!shell.active) shown.current.before = item ? new Set(progress.history(item.key).map((e) => e.id)) : undefined;
    else {
      shown.current.times++;
      shown.current.before = undefined;
      const since = item && before ? progress.history(item.key).filter((e) => !before.has(e.id)) : [];
      dispatch({ type: 'back', done: since.map((e) => ({ id: e.id, key: e.key, ...(e.op === 'answer' ? { grade: e.grade } : {}) })) });
    }
    shown.current.active = shell.active;
  }
  const acts = current();
  const version = `${shown.current.times}:${acts.done.length}:${acts.flash?.text ?? ''}`;
  const info = useMemo(() => (item ? progress.cardInfos([item])[0] : undefined), [progress, item, version]);
  const history = useMemo(() => (item ? progress.history(item.key) : []), [progress, item, version]);

  const content: Row[] = card && deck ? [...(info ? [...stateRows(info, history, now(), columns, t, theme), []] : []), ...fullCardRows(card, deck.title, columns, t, theme, seedTitle)] : [[seg(t.card.notFound, theme.status.warn)]];
  // A notice or the forget prompt wraps whole (its y/n, an unsuspend id): its last row is the footer, the others take rows over it.
  const notice: Row[] = acts.confirmForget ? wrapRows(t.cardState.forgetConfirm, columns, theme.status.warn) : acts.flash ? noticeRows(acts.flash, ui) : [];
  const over = notice.slice(0, -1);
  const height = Math.max(1, bodyHeight(rows) - over.length);
  const { rows: visible, handle } = useScroll(content, height, moreMarker(t, theme));
  const padding: Row[] = over.length ? Array.from({ length: Math.max(0, height - visible.length) }, () => []) : [];

  const flag = (op: 'suspend' | 'unsuspend' | 'bury' | 'unbury' | 'forget', flash: Flash) => {
    const id = progress.setFlag(key, op);
    dispatch({ type: 'did', id, key, flash });
  };
  const toggleSuspend = () => {
    if (info?.suspended) flag('unsuspend', { text: t.cardState.unsuspendedFlash, tone: 'ok' });
    else flag('suspend', { text: t.cardState.suspendedFlash, tone: 'info', unsuspend: key });
  };
  const toggleBury = () => {
    if (info?.buried) flag('unbury', { text: t.cardState.unburiedFlash, tone: 'ok' });
    else flag('bury', { text: t.cardState.buriedFlash, tone: 'info' });
  };
  /** This screen's own last flag, newest first. */
  const undoLast = () => {
    const last = current().done.at(-1);
    if (!last) dispatch({ type: 'flash', flash: { text: t.cardState.nothingToUndo, tone: 'warn' } });
    else {
      progress.undoEntry(last.id, last.key);
      dispatch({ type: 'undone', flash: { text: last.grade ? t.cardState.undoneAnswer(t.review.grades[last.grade]) : t.cardState.undone, tone: 'info' } });
    }
  };
  useScreenInput(
    (input, k) => {
      if (current().confirmForget) {
        if (matches(Command.Accept, input, k)) flag('forget', { text: t.cardState.forgotFlash, tone: 'info' });
        else dispatch({ type: 'cancel' });
        return true;
      }
      if (!item) {
        if (!matches(Command.Search, input, k)) return handle(input, k);
        shell.pop();
        return true;
      }
      if (handle(input, k)) return true;
      if (matches(Command.ToggleSuspend, input, k)) toggleSuspend();
      else if (matches(Command.ToggleBury, input, k)) toggleBury();
      else if (matches(Command.Forget, input, k)) dispatch({ type: 'askForget' });
      else if (matches(Command.Undo, input, k)) undoLast();
      else if (matches(Command.StudyCard, input, k)) shell.push({ kind: 'cram', options: { keys: [key], reschedule: true } });
      else if (matches(Command.QuizCard, input, k)) shell.push({ kind: 'quiz', mode: 'mixed', keys: [key], count: 1 });
      else if (matches(Command.Search, input, k)) shell.pop();
      else return false;
      return true;
    },
    { help: item ? SCREEN_COMMANDS.card : [Command.ScrollUp, Command.ScrollDown, Command.PageUp, Command.PageDown, Command.Search] },
  );

  const footer: Row = notice.at(-1) ?? [seg(item ? t.cardState.hint : t.footer.back, theme.text.muted)];
  return (
    <Frame title={[seg(t.card.title, theme.text.heading), seg(` · ${key}`, theme.text.muted)]} footer={footer}>
      <Rows rows={[...visible, ...padding, ...over]} />
    </Frame>
  );
}
