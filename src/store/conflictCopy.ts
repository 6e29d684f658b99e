/**
 * Conflict copies that sync tools make when two machines change one file at once (Dropbox,
 * Syncthing, Nextcloud/ownCloud, OneDrive). Device files' copies are merged as a union
 * (syncFolder.ts); a copy of a deck, aliases or settings is never read: the original is.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const CONFLICT = /( \(conflicted copy[^)]*\)|\.sync-conflict-[^.]*| \(conflict[^)]*\)|-conflict-\d+)/i;

export function isConflictCopy(name: string): boolean {
  return CONFLICT.test(name);
}

/** The name a conflict copy was made from (`settings (conflicted copy 2026-12-01).json` → `settings.json`). */
export function originalOf(name: string): string {
  return name.replace(CONFLICT, '');
}

/**
 * A conflict copy whose original sits beside it. Only then is a name with a conflict mark a copy:
 * a deck the learner named `x-conflict-2.json` with no `x.json` is their own deck.
 */
export function isCopyBesideOriginal(dir: string, name: string): boolean {
  return isConflictCopy(name) && existsSync(join(dir, originalOf(name)));
}

/** Conflict copies of the learner's files in a sync folder (settings, aliases, decks), as paths relative to it. */
export function userFileConflictCopies(dir: string): { copy: string; original: string }[] {
  const out: { copy: string; original: string }[] = [];
  for (const sub of ['', 'decks']) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    for (const n of names.sort()) {
      if (!n.endsWith('.json') || !isCopyBesideOriginal(join(dir, sub), n)) continue;
      out.push({ copy: sub ? `${sub}/${n}` : n, original: sub ? `${sub}/${originalOf(n)}` : originalOf(n) });
    }
  }
  return out;
}
