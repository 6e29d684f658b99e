/** What a screen may ask of the shell: navigate, open help, report an error. */
import { createContext, useContext } from 'react';
import type { Command } from './keymap.js';
import type { Screen } from './navigation.js';
import type { KeyRouter } from './keyRouter.js';

export interface Shell {
  push(screen: Screen): void;
  pop(): void;
  replace(screen: Screen): void;
  quit(): void;
  /** `commands`: the keys that work right now (default: the screen kind's list). */
  openHelp(commands?: readonly Command[]): void;
  /** Show a dismissible error over the current screen (never crash the app). */
  showError(message: string): void;
  /** The language setting changed: re-read it; from now on it wins over --lang (this run too). */
  languageChanged(): void;
  /** This screen is on top and no overlay is open: it may take keys. */
  active: boolean;
  /** Where screens register their key handlers (keyRouter.ts); undefined outside the app shell. */
  router?: KeyRouter;
}

export const ShellContext = createContext<Shell | null>(null);

/** The stack id of the screen a component belongs to: where its key handler registers. */
export const ScreenIdContext = createContext<number | undefined>(undefined);

export function useShell(): Shell {
  const s = useContext(ShellContext);
  if (!s) throw new Error('useShell outside <App>');
  return s;
}
