/**
 * A screen's key handler with the common keys done once: `?` opens help, Esc/q goes back,
 * and only the active screen listens. The screen's own handler runs first and returns true
 * when it used the key. Errors thrown by a handler become a dismissible error, not a crash.
 */
import { useInput, type Key } from 'ink';
import { useContext, useLayoutEffect, useRef } from 'react';
import { Command, matches } from '../keymap.js';
import { ScreenIdContext, useShell } from '../shell.js';

export type ScreenHandler = (input: string, key: Key) => boolean | undefined;

export interface ScreenInputOptions {
  /** Printable keys are text (search box): only Esc, Enter, arrows and Ctrl keys are commands. */
  textField?: boolean;
  /** What `?` lists: the keys that work in the screen's current state (default: its kind's list). */
  help?: readonly Command[];
}

export function useScreenInput(handler: ScreenHandler, opts: ScreenInputOptions = {}): void {
  const shell = useShell();
  const onKey = (input: string, key: Key) => {
    // Ctrl+C is the shell's (it quits from anywhere).
    if (matches(Command.Quit, input, key)) return;
    try {
      if (handler(input, key) === true) return;
    } catch (e) {
      shell.showError((e as Error).message);
      return;
    }
    const m = { textField: opts.textField };
    if (matches(Command.Help, input, key, m)) shell.openHelp(opts.help);
    else if (matches(Command.Back, input, key, m)) shell.pop();
  };
  // The newest handler, read when a key comes (the router holds this box, not the function).
  const latest = useRef(onKey);
  latest.current = onKey;
  const { router } = shell;
  const screen = useContext(ScreenIdContext);
  const routed = router !== undefined && screen !== undefined;
  // Registered in the commit, before the next key can arrive: none is lost after a push.
  useLayoutEffect(() => (routed ? router.register(screen, latest) : undefined), [routed, router, screen]);
  // Outside the app shell (a screen rendered alone): Ink's own listener.
  useInput((input, key) => latest.current(input, key), { isActive: !routed && shell.active });
}
