/**
 * Drive the BUILT amgi in a real terminal: tmux on a private socket (never the user's tmux
 * server), a fixed size, a temporary AMGI_HOME. Send keys (Korean text too), wait for text
 * on the screen, capture it.
 *
 *   const t = await startAmgi({ home, cols: 80, rows: 24 });
 *   await t.waitFor('Review');
 *   t.keys('Enter'); t.text('레이어');
 *   const screen = t.capture();
 *   t.kill();
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BIN, ROOT } from './cli.js';

let counter = 0;

export interface TmuxOptions {
  home: string;
  cols?: number;
  rows?: number;
  args?: string[];
  /** Extra environment (AMGI_NOW, NO_COLOR…). LANG defaults to en_US.UTF-8. */
  env?: Record<string, string>;
  /** The command to run instead of `node bin/amgi …` (a shell command line). */
  command?: string;
  /** The amgi entry to run (default: the repository's bin/amgi); see snapshotBuild(). */
  bin?: string;
}

/**
 * A private copy of the built package (bin, dist, decks). A long-running amgi loads screen
 * chunks lazily; a rebuild in the shared tree meanwhile deletes them. Tests that keep amgi
 * running use a copy so a concurrent `npm run build` cannot pull chunks from under them.
 */
export function snapshotBuild(): { bin: string; cleanup(): void } {
  // A copy taken while someone rebuilds can mix two builds: retry until every chunk any
  // bundle file names is there.
  for (let attempt = 0; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'amgi-build-'));
    for (const part of ['bin', 'dist', 'decks', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    if (buildComplete(join(dir, 'dist'))) return { bin: join(dir, 'bin', 'amgi'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    rmSync(dir, { recursive: true, force: true });
    if (attempt >= 20) throw new Error('dist/ is incomplete: run `npm run build`');
    execFileSync('sleep', ['0.5']);
  }
}

function buildComplete(dist: string): boolean {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs') || f === 'amgi-main.js').map((f) => join(dist, f));
  if (!files.includes(join(dist, 'amgi-main.js')) || !existsSync(join(dist, 'amgi.cjs'))) return false;
  for (const file of files) {
    if (!existsSync(file)) return false;
    for (const m of readFileSync(file, 'utf8').matchAll(/"(\.\.?\/[\w/-]+\.mjs)"/g)) {
      if (!existsSync(join(dirname(file), m[1]!))) return false;
    }
  }
  return true;
}

export interface TmuxSession {
  socket: string;
  session: string;
  /** Named keys as tmux spells them: 'Enter', 'Escape', 'Up', 'C-c', 'BSpace', 'Space', '1'… */
  keys(...names: string[]): void;
  /** Literal text (send-keys -l): Hangul arrives as the composed characters an IME commits. */
  text(s: string): void;
  /** The visible screen as text (trailing spaces trimmed per line). */
  capture(): string;
  /** #{alternate_on}, #{pane_dead}, … */
  format(fmt: string): string;
  /** Wait until the screen contains `text` (or matches, or the test returns true); returns the screen. */
  waitFor(text: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Resize the terminal (the program gets SIGWINCH). */
  resize(cols: number, rows: number): void;
  /** Wait until amgi has exited: its exit status (128 + N when signal N ended it). */
  waitForExit(timeoutMs?: number): Promise<number>;
  /** Wait until the pane's shell has died: the signal that ended it (2 for SIGINT), or undefined when it exited. */
  shellSignal(timeoutMs?: number): Promise<number | undefined>;
  /** amgi's process id. */
  pid(): number;
  kill(): void;
  /** End amgi gracefully (SIGTERM, wait for it to exit), then the tmux server. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

export async function startAmgi(opts: TmuxOptions): Promise<TmuxSession> {
  const socket = `amgi-test-${process.pid}-${++counter}`;
  const session = 'amgi';
  const cols = opts.cols ?? 80;
  const rows = opts.rows ?? 24;
  const env: Record<string, string> = { LANG: 'en_US.UTF-8', LC_ALL: '', TERM: 'xterm-256color', AMGI_HOME: opts.home, ...opts.env };
  const exports = Object.entries(env)
    .map(([k, v]) => (v === '' ? `unset ${k};` : `export ${k}=${shellQuote(v)};`))
    .join(' ');
  const command = opts.command ?? [process.execPath, opts.bin ?? BIN, ...(opts.args ?? [])].map(shellQuote).join(' ');
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  // No user config (-f /dev/null); the pane stays after exit so the exit status can be read.
  // The shell writes amgi's exit status to a file (tmux's own #{pane_dead_status} proved
  // unreliable: sometimes empty after a normal exit).
  const statusFile = join(mkdtempSync(join(tmpdir(), 'amgi-tmux-')), 'status');
  execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), 'sh', '-c', `${exports} ${command}; echo $? > ${shellQuote(statusFile)}`], {
    env: { ...process.env, TMUX: '' },
  });
  tmux('set-option', '-t', session, 'remain-on-exit', 'on');
  tmux('set-option', '-t', session, 'status', 'off');
  tmux('resize-window', '-t', session, '-x', String(cols), '-y', String(rows));

  const t: TmuxSession = {
    socket,
    session,
    keys: (...names) => void tmux('send-keys', '-t', session, ...names),
    // `--`: text starting with a dash (`-p 8080:80`) is text, not a send-keys flag.
    text: (s) => void tmux('send-keys', '-t', session, '-l', '--', s),
    capture: () =>
      tmux('capture-pane', '-p', '-t', session)
        .split('\n')
        .map((l) => l.trimEnd())
        .join('\n')
        .replace(/\n+$/, ''),
    format: (fmt) => tmux('display-message', '-p', '-t', session, fmt).trim(),
    async waitFor(text, timeoutMs = 10_000) {
      const t0 = Date.now();
      for (;;) {
        const screen = t.capture();
        if (typeof text === 'string' ? screen.includes(text) : typeof text === 'function' ? text(screen) : text.test(screen)) {
          // Ink attaches a new screen's key handler in an effect just after its first frame is
          // painted; a person never types inside that moment, a test under load can.
          await sleep(60);
          return screen;
        }
        if (Date.now() - t0 > timeoutMs) {
          const dead = t.format('#{pane_dead} #{pane_dead_status}');
          throw new Error(`timed out waiting for ${String(text)}; pane dead/status: ${dead}; screen:\n${screen}`);
        }
        await sleep(50);
      }
    },
    async waitForExit(timeoutMs = 10_000) {
      const t0 = Date.now();
      while (!existsSync(statusFile) || readFileSync(statusFile, 'utf8').trim() === '') {
        if (Date.now() - t0 > timeoutMs) throw new Error(`amgi did not exit; screen:\n${t.capture()}`);
        await sleep(50);
      }
      // The shell reports death by signal N as 128 + N. Then it exits: once the pane is dead,
      // tmux has read everything amgi wrote (the switch back from the alternate screen).
      const status = Number(readFileSync(statusFile, 'utf8').trim());
      for (let i = 0; i < 40 && t.format('#{pane_dead}') !== '1'; i++) await sleep(50);
      return status;
    },
    async shellSignal(timeoutMs = 10_000) {
      const sh = t.format('#{pane_pid}');
      for (const t0 = Date.now(); Date.now() - t0 < timeoutMs; await sleep(50)) {
        if (t.format('#{pane_dead}') !== '1') continue;
        const signal = t.format('#{pane_dead_signal}');
        if (signal !== '') return Number(signal);
        if (t.format('#{pane_dead_status}') !== '') return undefined;
        // tmux 3.3a can mark the pane dead (its pty closed) and leave the shell unreaped, a zombie
        // whose wait status /proc still holds (stat(5) field 52, exit_code).
        try {
          const fields = readFileSync(`/proc/${sh}/stat`, 'utf8').split(') ')[1]!.split(' ');
          if (fields[0] === 'Z') {
            const status = Number(fields[49]);
            return (status & 0x7f) === 0 ? undefined : status & 0x7f;
          }
        } catch {
          // Reaped meanwhile: the formats above answer on the next round.
        }
      }
      throw new Error(`the pane did not die; screen:\n${t.capture()}`);
    },
    pid: () => {
      // The pane runs `sh -c …`; amgi is its child.
      const sh = t.format('#{pane_pid}');
      return Number(execFileSync('pgrep', ['-P', sh], { encoding: 'utf8' }).trim().split('\n')[0]);
    },
    resize: (c, r) => void tmux('resize-window', '-t', session, '-x', String(c), '-y', String(r)),
    kill: () => {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
      rmSync(dirname(statusFile), { recursive: true, force: true });
    },
    async stop() {
      try {
        if (!existsSync(statusFile)) {
          process.kill(t.pid(), 'SIGTERM');
          await t.waitForExit(5000);
        }
      } catch {
        // Already gone, or the server is: kill-server below is enough.
      }
      t.kill();
    },
  };
  return t;
}
