/** Home: decks with new / learning / due counts, today's count, streak, and the menu. */
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { useMemo, useRef } from 'react';
import { useSyncReducer } from '../../hooks/useSyncReducer.js';
import { displayWidth, padDisplay, truncateDisplay } from '../../../core/text/width.js';
import { useServices, useUi, type AppServices, type Ui } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { Command, matches } from '../../keymap.js';
import { pushSearch } from '../../searchKey.js';
import { fitRow, listWindow, seg, wrapRows, type Row } from '../../textLayout.js';
import { useShell } from '../../shell.js';
import { SCREEN_COMMANDS } from '../../navigation.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { backlogDays, estimateDay } from '../../../core/schedule/estimate.js';
import type { DeckCounts } from '../../../core/schedule/types.js';
import { MENU, deckHeading, deckRows, homeLayout, homeReducer, initialHome, menuTarget, type DeckRow, type HomeState, type MenuValue } from './homeModel.js';

/** Home is remounted when the user comes back to it: remember the highlights and dismissals. */
const memory = new WeakMap<AppServices, HomeState>();

const COUNT_W = 6;

function rightAlign(text: string, width: number): string {
  const cut = truncateDisplay(text, width);
  return ' '.repeat(width - displayWidth(cut)) + cut;
}

/** `focused`: the deck list has the focus, so it shows the cursor (else the chosen deck is only bold). */
function deckTableRows(rows: DeckRow[], selected: number, focused: boolean, height: number, width: number, { messages: t, theme }: Pick<Ui, 'messages' | 'theme'>): Row[] {
  if (height < 2) return [];
  const titleW = Math.max(4, width - 2 - COUNT_W * 3);
  const { start, end } = listWindow(rows.length, selected, height - 1);
  const head: Row = [
    seg(`  ${padDisplay(deckHeading(t, start, rows.length - end), titleW)}`, theme.text.muted),
    seg(rightAlign(t.deckCounts.new, COUNT_W), theme.count.new),
    seg(rightAlign(t.deckCounts.learning, COUNT_W), theme.count.learning),
    seg(rightAlign(t.deckCounts.due, COUNT_W), theme.count.due),
  ];
  const body = rows.slice(start, end).map((r, i): Row => {
    const isSel = start + i === selected;
    return [
      seg(isSel && focused ? '› ' : '  ', theme.selection),
      seg(padDisplay(r.title, titleW), isSel ? (focused ? theme.selection : theme.text.label) : theme.text.primary),
      seg(String(r.counts.new).padStart(COUNT_W), theme.count.new),
      seg(String(r.counts.learning).padStart(COUNT_W), theme.count.learning),
      seg(String(r.counts.review).padStart(COUNT_W), theme.count.due),
    ];
  });
  return [head, ...body].map((r) => fitRow(r, width));
}

/** "today ≈ 34 answers · 6 min", and after missed days "· 480 overdue, spread over 3 days"; empty when nothing is left. */
export function todayLine(total: DeckCounts, msPerAnswer: number, reviewLimit: number, t: Ui['messages']): string {
  const { answers, minutes } = estimateDay(total, msPerAnswer);
  // Nothing left today: no line (the counts say so).
  if (answers === 0) return '';
  const due = total.dueReviews ?? 0;
  const backlog = due > total.review ? ` · ${t.backlog(due, backlogDays(due, total.review, reviewLimit))}` : '';
  return `${t.estimate(answers, minutes)}${backlog}`;
}

export function HomeScreen() {
  const services = useServices();
  const { progress, decks, problems } = services;
  const { messages: t, theme, columns, rows } = useUi();
  const shell = useShell();
  const [state, dispatch, current] = useSyncReducer(homeReducer, () => memory.get(services) ?? initialHome);
  memory.set(services, state);
  const { menu: menuIndex, deck: deckIndex, dismissed, focus } = state;

  // Recounted whenever Home is back on top (a review below may have changed everything), not
  // when it goes under a screen or the help: that frame is the one opening Review.
  const shown = useRef({ active: shell.active, times: 0 });
  if (shell.active && !shown.current.active) shown.current.times++;
  shown.current.active = shell.active;
  const table = useMemo(() => deckRows(decks, progress, t.allDecks), [decks, progress, t.allDecks, shown.current.times]);
  // With several decks the first row already is "All decks": don't count everything twice.
  const total = useMemo(() => (table.length > 1 ? table[0]!.counts : progress.counts()), [table, progress]);
  const streak = useMemo(() => progress.streak(), [progress, shown.current.times]);
  const selectedDeck = table[Math.min(deckIndex, table.length - 1)];

  const firstRun = streak.longest === 0 && total.doneToday === 0;
  const intro: Row[] = firstRun ? wrapRows(t.firstRun, columns, theme.text.accent).slice(0, 2) : [];
  // Today in answers and minutes (all decks, limits applied), and a backlog spread over days.
  const msPerAnswer = useMemo(() => progress.msPerAnswer(), [progress, shown.current.times]);
  const today = todayLine(total, msPerAnswer, progress.settings.reviewsPerDayAll, t);
  if (today) intro.push(...wrapRows(today, columns, theme.text.primary).slice(0, 2));
  const notices: Row[] = [];
  if (!dismissed && problems.length) {
    notices.push([seg(t.deckProblems(problems.length), theme.status.warn)]);
    for (const p of problems.slice(0, 2)) notices.push(fitRow([seg(`  ${p}`, theme.text.muted)], columns));
  }
  if (!dismissed) for (const n of progress.notices.slice(0, 2)) notices.push(fitRow([seg(n, theme.status.warn)], columns));
  if (!table.length) notices.push(...wrapRows(t.noDecks, columns, theme.status.warn));
  // `x` only does something while a notice is shown: help lists it only then.
  const dismissible = !dismissed && (problems.length > 0 || progress.notices.length > 0);
  const help = dismissible ? undefined : SCREEN_COMMANDS.home.filter((c) => c !== Command.Dismiss);

  const body = bodyHeight(rows);
  const layout = homeLayout(body, intro.length + notices.length, table.length, MENU.length);
  const items = MENU.map((value) => ({
    // Review, Cram and Quiz act on the highlighted deck (Tab): say which.
    label: truncateDisplay((value === 'review' || value === 'cram' || value === 'quiz') && selectedDeck?.deckId ? `${t.menu[value]} · ${selectedDeck.title}` : t.menu[value], columns - 2),
    value,
    key: value,
  }));

  const select = (value: MenuValue) => {
    const target = menuTarget(value, table[current().deck]?.deckId);
    if ('help' in target) shell.openHelp(help);
    else if ('quit' in target) shell.quit();
    else shell.push(target.screen);
  };

  useScreenInput((input, key) => {
    const onDecks = current().focus === 'decks';
    if (matches(Command.MenuDown, input, key)) dispatch(onDecks ? { type: 'deck', by: 1, count: table.length } : { type: 'menu', by: 1 });
    else if (matches(Command.MenuUp, input, key)) dispatch(onDecks ? { type: 'deck', by: -1, count: table.length } : { type: 'menu', by: -1 });
    // Enter on a deck reviews it (what its counts are about).
    else if (matches(Command.Open, input, key)) {
      if (onDecks) shell.push({ kind: 'review', deckId: table[current().deck]?.deckId });
      else select(MENU[current().menu]!);
    } else if (matches(Command.FocusPrev, input, key) || matches(Command.FocusNext, input, key)) dispatch({ type: 'focus' });
    else if (pushSearch(shell, input, key)) return true;
    else if (matches(Command.Dismiss, input, key)) dispatch({ type: 'dismiss' });
    else return false;
    return true;
  }, { help });

  // A menu cut short by a small terminal says so (the list scrolls with ↑/↓).
  const menuShown = layout.menuHeight < items.length ? Math.max(1, layout.menuHeight - 1) : items.length;
  const right: Row = [seg(`${t.streak(streak.current)} · ${t.doneToday(total.doneToday)}`, theme.text.muted)];
  return (
    <Frame title={[seg(t.appName, theme.text.heading)]} right={right} footer={[seg(t.footer.home, theme.text.muted)]}>
      <Rows rows={intro} />
      <Rows rows={notices} />
      <Rows rows={deckTableRows(table, deckIndex, focus === 'decks', layout.deckHeight, columns, { messages: t, theme })} />
      {layout.gap && <Text> </Text>}
      <Box flexDirection="column" height={layout.menuHeight}>
        {/* Rendered by ink-select-input; its keys come from the keymap (IME jamo, help listing). */}
        <SelectInput
          key={menuIndex}
          items={items}
          initialIndex={menuIndex}
          limit={menuShown}
          isFocused={false}
          indicatorComponent={({ isSelected }) => <Text {...theme.selection}>{isSelected && focus === 'menu' ? '› ' : '  '}</Text>}
          itemComponent={({ isSelected, label }) => <Text {...(isSelected && focus === 'menu' ? theme.selection : theme.text.primary)}>{label}</Text>}
        />
        {menuShown < items.length && <Rows rows={[fitRow([seg(t.menu.more(items.length - menuShown), theme.text.muted)], columns)]} />}
      </Box>
    </Frame>
  );
}
