/**
 * The interactive app: `amgi` (Home), `amgi review`, `amgi cram`, `amgi quiz`, `amgi search`
 * with no query, `amgi stats` on a terminal. This module stays small: React, Ink, the store
 * and the screens are imported only once we know stdin is a terminal.
 */
import { UsageError } from '../../core/errors.js';
import { formatProblem } from '../../core/deck/validate.js';
import type { Screen } from '../../ui/navigation.js';
import { flagInt, flagString } from '../args.js';
import { isQuizMode, QUIZ_MODES } from '../../core/quiz/questions.js';
import { DEFAULT_QUIZ_COUNT } from '../../core/quiz/session.js';
import type { CommandContext } from '../commands.js';
import { decksFromContext } from './decks.js';
import { seedTitles } from '../../store/deckFiles.js';
import { openHome } from '../../store/home.js';

export const NOT_A_TERMINAL = 'amgi needs an interactive terminal; try `amgi status` or `amgi search QUERY`';

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
      const mode = flagString(ctx.flags, 'mode') ?? 'mixed';
      if (!isQuizMode(mode)) throw new UsageError(`--mode must be one of ${QUIZ_MODES.join(', ')}, got "${mode}"`);
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
  if (!ctx.io.stdinIsTTY) {
    ctx.io.err(NOT_A_TERMINAL);
    return 1;
  }
  const lang = flagString(ctx.flags, 'lang');
  if (lang !== undefined && lang !== 'ko' && lang !== 'en') throw new UsageError(`--lang must be ko or en, got "${lang}"`);
  const initial = initialScreens(ctx);
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
  // Load the UI, the store and the search wiring in parallel with reading the decks.
  const [{ runApp }, { openProgress }, { colorEnabled }, { amgiHome }, { loadAliases }, { aliasKeys }] = await Promise.all([
    import('../../ui/run.js'),
    import('../../store/progress.js'),
    import('../../ui/theme.js'),
    import('../../store/paths.js'),
    import('../../store/aliasFiles.js'),
    import('../../core/quiz/match.js'),
  ]);
  const home = amgiHome(ctx.env);
  // Before the decks (their cache lives there) and before Ink takes the screen: one line, not an error screen.
  openHome(home);
  const { decks, problems } = decksFromContext(ctx);
  const progress = openProgress({ home, decks, now: ctx.now, fuzz: true });
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
      progress,
      decks,
      problems: problems.map(formatProblem),
      now: ctx.now,
      loadSearch: () => (search ??= loadSearch()),
      seedTitle: (seed) => (titles ??= seedTitles()).get(seed) ?? seed,
      answerAliases: () => (aliases ??= aliasKeys(loadAliases(ctx.env).table)),
    },
    initial,
    langFlag: lang,
    color: colorEnabled(ctx.env, noColor),
    env: ctx.env,
  });
}
