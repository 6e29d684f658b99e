/**
 * The language of everything amgi prints outside the screens: command output, usage errors,
 * the store's notices, deck problems. The text lives in the `cli` section of the one catalogue
 * per language (core/i18n/cliEn.ts, cliKo.ts, included by ui/i18n/en.ts, ko.ts; plain data,
 * here in core so that core may import it); this module only remembers which one
 * this process speaks. main.ts sets it once, from --lang, the saved setting, then LC_ALL/LANG.
 * Tests that never set it get English.
 */
import { cliEn, type CliMessages } from './i18n/cliEn.js';
import { cliKo } from './i18n/cliKo.js';

export type MessageLang = 'ko' | 'en';

/**
 * Kept on globalThis under a registered symbol, not in a module variable: dist/amgi-main.js (where
 * main.ts sets it) and each lazily loaded command bundle have their own copy of this module
 * (as with errors.ts).
 */
const LANG = Symbol.for('amgi.messageLang');
const holder = globalThis as { [LANG]?: MessageLang };

export function setMessageLang(lang: MessageLang): void {
  holder[LANG] = lang;
}

export function messageLang(): MessageLang {
  return holder[LANG] ?? 'en';
}

// Only the `cli` sections: the screens' text would cost `amgi status` (one bundle) its parse time.
const current = (): CliMessages => (messageLang() === 'ko' ? cliKo : cliEn);

/** The command-line part of the active catalogue. */
export function cliText(): CliMessages {
  return current();
}

/** Node's system errors (fs, net): an errno code and the call that failed. */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!) && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

/** "permission denied (EACCES)", without Node's "ENOENT: no such file or directory, open '…'" wording. */
export function fsCause(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const cause = code ? current().store.causes[code] : undefined;
  if (cause) return `${cause} (${code})`;
  return code ?? (e instanceof Error ? e.message : String(e));
}

/** A system error that reached the top: its path (when it has one) and its cause. */
export function systemErrorText(e: NodeJS.ErrnoException): string {
  return e.path ? `${e.path}: ${fsCause(e)}` : fsCause(e);
}

/** The store's lines (data folder, log, deck folders, settings, import/export files), in the active language. */
export function msg(): CliMessages['store'] {
  return current().store;
}
