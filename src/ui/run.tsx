/**
 * Mount the app on the real terminal: alternate screen on, and off again on every way out
 * (quit, Ctrl+C, SIGTERM/SIGHUP/SIGINT, an uncaught error), with the store closed.
 */
import { render } from 'ink';
import { App } from './App.js';
import type { AppServices } from './context.js';
import type { Screen } from './navigation.js';
import type { ShownFrame } from './firstFrame.js';
import { chunksByKeys } from './keyBacklog.js';
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, CLEAR_SCREEN, SIGNAL_EXIT } from './terminal.js';

export interface RunOptions {
  services: AppServices;
  initial: Screen[];
  langFlag?: string;
  color: boolean;
  env: NodeJS.ProcessEnv;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  stderr?: NodeJS.WriteStream;
  /** Home's first frame is already on the alternate screen (firstFrame.ts): Ink draws over it. */
  firstFrame?: ShownFrame;
}

/** How the app runs Ink (also in bench/tui.bench.ts, so that it measures the same). */
export const INK_OPTIONS = {
  // Ctrl+C is a keymap command (the shell quits cleanly); Ink must not exit on its own.
  exitOnCtrlC: false,
  patchConsole: false,
  // Ink's default 30 fps throttle can hold a frame back 33 ms while typing fast.
  maxFps: 60,
  // Not incrementalRendering (write only the changed lines): tried, it left stale rows on
  // screen in tmux (the header drawn twice, the query row gone; tests/e2e/tui.test.ts).
} as const;

export async function runApp(opts: RunOptions): Promise<number> {
  const stdout = opts.stdout ?? process.stdout;
  const stderr = opts.stderr ?? process.stderr;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(ALT_SCREEN_OFF);
    try {
      opts.services.progress.close();
    } catch {
      // Closing only writes a cache; the review log is already durable.
    }
  };

  const early = opts.firstFrame;
  if (!early) stdout.write(ALT_SCREEN_ON);
  // Resized since the early frame: Ink's frame would not cover it all.
  else if (stdout.columns !== early.columns || stdout.rows !== early.rows) stdout.write(CLEAR_SCREEN);
  const stdin = opts.stdin ?? process.stdin;
  // Keys typed while the app loaded or faster than it reads: one at a time, not one chunk no key matches.
  if (stdin.isTTY) chunksByKeys(stdin);
  const instance = render(<App services={opts.services} initial={opts.initial} langFlag={opts.langFlag} color={opts.color} env={opts.env} keysWaitForScreens />, {
    stdout,
    stdin,
    stderr,
    ...INK_OPTIONS,
  });

  const leave = (code: number, message?: string) => {
    try {
      instance.unmount();
    } catch {
      // Already unmounted.
    }
    restore();
    if (message) stderr.write(`${message}\n`);
    process.exit(code);
  };
  const handlers: [string, (e: Error) => void][] = [
    ...Object.entries(SIGNAL_EXIT).map(([sig, code]) => [sig, () => leave(code!)] as [string, () => void]),
    ['uncaughtException', (e: Error) => leave(3, `amgi: unexpected error: ${e?.stack ?? String(e)}`)],
    ['unhandledRejection', (e: Error) => leave(3, `amgi: unexpected error: ${e?.stack ?? String(e)}`)],
    // Last resort: whatever ends the process, the terminal gets its screen back.
    ['exit', restore],
  ];
  for (const [event, fn] of handlers) process.on(event, fn);
  early?.release();
  try {
    await instance.waitUntilExit();
    return 0;
  } catch (e) {
    stderr.write(`amgi: ${(e as Error).message}\n`);
    return 3;
  } finally {
    restore();
    for (const [event, fn] of handlers) process.off(event, fn);
  }
}
