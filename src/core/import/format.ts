/** Which parser reads a notes file, and the one entry point the CLI calls. */
import { cliText } from '../messages.js';
import { UsageError } from '../errors.js';
import { nearestNames } from '../text/nearest.js';
import { looksLikeAnki, parseAnki } from './anki.js';
import type { ImportParse } from './draft.js';

export type NotesFormat = 'md' | 'anki';

/**
 * `--format` wins; else `.tsv` or a file starting with Anki's `#separator:`-style header is
 * Anki, and everything else (.md, .txt study notes) is Markdown.
 */
export function detectFormat(fileName: string, text: string, explicit?: string): NotesFormat {
  if (explicit !== undefined) {
    if (explicit === 'md' || explicit === 'markdown') return 'md';
    if (explicit === 'anki' || explicit === 'tsv') return 'anki';
    throw new UsageError(cliText().errors.oneOf('format', ['md', 'anki'], explicit, nearestNames(explicit, ['md', 'anki'])[0]));
  }
  if (/\.tsv$/i.test(fileName) || looksLikeAnki(text)) return 'anki';
  return 'md';
}

/** The first line of `amgi export --progress` (`{"amgi":"progress",…}`), whatever the file is called. */
export function isProgressExport(text: string): boolean {
  return /^\uFEFF?\s*\{\s*"amgi"\s*:\s*"progress"/.test(text.slice(0, 200));
}

/** The Markdown parser (CommonMark, ≈100 KB) is loaded only when a Markdown file is imported. */
export async function parseNotes(format: NotesFormat, text: string, file: string): Promise<ImportParse> {
  return format === 'anki' ? parseAnki(text, file) : (await import('./markdown.js')).parseMarkdown(text, file);
}
