/** The shell's key router: keys after a navigation wait for the new top screen, in order. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Key } from 'ink';
import { KeyRouter } from '../../src/ui/keyRouter.js';

const key = {} as Key;
afterEach(() => vi.useRealTimers());

function screen(router: KeyRouter, id: number) {
  const got: string[] = [];
  const off = router.register(id, { current: (input) => got.push(input) });
  return { got, off };
}

describe('KeyRouter', () => {
  test('keys typed after a push wait for the pushed screen, then arrive in order; none reaches the screen below', () => {
    const r = new KeyRouter();
    r.setTop(0, false);
    const home = screen(r, 0);
    r.deliver('/', key);
    r.hold(); // the handler of `/` pushed a screen
    for (const k of ['레', '이', '어']) r.deliver(k, key);
    r.setTop(1, false); // the shell's next render
    r.release(); // its commit: the new screen's chunk is still loading, nothing to give yet
    expect(home.got).toEqual(['/']);
    const search = screen(r, 1);
    expect(search.got).toEqual(['레', '이', '어']);
    r.deliver('x', key);
    expect(search.got).toEqual(['레', '이', '어', 'x']);
  });

  test('the start gate: keys wait, through commits, until open() (the screens loaded), then arrive in order; it opens by itself after a second', () => {
    vi.useFakeTimers();
    const r = new KeyRouter();
    r.gate();
    r.setTop(0, false);
    const home = screen(r, 0);
    r.deliver('j', key);
    r.release(); // a commit of the shell does not open the gate
    r.deliver('\r', key);
    expect(home.got).toEqual([]);
    r.open();
    expect(home.got).toEqual(['j', '\r']);
    const late = new KeyRouter();
    late.gate();
    late.setTop(0, false);
    const s = screen(late, 0);
    late.deliver('q', key);
    vi.advanceTimersByTime(999);
    expect(s.got).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(s.got).toEqual(['q']);
  });

  test('an overlay takes the keys: nothing is sent to the screen, and nothing waits for it', () => {
    const r = new KeyRouter();
    r.setTop(0, true);
    const s = screen(r, 0);
    r.deliver('a', key);
    r.setTop(0, false);
    r.release();
    expect(s.got).toEqual([]);
  });

  test('a hold no commit releases ends by itself; a key no screen takes in time is dropped, not replayed much later', () => {
    vi.useFakeTimers();
    const r = new KeyRouter();
    r.setTop(0, false);
    const s = screen(r, 0);
    r.hold();
    r.deliver('a', key);
    vi.advanceTimersByTime(600);
    expect(s.got).toEqual(['a']);
    r.setTop(5, false);
    r.deliver('b', key); // screen 5 never registers
    vi.advanceTimersByTime(2000);
    r.setTop(0, false);
    r.deliver('c', key);
    expect(s.got).toEqual(['a', 'c']);
  });
});
