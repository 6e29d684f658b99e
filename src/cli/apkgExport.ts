/**
 * `amgi export --format apkg --out FILE.apkg [--deck ID] [--progress]`: decks as an Anki
 * package (core/export/apkg.ts); with --progress each card's schedule comes along.
 */
import type { CommandContext } from './commands.js';
import type { Deck } from '../core/deck/types.js';
import { AmgiError } from '../core/errors.js';
import { cliText, msg } from '../core/messages.js';
import { buildCollection, type ScheduleSource } from '../core/export/apkg.js';
import { writeApkg } from '../store/ankiPackage.js';
import { openProgressFromEnv } from '../store/open.js';
import { isStoreFile } from '../store/home.js';
import { amgiHome } from '../store/paths.js';

export async function exportApkg(ctx: CommandContext, decks: Deck[], out: string): Promise<number> {
  if (isStoreFile(amgiHome(ctx.env), out)) throw new AmgiError(msg().ownedByStore(out));
  let schedule: ScheduleSource | undefined;
  if (ctx.flags.progress === true) {
    const { progress } = openProgressFromEnv({ env: ctx.env, now: ctx.now, outline: true });
    for (const n of progress.notices) ctx.io.err(`amgi: ${n}`);
    schedule = { state: (key) => progress.state(key), dayStartHour: progress.settings.dayStartHour, retention: progress.settings.retention };
  }
  const col = buildCollection(decks, ctx.now().getTime(), schedule);
  await writeApkg(out, col);
  const scheduled = schedule ? col.cards.filter((c) => c.type !== 0).length : undefined;
  ctx.io.err(cliText().sync.apkgWrote(col.notes.length, col.cards.length, decks.length, out, scheduled));
  return 0;
}
