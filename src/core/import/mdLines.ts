/**
 * Markdown lines, classified once: the card patterns in markdown.ts then read kinds,
 * indents and contents instead of re-parsing text.
 */
import { cleanInline } from './inline.js';

export type LineKind = 'blank' | 'code' | 'meta' | 'heading' | 'label' | 'tags' | 'separator' | 'list' | 'table' | 'text';

export interface MdLine {
  /** 1-based line number in the input. */
  n: number;
  kind: LineKind;
  /** Leading whitespace width (a tab counts 4). */
  indent: number;
  /** Trimmed line; for a list item, the text after the marker; for a heading, its text. */
  text: string;
  /** Heading level (1–6); a bold-only line (`**장점**`) is a label at level 7. */
  level?: number;
}

/**
 * Remove HTML comments (Obsidian SR's `<!--SR:!2024-01-01,3,250-->` among them) but keep
 * their line breaks, so line numbers still match the file.
 */
export function stripComments(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('<!--', i);
    if (open < 0) return out + text.slice(i);
    const close = text.indexOf('-->', open + 4);
    const end = close < 0 ? text.length : close + 3;
    out += text.slice(i, open) + text.slice(open, end).replace(/[^\n]/g, '');
    i = end;
  }
}

function indentOf(line: string): number {
  let w = 0;
  for (const ch of line) {
    if (ch === ' ') w++;
    else if (ch === '\t') w += 4;
    else break;
  }
  return w;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:\s+|$)/;
const BOLD_ONLY = /^\*\*([^*]+)\*\*:?$/;
const TAG = /^#[^\s#]/;

export function classifyLines(text: string): MdLine[] {
  const raw = stripComments(text).split(/\r\n|\r|\n/);
  const out: MdLine[] = [];
  let fence: string | undefined;
  let inMeta = raw[0]?.trim() === '---' && raw.slice(1).some((l) => l.trim() === '---' || l.trim() === '...');
  raw.forEach((line, idx) => {
    const n = idx + 1;
    const t = line.trim();
    const indent = indentOf(line);
    const add = (kind: LineKind, body = t, level?: number) => out.push({ n, kind, indent, text: body, ...(level ? { level } : {}) });
    if (inMeta) {
      // YAML front matter: Obsidian keeps tags and aliases here, not cards.
      if (idx > 0 && (t === '---' || t === '...')) inMeta = false;
      return add('meta');
    }
    const fenceMark = /^(`{3,}|~{3,})/.exec(t)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      return add('code');
    }
    if (fenceMark) {
      fence = fenceMark;
      return add('code');
    }
    if (t === '') return add('blank');
    const heading = /^(#{1,6})(?:\s+|$)/.exec(t);
    // "## 4. 주요 런타임" → "주요 런타임": section numbers mean nothing on a card.
    if (heading) return add('heading', cleanInline(t.slice(heading[0].length).replace(/\s#+$/, '')).replace(/^\d{1,3}(?:\.\d{1,3})*\.\s+(?=\S)|^\d{1,3}(?:\.\d{1,3})+\s+(?=\S)/, ''), heading[1]!.length);
    const bold = BOLD_ONLY.exec(t);
    if (bold) return add('label', cleanInline(bold[1]!).replace(/:$/, '').trim(), 7);
    if (t.split(/\s+/).every((w) => TAG.test(w))) return add('tags');
    if (t === '?' || t === '??') return add('separator');
    if (t.startsWith('|')) return add('table');
    const marker = LIST_MARKER.exec(t);
    if (marker) return add('list', t.slice(marker[0].length).trim());
    add('text');
  });
  return out;
}

/**
 * The `tags:` (or `tag:`) of YAML front matter, as Obsidian writes them: a flow list
 * (`[docker, network]`), a comma or space list, or block items (`  - docker`) below the key.
 * Not a YAML parser: the other keys are never read, and a `#` or quotes around a tag go.
 */
export function frontMatterTags(lines: readonly MdLine[]): string[] {
  const meta = lines.filter((l) => l.kind === 'meta').slice(1);
  const tags: string[] = [];
  const words = (value: string) => value.replace(/^\[|\]$/g, '').split(/[,\s]+/).map((w) => w.replace(/^["']|["']$/g, '').replace(/^#/, '')).filter(Boolean);
  meta.forEach((l, i) => {
    const key = /^tags?\s*:\s*(.*)$/i.exec(l.text);
    if (!key || l.indent > 0) return;
    tags.push(...words(key[1]!));
    for (let k = i + 1; k < meta.length && /^-\s/.test(meta[k]!.text); k++) tags.push(...words(meta[k]!.text.slice(1)));
  });
  return [...new Set(tags)];
}
