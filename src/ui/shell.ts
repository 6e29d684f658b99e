/** What a screen may ask of the shell: navigate, open help, report an error. */
import { createContext, useContext } from 'react';
import type { Key } from 'ink';
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
  /** Keys that arrive between a push and the new screen listening (see Typeahead). */
  typeahead: Typeahead;
}

/**
 * Keys typed right after a key that opens a screen (`/` then `레이어`, written separately but
 * before React has drawn the search screen) reach the old screen, whose handler is still
 * subscribed, and would be lost. From a push until the new screen mounts they are held here,
 * and the new screen takes them first. The shell stops holding after its next commit whatever
 * happens, so keys are never held for a screen that takes none.
 */
export class Typeahead {
  private held: Array<{ input: string; key: Key }> | undefined;

  start(): void {
    this.held = [];
  }

  /** Holds the key when a push is under way; false when it is not (the key is the screen's). */
  hold(input: string, key: Key): boolean {
    if (!this.held) return false;
    this.held.push({ input, key });
    return true;
  }

  /** The keys held, once: holding stops. */
  take(): Array<{ input: string; key: Key }> {
    const held = this.held ?? [];
    this.held = undefined;
    return held;
  }
}

export const ShellContext = createContext<Shell | null>(null);

export function useShell(): Shell {
  const s = useContext(ShellContext);
  if (!s) throw new Error('useShell outside <App>');
  return s;
}
