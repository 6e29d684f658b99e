/** Home: decks with new / learning / due counts, today's count, streak, and the menu. */
import { Box, type Key } from 'ink';
import SelectInput from 'ink-select-input';
import { useMemo, useRef } from 'react';
import { useSyncReducer } from '../../hooks/useSyncReducer.js';
import { useServices, useUi, type AppServices } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { Command, matches, matchesCharacter } from '../../keymap.js';
import { pushSearch } from '../../searchKey.js';
import { useShell } from '../../shell.js';
import { Frame } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { MENU, activePlan, deckRows, homeReducer, initialHome, menuTarget, type HomeState, type MenuValue } from './homeModel.js';
import { homeTotal, homeView, menuEntry, type HomeData } from './homeView.js';
import { RowText } from '../../components/Rows.js';

/** Home is remounted when the user comes back to it: remember the highlights and dismissals. */
const memory = new WeakMap<AppServices, HomeState>();

export function HomeScreen() {
  const services = useServices();
  const { progress, decks, problems } = services;
  const { messages: t, theme, columns, rows } = useUi();
  const shell = useShell();
  const [state, dispatch, current] = useSyncReducer(homeReducer, () => memory.get(services) ?? initialHome);
  memory.set(services, state);

  // Recounted whenever Home is back on top (a review below may have changed everything), not
  // when it goes under a screen or the help: that frame is the one opening Review.
  const shown = useRef({ active: shell.active, times: 0 });
  if (shell.active && !shown.current.active) shown.current.times++;
  shown.current.active = shell.active;
  const table = useMemo(() => deckRows(decks, progress, t.allDecks), [decks, progress, t.allDecks, shown.current.times]);
  const total = useMemo(() => homeTotal(table, progress), [table, progress]);
  const streak = useMemo(() => progress.streak(), [progress, shown.current.times]);
  const msPerAnswer = useMemo(() => progress.msPerAnswer(), [progress, shown.current.times]);
  const plan = useMemo(() => activePlan(progress), [progress, shown.current.times]);
  const data: HomeData = { table, total, streak, msPerAnswer, reviewLimit: progress.settings.reviewsPerDayAll, problems, notices: progress.notices, ...(plan ? { plan } : {}) };
  const { title, right, footer, top, menu, help } = homeView(data, state, { messages: t, theme, columns, rows });

  const select = (value: MenuValue) => {
    const target = menuTarget(value, table[current().deck]?.deckId);
    if ('help' in target) shell.openHelp(help);
    else if ('quit' in target) shell.quit();
    else shell.push(target.screen);
  };

  // Home is the last screen: q quits, Esc only says so (Esc, Esc from any screen used to quit).
  const back = (input: string, key: Key) => {
    if (matchesCharacter(Command.Back, input, key)) shell.quit();
    else dispatch({ type: 'quitHint', shown: true });
  };

  useScreenInput((input, key) => {
    if (current().quitHint) dispatch({ type: 'quitHint', shown: false });
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
    else if (matches(Command.Back, input, key)) back(input, key);
    else return false;
    return true;
  }, { help });

  return (
    <Frame title={title} right={right} footer={footer}>
      <Rows rows={top} />
      <Box flexDirection="column" height={menu.height}>
        {/* Drawn by ink-select-input; its keys come from the keymap (IME jamo, help listing). */}
        <SelectInput
          key={menu.index}
          items={menu.labels.map((label, i) => ({ key: MENU[i]!, label, value: MENU[i]! }))}
          initialIndex={menu.index}
          limit={menu.shown}
          isFocused={false}
          indicatorComponent={({ isSelected }) => <RowText row={[menuEntry('', isSelected === true && menu.focused, theme)[0]!]} />}
          itemComponent={({ isSelected, label }) => <RowText row={[menuEntry(label, isSelected === true && menu.focused, theme)[1]!]} />}
        />
        {menu.more && <Rows rows={[menu.more]} />}
      </Box>
    </Frame>
  );
}
