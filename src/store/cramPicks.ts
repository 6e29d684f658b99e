/** What a cram or a quiz would pick before it starts: the weakest studied cards, an interview plan's load. */
import type { StudyItem } from '../core/deck/items.js';
import { selectCram } from '../core/schedule/cram.js';
import { planDue } from '../core/schedule/interviewPlan.js';
import { peekItem } from '../core/schedule/itemTable.js';
import { kindOf } from '../core/schedule/queue.js';
import type { PlanPreview, PlanPreviewOptions, SessionHost } from './types.js';

type PickHost = Pick<SessionHost, 'ledger' | 'ctx' | 'settings' | 'now' | 'items'>;

/** Keys of the studied items among `items`, weakest first (a quiz's "weakest first"). */
export function weakestKeys(host: PickHost, items: StudyItem[]): string[] {
  const picked = selectCram({ ledger: host.ledger, items, scheduler: host.ctx.scheduler, now: host.now(), dayStartHour: host.settings.dayStartHour, weakest: true });
  return picked.filter((it) => {
    const s = peekItem(host.ledger.items, it.key);
    return kindOf(s) !== 'new' || (s?.cramN ?? 0) > 0;
  }).map((it) => it.key);
}

/** What an interview plan would ask (the cram picker's preview): answers a day, answers today. */
export function planPreview(host: PickHost, opts: PlanPreviewOptions): PlanPreview {
  const items = host.items(opts.deckId).filter((it) => !opts.tag || (it.card.tags ?? []).includes(opts.tag));
  // Checked first: Home asks on every showing, and an unstarted plan needs no simulation (planDue).
  const started = items.some((it) => peekItem(host.ledger.items, it.key)?.plan === opts.until);
  if (opts.startedOnly && !started) return { ok: false, error: 'not started' };
  const r = planDue({ ledger: host.ledger, items, settings: host.settings, scheduler: host.ctx.planScheduler, now: host.now(), until: opts.until });
  if (!r.ok) return r;
  return { ok: true, perDay: r.perDay, daysLeft: r.daysLeft, today: r.today, started };
}
