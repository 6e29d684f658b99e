/**
 * User-visible lines about the places amgi reads and writes (the data folder, the review log,
 * deck folders, caches, settings) and about deck text, in one module: the Korean catalogue
 * will translate this file rather than strings spread over the store and the commands.
 * Pure: callers pass paths and errors in.
 */

/** What an errno means to a user, without Node's "ENOENT: no such file or directory, open '…'" wording. */
const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the disk is read-only',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  ELOOP: 'a symbolic link loop',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'no such file or folder',
  EEXIST: 'something else already has that name',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the path is too long',
};

/** Node's system errors (fs, net): an errno code and the call that failed. */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!) && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

/** "permission denied (EACCES)". */
export function fsCause(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && CAUSES[code]) return `${CAUSES[code]} (${code})`;
  return code ?? (e instanceof Error ? e.message : String(e));
}

export const msg = {
  /** A system error that reached the top: its path (when it has one) and its cause. */
  systemError: (e: NodeJS.ErrnoException) => (e.path ? `${e.path}: ${fsCause(e)}` : fsCause(e)),
  homeUnusable: (home: string, cause: string) => `cannot use the data folder ${home} (AMGI_HOME): ${cause}`,
  homeNotFolder: 'it is a file, not a folder',
  homeNotCreatable: (cause: string) => `it cannot be created here: ${cause}`,
  logUnusable: (file: string, cause: string) => `cannot read the review log ${file}: ${cause}`,
  fileUnusable: (file: string, cause: string) => `cannot use ${file}: ${cause}`,
  notRegularFile: 'it is not a regular file (a pipe, socket or device?)',
  writeFailed: (file: string, cause: string) => `could not write ${file}: ${cause}; nothing was changed`,

  // Deck folders (F12).
  decksFolderUnreadable: (cause: string) => `cannot read this deck folder: ${cause}; its decks are not loaded`,
  deckNotRegular: 'not a regular file (a pipe, socket or device); skipped',

  // Settings (F8).
  settingsNewer: (file: string, version: string, ours: string) =>
    `${file} was written by a newer amgi (settings version ${version}; this one knows ${ours}): it is read as far as possible and never saved over`,
  settingsReadOnly: (file: string) => `settings are not saved: ${file} belongs to a newer amgi (update amgi to change settings)`,

  // Import and export (F13).
  deckBackedUp: (file: string, backup: string) => `${file} holds a deck with this id, which the import replaces; the file is kept as ${backup}`,
  ownedByStore: (file: string) => `${file} is amgi's own data file; choose another path for the export`,

  // Deck text (F11).
  invisibleCharacters: (what: string) => `invisible characters (${what}) in the text`,
  invisibleHint: 'they can hide text from a reader; remove them unless they are meant to be there',
  nestedTooDeep: (max: number) => `nested more than ${max} levels deep`,
  nestedHint: 'a deck needs only a few levels: deck → cards → card → list',
  duplicateKey: (key: string) => `${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)} is given twice in this object (only the last one would count)`,
  duplicateKeyHint: 'remove one of them',
  idControlCharacters: (key: string) => `"${key}" contains control characters`,
} as const;
