/**
 * Review (and cram: the same screen over Progress.startCram). The front; reveal shows the
 * answer, note and source; 1–4 grade with the next intervals shown; the answer is durable
 * (session.answer) before the next card is drawn. Typed and cloze cards can be answered by
 * typing (a setting, on by default): the quiz's judge suggests the grade Space/Enter takes.
 */
import { useState } from 'react';
import { planDaysLeft } from '../../../core/schedule/interviewPlan.js';
import { GRADES, type Grade } from '../../../core/schedule/types.js';
import type { CramOptions, StudySession, Undone } from '../../../store/types.js';
import { backBlock, choiceOptionRows, frontRows } from '../../cardView.js';
import { useServices, useUi, type AppServices, type Ui } from '../../context.js';
import { formatElapsed, formatInterval, formatPercent, formatWhen } from '../../format.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { Command, gradeKey, matches, matchesCharacter } from '../../keymap.js';
import { pushSearch } from '../../searchKey.js';
import { clampScroll, fitHint, fitRow, oneLine, packRows, seg, wrapRows, type Row } from '../../textLayout.js';
import { promptText } from '../../../core/deck/cards.js';
import { truncateDisplay } from '../../../core/text/width.js';
import { useShell } from '../../shell.js';
import { SCREEN_COMMANDS } from '../../navigation.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { noticeRows } from '../../components/notice.js';
import { followScroll, moreMarker, scrollDelta, viewport, windowRows, type Span } from '../../components/scrollWindow.js';
import { initialReview, reviewReducer, snapshot, type LeftCounts, type ReviewState } from './reviewState.js';
import { useSyncReducer } from '../../hooks/useSyncReducer.js';
import { checkTyped } from '../../../core/quiz/typedAnswer.js';
import { typeInAnswers, typeInGrade } from '../../../core/quiz/typeIn.js';
import type { StudyItem } from '../../../core/deck/items.js';
import { editField, EMPTY_FIELD } from '../../textField.js';
import { displayWidth } from '../../../core/text/width.js';
import { fieldCursor, fieldRow, useFieldCursor } from '../quiz/AnswerField.js';
import { diffRows, verdictRows } from '../quiz/quizRows.js';

/** Keys while typing an answer in review. */
const TYPE_IN_COMMANDS = [Command.Check, Command.Continue, Command.DeleteBack, Command.ClearField, Command.CursorLeft, Command.CursorRight, Command.CursorStart, Command.CursorEnd];

export type ReviewProps = { mode: 'review'; deckId?: string } | { mode: 'cram'; options: CramOptions };

/**
 * "1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 9d", wrapped to the width. Without
 * `intervals` (a cram that leaves the schedule alone) the grades only: the scheduler's
 * next intervals would not happen.
 */
/** Room for the card's title in the undo notice: the whole sentence fits the row (at 40 columns the verb was cut). */
function undoneTitleWidth(t: Ui['messages'], columns: number, what: Undone['what']): number {
  return Math.max(6, Math.min(30, columns - displayWidth(t.review.undone('', what))));
}

function gradeRows(state: ReviewState, ui: Pick<Ui, 'messages' | 'theme' | 'columns'>, intervals = true): Row[] {
  const { messages: t, theme, columns } = ui;
  const tone = { 1: theme.grade.again, 2: theme.grade.hard, 3: theme.grade.good, 4: theme.grade.easy };
  const items = GRADES.map((g): Row => {
    // The snapshot (and its previews) was taken when the card was shown.
    const preview = intervals ? state.snap.previews?.[g] : undefined;
    const label = preview && formatInterval(preview.due, state.shownAt, t);
    return [seg(`${g} `, theme.text.label), seg(t.review.grades[g], tone[g]), ...(label ? [seg(` ${label}`, theme.text.muted)] : [])];
  });
  return packRows(items, columns, seg(' · ', theme.text.muted));
}

/**
 * What is left, Anki-style: "new 12 · learn 1 · due 30" in the count colours. It only shrinks
 * (a learning card moves from one count to another and counts once); no growing denominator.
 */
function leftCountsRow(left: LeftCounts, { messages: t, theme }: Pick<Ui, 'messages' | 'theme'>): Row {
  const muted = theme.text.muted;
  return [
    seg(`${t.deckCounts.new} `, muted),
    seg(String(left.new), theme.count.new),
    seg(` · ${t.deckCounts.learning} `, muted),
    seg(String(left.learning), theme.count.learning),
    seg(` · ${t.deckCounts.due} `, muted),
    seg(String(left.review), theme.count.due),
  ];
}

/** The verdict and diff of each typed blank, for the back of a type-in card. */
function typedRows(state: ReviewState, blanks: number, ui: Pick<Ui, 'messages' | 'theme' | 'columns'>): Row[] {
  const { messages: t, theme, columns } = ui;
  return (state.typed?.checks ?? []).flatMap((c, i) => {
    if (!c) return [];
    const label = c.verdict === 'right' ? t.quiz.correct : c.verdict === 'close' ? t.review.close : t.quiz.wrong;
    const prefix = blanks > 1 ? `${t.quiz.gap(i + 1, blanks)} ` : '';
    return [...verdictRows(c.verdict !== 'wrong', prefix + label, columns, theme), ...diffRows(c.diff, columns, t, theme)];
  });
}

function doneRows(state: ReviewState, ui: Ui, now: Date): Row[] {
  const { messages: t, theme, columns } = ui;
  const s = state.snap.summary;
  const rows: Row[] = [];
  rows.push([seg(s && s.answered > 0 ? t.review.doneTitle : t.review.nothingDue, theme.text.heading)]);
  if (s && s.answered > 0) rows.push(...wrapRows(t.review.summary(s.answered, formatPercent(s.accuracy), formatElapsed(s.ms, t)), columns));
  if (s) rows.push(...wrapRows(t.streak(s.streak.current), columns, theme.status.ok));
  // What comes next (walkthrough B8): learning cards later today, tomorrow's queue, the next review.
  const later = s?.later;
  if (later && later.learningToday > 0) rows.push(...wrapRows(t.review.learningLater(later.learningToday, later.nextLearning ? formatWhen(later.nextLearning, now, t) : t.time.now), columns, theme.count.learning));
  if (later && later.tomorrowNew + later.tomorrowDue > 0) rows.push(...wrapRows(t.review.tomorrow(later.tomorrowNew, later.tomorrowDue), columns, theme.text.primary));
  const none = !later || later.learningToday + later.tomorrowNew + later.tomorrowDue === 0;
  if (s?.nextDue) rows.push(...wrapRows(t.review.nextDue(formatWhen(s.nextDue, now, t)), columns, theme.text.muted));
  else if (none) rows.push(...wrapRows(t.review.noneScheduled, columns, theme.text.muted));
  return rows;
}

/** A blank line, then the rows (none when there are none). */
function optionBlock(rows: Row[]): Row[] {
  return rows.length ? [[], ...rows] : [];
}

function startSession(services: ReturnType<typeof useServices>, props: ReviewProps): StudySession {
  return props.mode === 'cram' ? services.progress.startCram(props.options) : services.progress.startReview({ deckId: props.deckId });
}

/**
 * The card being studied: its front, choices, then after the reveal the typed verdicts and the
 * back. `answer`, once revealed: the rows to bring into view (the verdicts and the answer
 * without its note and source; a choice card's options, its ✓ being the answer).
 */
function cardRows(state: ReviewState, item: StudyItem, blanks: number, ui: Ui, seedTitle: ((seed: string) => string) | undefined): { rows: Row[]; answer?: Span } {
  const { messages: t, theme, columns } = ui;
  const back = state.phase === 'back';
  const front = frontRows(item.card, item.direction, columns, t, theme);
  const options = optionBlock(choiceOptionRows(item.card, columns, theme, back));
  if (!back) return { rows: [...front, ...options] };
  const typed = state.typed?.checks.length ? [[], ...typedRows(state, blanks, ui)] : [];
  const block = backBlock(item.card, item.direction, columns, t, theme, seedTitle);
  const rows = [...front, ...options, ...typed, [], ...block.rows];
  const backStart = rows.length - block.rows.length;
  if (!block.answer) return { rows, answer: { start: front.length + 1, end: front.length + options.length } };
  return { rows, answer: { start: typed.length ? front.length + options.length + 1 : backStart, end: backStart + block.answer } };
}

/**
 * Where the window goes when the answer appears: all of it in view when it fits (as much of
 * the question above it as there is room for); a longer answer from its first row, unless
 * its first lines show already (the question stays). Without this, at 40×12 a long question
 * left the answer under "↓ N more" and the learner graded without seeing it.
 */
function revealScroll(scroll: number, total: number, height: number, answer: Span): number {
  const now = viewport(total, scroll, height);
  // Rows between a ↑ and a ↓ marker.
  const fits = answer.end - answer.start <= height - 2;
  if (!fits && answer.start >= now.start && Math.min(answer.end, answer.start + 2) <= now.end) return now.scroll;
  return followScroll(now.scroll, total, height, answer);
}

/** Under the card: the grades after the reveal, the answer field while typing, else the reveal hint. */
function bottomRows(state: ReviewState, ui: Ui, o: { moves: boolean; typing: boolean; suggested: Grade | undefined; fieldLabel: string }): Row[] {
  const { messages: t, theme, columns } = ui;
  // The suggestion drops its "1–4 your own grade" part whole when narrow (the grade row above says as much).
  if (state.phase === 'back') return [...gradeRows(state, ui, o.moves), ...(o.suggested ? [fitHint([seg(t.review.suggested(t.review.grades[o.suggested]), theme.text.muted)], columns)] : [])];
  if (o.typing) return [fieldRow(state.typed?.field ?? EMPTY_FIELD, columns, theme, o.fieldLabel)];
  return state.phase === 'front' ? [fitRow([seg(t.review.revealHint, theme.text.muted)], columns)] : [];
}

/** The keys help lists: the answer field's while typing; on the summary only undo (and search) still do something. */
function helpCommands(phase: ReviewState['phase'], typing: boolean, cram: boolean): readonly Command[] {
  if (typing) return TYPE_IN_COMMANDS;
  if (phase === 'done') return cram ? [Command.Undo] : [Command.Undo, Command.Search];
  return SCREEN_COMMANDS[cram ? 'cram' : 'review'];
}

/** Review, Cram, a cram that reschedules (never called a plain cram: it moves the schedule), or an interview plan with its days left. */
function headingText(props: ReviewProps, services: AppServices, t: Ui['messages']): string {
  if (props.mode !== 'cram') return t.review.title;
  const { until: plan, reschedule, keys } = props.options;
  if (plan) return t.review.planTitle(planDaysLeft(plan, services.now(), services.progress.settings.dayStartHour) ?? 0, plan);
  return reschedule ? t.review.rescheduleTitle(keys?.length ?? 0) : t.review.cramTitle;
}

/** Under the title of a cram that reschedules (not a plan: its opening notice says so), all along: its answers count. */
function leadRows(props: ReviewProps, { messages: t, theme, columns }: Ui): Row[] {
  const rescheduling = props.mode === 'cram' && props.options.reschedule === true && !props.options.until;
  return rescheduling ? [fitRow([seg(t.review.movesSchedule, theme.status.info)], columns)] : [];
}

/** The last notice (a suspend's is over it), else the keys of the phase. */
function footerRow(state: ReviewState, { messages: t, theme, columns }: Ui, typing: boolean, cram: boolean, canUndo: boolean): Row {
  if (state.flash && !state.flash.unsuspend) return [seg(state.flash.text, { ok: theme.status.ok, warn: theme.status.warn, info: theme.status.info }[state.flash.tone])];
  // `u` is offered only when this session has something to undo (nothing due at the start: it has not).
  if (state.phase === 'done') return [seg(canUndo ? t.review.doneHint : t.review.doneHintBack, theme.text.muted)];
  // Narrow: the short hint whole, rather than the long one with its reveal key dropped.
  const typeHint = displayWidth(t.review.typeHint) <= columns ? t.review.typeHint : t.review.typeHintNarrow;
  return [seg(typing ? typeHint : cram ? t.review.cramHint : t.review.hint, theme.text.muted)];
}

export function ReviewScreen(props: ReviewProps) {
  const services = useServices();
  const ui = useUi();
  const shell = useShell();
  const { messages: t, theme, columns, rows } = ui;
  const [session] = useState(() => startSession(services, props));
  // An interview plan says up front what it asks of each day (and that it reschedules).
  const [state, dispatch, current] = useSyncReducer(reviewReducer, () => {
    const first = initialReview(snapshot(session), services.now().getTime());
    return session.plan ? { ...first, flash: { text: t.review.planPreview(session.plan.perDay), tone: 'info' as const } } : first;
  });
  const cram = props.mode === 'cram';
  // An interview plan reschedules (at its raised retention): its grade row shows the intervals it sets.
  const moves = props.mode === 'review' || props.options.reschedule === true || props.options.until !== undefined;

  const lead = leadRows(props, ui);
  /** What a state draws: the card (or summary) scrolled in a window of `height` rows, then `bottom`. */
  const layout = (s: ReviewState) => {
    const entry = s.snap.current;
    // A type-in card: what may be typed per blank (undefined: reveal and self-grade as always).
    const blanks = entry && services.progress.settings.typeAnswers ? typeInAnswers(entry.item as StudyItem) : undefined;
    const checks = s.typed?.checks ?? [];
    const typing = blanks !== undefined && s.phase === 'front';
    // The verdicts suggest a grade once anything was typed; a blank left unanswered counts as not known.
    const suggested = blanks && s.phase === 'back' && checks.length ? typeInGrade([...checks, ...new Array(Math.max(0, blanks.length - checks.length)).fill(undefined)]) : undefined;
    const card = s.phase === 'done' || !entry ? { rows: doneRows(s, ui, services.now()) } : cardRows(s, entry.item, blanks?.length ?? 1, ui, services.seedTitle);
    const fieldLabel = blanks && blanks.length > 1 ? `${t.quiz.gap(Math.min(checks.length + 1, blanks.length), blanks.length)} ` : '';
    const bottom = [...bottomRows(s, ui, { moves, typing, suggested, fieldLabel }), ...(s.flash?.unsuspend ? noticeRows(s.flash, ui) : [])];
    return { entry, blanks, typing, suggested, content: card.rows, answer: card.answer, fieldLabel, bottom, height: Math.max(1, bodyHeight(rows) - lead.length - bottom.length) };
  };
  const { entry, blanks, typing, suggested, content, fieldLabel, bottom, height } = layout(state);
  const maxScroll = clampScroll(Number.MAX_SAFE_INTEGER, content.length, height);
  const visible = windowRows(content, viewport(content.length, state.scroll, height), moreMarker(t, theme));
  const padding: Row[] = Array.from({ length: Math.max(0, height - visible.length) }, () => []);

  // The field is the first row under the card: frame row = header (1) + the lead row + the card's height.
  useFieldCursor(typing ? fieldCursor(state.typed?.field ?? EMPTY_FIELD, displayWidth(fieldLabel), 1 + lead.length + height, columns) : undefined);

  const now = () => services.now().getTime();
  /** Just revealed (Space, or the last blank checked): bring the answer into view. */
  const followAnswer = () => {
    const s = current();
    const { content: all, answer, height: h } = layout(s);
    if (s.phase === 'back' && answer) dispatch({ type: 'scrollTo', scroll: revealScroll(s.scroll, all.length, h, answer) });
  };
  const grade = (g: Grade) => {
    const s = current();
    if (s.phase !== 'back') return;
    const answeredKey = session.current()?.item.key ?? '';
    const result = session.answer(g, Math.max(0, now() - s.shownAt));
    const flash = result.otherWindow ? { text: t.review.otherWindow, tone: 'warn' as const } : result.leech ? { text: t.review.leech, tone: 'warn' as const, unsuspend: answeredKey } : undefined;
    dispatch({ type: 'answered', snap: snapshot(session), at: now(), flash });
  };

  /** Keys while typing a type-in card's answer; true when used. */
  const typeKey = (input: string, key: Parameters<typeof matches>[2]): boolean => {
    const s = current();
    const field = s.typed?.field ?? EMPTY_FIELD;
    const empty = field.value.trim() === '';
    // Space on an empty field reveals: self-grading stays one key away. Enter there checks
    // nothing and says so: a second Enter on the answer would grade Good a card never answered.
    if (empty && input === ' ') {
      dispatch({ type: 'reveal' });
      followAnswer();
      return true;
    }
    if (empty && matches(Command.Check, input, key)) {
      dispatch({ type: 'flash', flash: { text: t.review.emptyAnswer, tone: 'info' } });
      return true;
    }
    // `?` starts no answer: on an empty field it is the help. The letter keys (u, s, b, q) do start
    // answers (USER, stop, bridge): they act once the answer shows, as the footer says.
    if (empty && matchesCharacter(Command.Help, input, key)) {
      shell.openHelp(TYPE_IN_COMMANDS);
      return true;
    }
    if (matches(Command.Check, input, key)) {
      const done = s.typed?.checks.length ?? 0;
      const check = checkTyped(field.value, blanks![done] ?? [], services.answerAliases?.());
      dispatch({ type: 'typedCheck', check, last: done + 1 >= blanks!.length });
      followAnswer();
      return true;
    }
    const next = editField(field, input, key);
    if (next === field) return false;
    dispatch({ type: 'typing', field: next });
    return true;
  };

  /** This session's newest answer (or suspend, bury) undone; its card is shown again, named in the notice with what was undone. */
  const undo = () => {
    const undone = session.undo();
    if (undone === undefined) {
      dispatch({ type: 'flash', flash: { text: t.review.nothingToUndo, tone: 'warn' } });
      return;
    }
    const { key, what } = undone;
    const card = services.decks.flatMap((d) => d.deck.cards).find((c) => key === c.id || key.startsWith(`${c.id}~`));
    const title = truncateDisplay(oneLine(card ? promptText(card) : key), undoneTitleWidth(t, ui.columns, what));
    dispatch({ type: 'undone', snap: snapshot(session), at: now(), flash: { text: t.review.undone(title, what), tone: 'info' } });
  };
  const suspend = () => {
    const suspendedKey = session.current()?.item.key ?? '';
    session.suspend();
    dispatch({ type: 'skipped', snap: snapshot(session), at: now(), flash: { text: t.review.suspended, tone: 'info', unsuspend: suspendedKey } });
  };
  const bury = () => {
    session.bury();
    dispatch({ type: 'skipped', snap: snapshot(session), at: now(), flash: { text: t.review.buried, tone: 'info' } });
  };

  useScreenInput((input, key) => {
    const phase = current().phase;
    if (typing && phase === 'front') return typeKey(input, key);
    const onCard = phase !== 'done';
    const scrollBy = scrollDelta(input, key, height);
    if (matches(Command.Continue, input, key)) {
      if (phase === 'front') {
        dispatch({ type: 'reveal' });
        followAnswer();
      } else if (phase === 'back') grade(suggested ?? 3);
      else return false;
      return true;
    }
    const g = gradeKey(input, key);
    if (g !== undefined) {
      grade(g);
      return true;
    }
    if (matches(Command.Undo, input, key)) undo();
    else if (!cram && onCard && matches(Command.Suspend, input, key)) suspend();
    else if (!cram && onCard && matches(Command.Bury, input, key)) bury();
    else if (scrollBy) dispatch({ type: 'scroll', by: scrollBy, max: maxScroll });
    else if (!cram && pushSearch(shell, input, key)) return true;
    else return false;
    return true;
  }, {
    textField: typing,
    help: helpCommands(state.phase, typing, cram),
  });

  const deckTitle = entry ? services.decks.find((d) => d.deck.id === entry.item.deckId)?.deck.title : undefined;
  const title: Row = [seg(headingText(props, services, t), theme.text.heading), ...(deckTitle ? [seg(` · ${deckTitle}`, theme.text.muted)] : [])];
  const right = leftCountsRow(state.snap.left, ui);
  const footer = footerRow(state, ui, typing, cram, session.canUndo());

  return (
    <Frame title={title} right={right} footer={footer}>
      <Rows rows={[...lead, ...visible, ...padding]} />
      <Rows rows={bottom} />
    </Frame>
  );
}
