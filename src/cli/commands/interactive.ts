/**
 * The interactive app: `amgi` (Home), `amgi review`, `amgi cram`, `amgi quiz`, `amgi search`
 * with no query, `amgi stats` on a terminal. This module stays small: React, Ink, the store
 * and the screens are imported only once we know stdin is a terminal.
 */
import { AmgiError, UsageError } from '../../core/errors.js';
import { cliText } from '../../core/messages.js';
import { formatProblem } from '../../core/deck/validate.js';
import { dayKey, parseDayKey, studyDay } from '../../core/schedule/day.js';
import type { Screen } from '../../ui/navigation.js';
import { flagChoice, flagInt, flagString } from '../args.js';
// Not questions.js or quizState.js: the quiz (and es-hangul) would load before Home's first frame.
import { DEFAULT_QUIZ_COUNT, QUIZ_MODE_ALIASES, QUIZ_MODES } from '../../core/quiz/modes.js';
import type { CommandContext } from '../types.js';
import { checkScope } from '../../core/deck/scope.js';
import { decksFromContext } from './decks.js';
import { seedTitles } from '../../store/deckFiles.js';
import { openHome } from '../../store/home.js';
import { amgiHome } from '../../store/paths.js';
import { peekSettings, preloadConf, settingsNeedMigration } from '../../store/settings.js';
import { colorEnabled } from '../../ui/theme.js';

/** `--until`: a real calendar date, today or later (study days: the day start setting counts). */
export function checkUntil(until: string | undefined, now: Date, env: NodeJS.ProcessEnv): void {
  if (until === undefined) return;
  const t = cliText().errors;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) throw new UsageError(t.notADate(until));
  const day = parseDayKey(until);
  if (day === undefined) throw new UsageError(t.noSuchDate(until));
  const today = studyDay(now, peekSettings(amgiHome(env)).dayStartHour);
  if (day < today) throw new UsageError(t.datePassed(until, dayKey(today)));
}

/** The screen stack a command starts with. Starting below Home means `q` returns to the shell. */
export function initialScreens(ctx: Pick<CommandContext, 'command' | 'args' | 'flags'>): Screen[] {
  const deckId = flagString(ctx.flags, 'deck');
  switch (ctx.command) {
    case 'review':
      return [{ kind: 'review', deckId }];
    case 'cram':
      return [
        {
          kind: 'cram',
          options: {
            deckId,
            tag: flagString(ctx.flags, 'tag'),
            weakest: ctx.flags.weakest === true || undefined,
            until: flagString(ctx.flags, 'until'),
            reschedule: ctx.flags.reschedule === true || undefined,
          },
        },
      ];
    case 'quiz': {
      const mode = flagChoice(ctx.flags, 'mode', QUIZ_MODES, QUIZ_MODE_ALIASES) ?? 'mixed';
      return [{ kind: 'quiz', mode, deckId, tag: flagString(ctx.flags, 'tag'), count: flagInt(ctx.flags, 'count', DEFAULT_QUIZ_COUNT) }];
    }
    case 'search':
      return [{ kind: 'search', query: ctx.args.join(' ') || undefined }];
    case 'stats':
      return [{ kind: 'stats' }];
    default:
      return [{ kind: 'home' }];
  }
}

export async function run(ctx: CommandContext): Promise<number> {
  // Every usage error before the terminal check and before Ink: one line on the normal screen.
  const initial = initialScreens(ctx);
  checkUntil(flagString(ctx.flags, 'until'), ctx.now(), ctx.env);
  const home = amgiHome(ctx.env);
  // Before the decks (their cache lives there) and before Ink takes the screen: one line, not an error screen.
  openHome(home);
  const { decks, problems } = decksFromContext(ctx);
  checkScope(decks, flagString(ctx.flags, 'deck'), flagString(ctx.flags, 'tag'));
  const decksDir = flagString(ctx.flags, 'decks');
  if (decksDir !== undefined && problems.length) {
    // Decks the user pointed at that did not load: said here, where it stays readable after the
    // app leaves the alternate screen, and fatal when none loaded (not an empty "no cards" screen).
    if (decks.length === 0) throw new AmgiError([cliText().errors.noDecksLoaded(decksDir), ...problems.map(formatProblem)].join('\n'));
    for (const p of problems) ctx.io.err(formatProblem(p));
  }
  if (!ctx.io.stdinIsTTY) {
    ctx.io.err(cliText().errors.notATerminal);
    return 1;
  }
  const lang = flagString(ctx.flags, 'lang');
  const noColor = ctx.flags['no-color'] === true;
  // chalk (inside Ink) drops every style when it sees --no-color in argv, bold and underline
  // too; amgi's theme drops only the colours, so a search match or a typed-answer diff stays
  // visible. FORCE_COLOR wins over the flag in supports-color; set before Ink loads.
  if (noColor && process.env.FORCE_COLOR === undefined) process.env.FORCE_COLOR = '1';
  // Ink switches to a print-once mode (no frames, no input) when CI or CONTINUOUS_INTEGRATION
  // is set (is-in-ci, read when Ink loads). amgi only gets here on a real terminal, where that
  // mode would leave a blank screen: a shell or a test runner under CI must not change the app.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const color = colorEnabled(ctx.env, noColor);
  // Home's first frame from the store before React, Ink and yoga load (ui/firstFrame.ts);
  // every other first screen, or a terminal it cannot be exact for, starts as before.
  const early = initial.length === 1 && initial[0]!.kind === 'home' && ctx.io.isTTY;
  const [{ openProgress }, firstFrame] = await Promise.all([
    // Not progress.js, which loads conf first: see below.
    import('../../store/progressStore.js'),
    early ? import('../../ui/firstFrame.js') : undefined,
  ]);
  // conf (with ajv, ≈ 200 KB of code) only writes settings: opening the store needs it just to
  // migrate a settings.json of an older layout. Otherwise it loads after the first frame, long
  // before anyone can reach the settings screen, instead of delaying that frame (≈ 20–50 ms, measured).
  const migrate = settingsNeedMigration(home);
  if (migrate) await preloadConf();
  const progress = openProgress({ home, decks, now: ctx.now, fuzz: true });
  // From here keys wait in the terminal for Ink, neither echoed nor lost (Ink reads them once it
  // is up); Ctrl+C among them quits as on any screen. Node restores the mode on every exit. Not
  // before the store is open: a rebuild of a long history (seconds) must stay interruptible by
  // Ctrl+C (raw mode turns SIGINT off), and what it costs is the echo of a key typed in the
  // first few tens of milliseconds.
  process.stdin.setRawMode?.(true);
  const services = { decks, problems: problems.map(formatProblem) };
  const { columns = 0, rows = 0 } = process.stdout;
  const frame = firstFrame?.homeFrameText({ ...services, progress, langFlag: lang, env: ctx.env, color, columns, rows });
  const shown = frame === undefined ? undefined : firstFrame!.showFirstFrame(process.stdout, frame, columns, rows);
  // The UI and what the first answer needs, after that frame.
  const [{ runApp }, { loadAliases }, { aliasKeys }] = await Promise.all([
    import('../../ui/run.js'),
    import('../../store/aliasFiles.js'),
    import('../../core/quiz/typedAnswer.js'),
  ]).catch((e: unknown) => {
    // The error is printed on the normal screen, where it stays readable.
    shown?.restore();
    throw e;
  });
  let search: ReturnType<typeof loadSearch> | undefined;
  // The index (aliases, on-disk cache) is built when the search screen first opens, not at start.
  const loadSearch = async () => {
    const { loadSearchIndex } = await import('../../store/searchCache.js');
    return loadSearchIndex(decks, ctx.env).index;
  };
  let titles: Map<string, string> | undefined;
  // Read when the first answer is judged (Home never needs them).
  let aliases: ReturnType<typeof aliasKeys> | undefined;
  return runApp({
    services: {
      ...services,
      progress,
      now: ctx.now,
      loadSearch: () => (search ??= loadSearch()),
      seedTitle: (seed) => (titles ??= seedTitles()).get(seed) ?? seed,
      answerAliases: () => (aliases ??= aliasKeys(loadAliases(ctx.env).judge)),
      warmUp: migrate ? undefined : () => void preloadConf().catch(() => {}),
    },
    initial,
    langFlag: lang,
    color,
    env: ctx.env,
    firstFrame: shown,
  });
}
