/**
 * One key listener for the whole screen stack (walkthrough D18: `/` then `레이어` typed fast lost
 * the first syllables). Ink renders a navigation after the key handler returns, and attaches a
 * new screen's `useInput` in a passive effect after that: keys in between reached the old screen
 * or no one. Here a navigation holds the keys that follow it; they go, in order, to the screen on
 * top once it has committed and registered its handler (a layout effect). A hold that no commit
 * releases (it should not happen) ends after a moment, so keys are never parked for good.
 */
import type { Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

const HOLD_LIMIT_MS = 500;
/** The start's gate opens by itself after this long, should the screens' code never finish loading. */
const GATE_LIMIT_MS = 1000;
/** A key no screen took within this long was typed for something that is gone: dropped, as before. */
const WAIT_LIMIT_MS = 1500;

export class KeyRouter {
  private readonly handlers = new Map<number, Set<{ current: KeyHandler }>>();
  private waiting: [string, Key, number][] = [];
  private top = -1;
  private deaf = false;
  private holding = false;
  private gated = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The screen on top and whether an overlay takes the keys: set on every shell render. */
  setTop(id: number, overlay: boolean): void {
    this.top = id;
    this.deaf = overlay;
  }

  /** A navigation was asked for: keys wait for the screen it brings to the top. */
  hold(): void {
    this.holding = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.release(), HOLD_LIMIT_MS);
    this.timer.unref?.();
  }

  /**
   * At the start, on the terminal: keys wait until open() (every screen's code loaded), so a key
   * typed at once opens its screen drawn in full, not a blank frame while its code loads.
   */
  gate(): void {
    this.gated = true;
    setTimeout(() => this.open(), GATE_LIMIT_MS).unref?.();
  }

  open(): void {
    if (!this.gated) return;
    this.gated = false;
    this.flush();
  }

  /** After a commit of the shell: the top screen is the new one; give it what waited. */
  release(): void {
    this.holding = false;
    clearTimeout(this.timer);
    this.flush();
  }

  register(id: number, handler: { current: KeyHandler }): () => void {
    let set = this.handlers.get(id);
    if (!set) this.handlers.set(id, (set = new Set()));
    set.add(handler);
    if (id === this.top) this.flush();
    return () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(id);
    };
  }

  /** A key from Ink: to the top screen's handlers, or held while a navigation or a screen's load is under way. */
  deliver(input: string, key: Key): void {
    if (this.deaf) return;
    this.waiting.push([input, key, Date.now()]);
    this.flush();
  }

  private flush(): void {
    const stale = Date.now() - WAIT_LIMIT_MS;
    while (this.waiting.length && this.waiting[0]![2] < stale) this.waiting.shift();
    // A key may navigate again: the rest then wait for that screen.
    while (this.waiting.length && !this.holding && !this.gated && !this.deaf && this.handlers.get(this.top)?.size) {
      const [input, key] = this.waiting.shift()!;
      this.send(input, key);
    }
    // An overlay took over: what waited was typed for a screen that is no longer listening.
    if (this.deaf) this.waiting = [];
  }

  private send(input: string, key: Key): void {
    // Every handler of the screen sees the key, as Ink's own listeners did.
    for (const h of [...(this.handlers.get(this.top) ?? [])]) h.current(input, key);
  }
}
