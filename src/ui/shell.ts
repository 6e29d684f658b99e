/** What a screen may ask of the shell: navigate, open help, report an error. */
import { createContext, useContext } from 'react';
import type { Command } from './keymap.js';
import type { Screen } from './navigation.js';

export interface Shell {
  push(screen: Screen): void;
  pop(): void;
  replace(screen: Screen): void;
  quit(): void;
  /** `commands`: the keys that work right now (default: the screen kind's list). */
  openHelp(commands?: readonly Command[]): void;
  /** Show a dismissible error over the current screen (never crash the app). */
  showError(message: string): void;
  /** Settings changed (e.g. the language): re-read them. */
  settingsChanged(): void;
  /** This screen is on top and no overlay is open: it may take keys. */
  active: boolean;
}

export const ShellContext = createContext<Shell | null>(null);

export function useShell(): Shell {
  const s = useContext(ShellContext);
  if (!s) throw new Error('useShell outside <App>');
  return s;
}
