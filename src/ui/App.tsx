/**
 * The app shell: the screen stack, the help and error overlays, language, theme and size.
 * Screens get what they need from context; only the active one takes keys.
 */
import { Box, Text, useApp, useInput, type Key } from 'ink';
import { Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useState } from 'react';
import { KeyRouter } from './keyRouter.js';
import { ServicesContext, UiContext, type AppServices, type Ui } from './context.js';
import { chooseLang, messagesFor } from './i18n/index.js';
import { Command, matches } from './keymap.js';
import { helpName, initialNav, navReducer, topScreen, type NavAction, type Screen } from './navigation.js';
import { ScreenIdContext, ShellContext, type Shell } from './shell.js';
import { makeTheme } from './theme.js';
import { useTerminalSize, type Size } from './hooks/useTerminalSize.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { ErrorOverlay } from './components/ErrorOverlay.js';
import { ScreenSwitch, prefetchScreens } from './screens/ScreenSwitch.js';
import { MIN_COLUMNS, MIN_ROWS } from './textLayout.js';

export interface AppProps {
  services: AppServices;
  initial?: Screen[];
  /** --lang, when given: wins over the setting and LANG until the language is changed in Settings. */
  langFlag?: string;
  env?: NodeJS.ProcessEnv;
  color?: boolean;
  /** A fixed size (tests); otherwise the terminal's, updated on resize. */
  size?: Size;
  /** The real terminal: keys typed before every screen's code has loaded wait for it (KeyRouter.gate). */
  keysWaitForScreens?: boolean;
}

export function App({ services, initial, langFlag, env = process.env, color = true, size: fixedSize, keysWaitForScreens = false }: AppProps) {
  const [nav, dispatch] = useReducer(navReducer, initial, initialNav);
  // Open: the commands to list (undefined inside: the screen kind's list).
  const [help, setHelp] = useState<{ commands?: readonly Command[] }>();
  const [error, setError] = useState<string>();
  const [settingsVersion, settingsChanged] = useReducer((n: number) => n + 1, 0);
  // A language chosen in Settings is applied at once, --lang or not: the later, explicit choice wins.
  const [flagDropped, dropFlag] = useReducer(() => true, false);
  const flag = !flagDropped && (langFlag === 'ko' || langFlag === 'en') ? langFlag : undefined;
  const size = useTerminalSize(fixedSize);
  const app = useApp();

  const lang = useMemo(
    () => chooseLang(flag, services.progress.settings.language, env),
    // settingsVersion: the language setting may have changed.
    [flag, services.progress, env, settingsVersion],
  );
  const theme = useMemo(() => makeTheme(color), [color]);
  const ui = useMemo<Ui>(
    () => ({ messages: messagesFor(lang), lang, ...(flag ? { langFlag: flag } : {}), theme, columns: Math.max(20, size.columns), rows: Math.max(6, size.rows - 1) }),
    [lang, flag, theme, size.columns, size.rows],
  );

  const [router] = useState(() => {
    const r = new KeyRouter();
    if (keysWaitForScreens) r.gate();
    return r;
  });
  // The one listener: Ctrl+C quits from anywhere, overlays included (answers are already
  // durable); every other key goes to the top screen through the router.
  const onKey = useCallback(
    (input: string, key: Key) => {
      if (matches(Command.Quit, input, key)) dispatch({ type: 'quit' });
      else router.deliver(input, key);
    },
    [router],
  );
  useInput(onKey);
  // A navigation holds the keys typed after it for the screen it brings (keyRouter.ts).
  const navigate = useCallback(
    (action: NavAction) => {
      router.hold();
      dispatch(action);
    },
    [router],
  );
  useEffect(() => {
    if (nav.quit) app.exit();
  }, [nav.quit, app]);
  useEffect(() => {
    const timer = setTimeout(() => {
      void prefetchScreens().then(() => router.open());
      services.warmUp?.();
    }, 30);
    return () => clearTimeout(timer);
    // Once, after the first frame.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const openHelp = useCallback((commands?: readonly Command[]) => setHelp({ commands }), []);
  // Below the minimum a screen would be cut: say so instead, keeping every screen (a review's session) mounted.
  const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
  const overlay = help !== undefined || error !== undefined || tooSmall;
  const shell = useMemo<Shell>(
    () => ({
      push: (screen) => navigate({ type: 'push', screen }),
      pop: () => navigate({ type: 'pop' }),
      replace: (screen) => navigate({ type: 'replace', screen }),
      quit: () => dispatch({ type: 'quit' }),
      openHelp,
      showError: setError,
      languageChanged: () => {
        dropFlag();
        settingsChanged();
      },
      active: !overlay,
      router,
    }),
    [overlay, openHelp, router, navigate],
  );

  const top = topScreen(nav);
  // In render, not an effect: a key handled right after this render (a push) finds the new top.
  router.setTop(nav.ids[nav.ids.length - 1]!, overlay);
  // After every commit: a navigation is on screen, so the keys typed after it may go on.
  useLayoutEffect(() => router.release());
  const below = useMemo<Shell>(() => ({ ...shell, active: false }), [shell]);
  return (
    <ServicesContext.Provider value={services}>
      <UiContext.Provider value={ui}>
        {nav.stack.map((screen, i) => {
          const isTop = i === nav.stack.length - 1;
          return (
            // Screens below the top (and the top under an overlay) stay mounted but hidden
            // and deaf: a review keeps its session while the user searches.
            <ShellContext.Provider key={nav.ids[i]} value={isTop ? shell : below}>
              <ScreenIdContext.Provider value={nav.ids[i]}>
                <Box display={isTop && !overlay ? 'flex' : 'none'} flexDirection="column">
                  <Suspense fallback={<Text> </Text>}>
                    <ScreenSwitch screen={screen} />
                  </Suspense>
                </Box>
              </ScreenIdContext.Provider>
            </ShellContext.Provider>
          );
        })}
        {tooSmall && <Text>{ui.messages.tooSmall(size.columns, size.rows)}</Text>}
        <ShellContext.Provider value={shell}>
          {help && !error && !tooSmall && <HelpOverlay kind={top.kind} name={helpName(top)} commands={help.commands} onClose={() => setHelp(undefined)} />}
          {error !== undefined && !tooSmall && <ErrorOverlay message={error} onClose={() => setError(undefined)} />}
        </ShellContext.Provider>
      </UiContext.Provider>
    </ServicesContext.Provider>
  );
}
