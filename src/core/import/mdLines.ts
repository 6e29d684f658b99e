/**
 * Markdown lines, classified once: the card patterns in markdown.ts then read kinds,
 * indents and contents instead of re-parsing text. The block structure comes from a
 * CommonMark parser (mdast-util-from-markdown): fenced and indented code, HTML blocks,
 * setext headings, thematic breaks and link definitions are what it says they are. Line
 * patterns that are not CommonMark (Obsidian `?` separators, `#tag` lines, tables without
 * GFM, bold-only labels) are still read from the line.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import type { Point } from 'unist';
import { cleanInline, maskCode } from './inline.js';

export type LineKind = 'blank' | 'code' | 'meta' | 'heading' | 'label' | 'tags' | 'separator' | 'list' | 'table' | 'rule' | 'text';

export interface MdLine {
  /** 1-based line number in the input. */
  n: number;
  kind: LineKind;
  /** Leading whitespace width (a tab counts 4). */
  indent: number;
  /** Trimmed line; for a list item, the text after the marker; for a heading, its text. */
  text: string;
  /**
   * `text` with what is not card text blanked (same length): link and image targets, inline
   * code and HTML tags. The `::` separators are looked for in this (`[x](http://a::b)` is no card).
   */
  syntax: string;
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
/** Stands for a blanked character in MdLine.syntax. */
const HIDDEN = '\0';

/** "## 4. 주요 런타임" → "주요 런타임": section numbers mean nothing on a card. */
const headingText = (raw: string) =>
  cleanInline(raw).replace(/^\d{1,3}(?:\.\d{1,3})*\.\s+(?=\S)|^\d{1,3}(?:\.\d{1,3})+\s+(?=\S)/, '');

/** YAML front matter (Obsidian keeps tags and aliases there): the index of its closing line, or -1. */
function frontMatterEnd(raw: string[]): number {
  if (raw[0]?.trim() !== '---') return -1;
  return raw.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
}

/**
 * Lines longer than this reach the CommonMark parser as one letter (its link matching is
 * quadratic in a line of brackets): no card line is that long, and the line patterns still
 * read the whole line, with only `inline code` kept out of the `::` search.
 */
const PARSED_LINE_MAX = 2000;

interface Blocks {
  /** Line number → the kind the CommonMark parse gives it (code, rule, blank), over the line patterns. */
  kinds: Map<number, LineKind>;
  /** First line of a setext heading (`Title` over `=====`) → its level and last text line. */
  setext: Map<number, { level: number; last: number }>;
  /** Line number → its columns that are link targets, inline code or HTML tags. */
  hidden: Map<number, Uint8Array>;
}

/** What the CommonMark parse says of each line (`lines` as parsed: front matter blanked). */
function readBlocks(lines: string[]): Blocks {
  const kinds = new Map<number, LineKind>();
  const setext = new Map<number, { level: number; last: number }>();
  const hidden = new Map<number, Uint8Array>();
  const mark = (n: Nodes, kind: LineKind) => {
    for (let k = n.position!.start.line; k <= n.position!.end.line; k++) kinds.set(k, kind);
  };
  const hide = (from: Point, to: Point) => {
    for (let k = from.line; k <= to.line; k++) {
      const cols = hidden.get(k) ?? new Uint8Array(lines[k - 1]!.length);
      hidden.set(k, cols);
      cols.fill(1, k === from.line ? from.column - 1 : 0, k === to.line ? to.column - 1 : cols.length);
    }
  };
  const walk = (node: Nodes, flow: boolean): void => {
    switch (node.type) {
      case 'code':
        mark(node, 'code');
        return;
      case 'html':
        // An HTML block makes no card; a tag inside a line is not card text.
        if (flow) mark(node, 'code');
        else hide(node.position!.start, node.position!.end);
        return;
      case 'thematicBreak':
      case 'definition':
        mark(node, 'rule');
        return;
      case 'inlineCode':
        hide(node.position!.start, node.position!.end);
        return;
      case 'heading': {
        const { start, end } = node.position!;
        if (!lines[start.line - 1]!.trimStart().startsWith('#')) {
          setext.set(start.line, { level: node.depth, last: end.line - 1 });
          for (let k = start.line + 1; k <= end.line; k++) kinds.set(k, 'blank');
        }
        break;
      }
      case 'link':
      case 'linkReference':
      case 'image':
      case 'imageReference': {
        // Everything but the link text: brackets, target, title (an autolink is all target).
        let at = node.position!.start;
        const kids = 'children' in node ? node.children : [];
        const auto = node.type === 'link' && kids.length === 1 && kids[0]!.type === 'text' && node.url.endsWith(kids[0]!.value);
        if (!auto) {
          for (const kid of kids) {
            hide(at, kid.position!.start);
            at = kid.position!.end;
          }
        }
        hide(at, node.position!.end);
        if (auto) return;
        break;
      }
    }
    if ('children' in node) {
      const inFlow = node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem' || node.type === 'list';
      for (const kid of node.children) walk(kid, inFlow);
    }
  };
  walk(fromMarkdown(lines.map((l) => (l.length > PARSED_LINE_MAX ? 'x' : l)).join('\n')), true);
  return { kinds, setext, hidden };
}

export function classifyLines(text: string): MdLine[] {
  const raw = stripComments(text).split(/\r\n|\r|\n/);
  const metaEnd = frontMatterEnd(raw);
  // The front matter is not Markdown (its `---` would be a rule, `tags:` a heading): blanked, lines kept.
  const blocks = readBlocks(raw.map((l, i) => (i <= metaEnd ? '' : l)));
  const out: MdLine[] = [];
  raw.forEach((line, idx) => {
    const n = idx + 1;
    const t = line.trim();
    const indent = indentOf(line);
    const add = (kind: LineKind, body = t, level?: number) => {
      out.push({ n, kind, indent, text: body, syntax: syntaxOf(line, body, blocks.hidden.get(n)), ...(level ? { level } : {}) });
    };
    if (idx <= metaEnd) return add('meta');
    const kind = blocks.kinds.get(n);
    if (kind) return add(kind, kind === 'blank' ? '' : t);
    const setext = blocks.setext.get(n);
    if (setext) return add('heading', headingText(raw.slice(idx, setext.last).map((l) => l.trim()).join(' ')), setext.level);
    if (t === '') return add('blank');
    const heading = /^(#{1,6})(?:\s+|$)/.exec(t);
    if (heading) return add('heading', headingText(t.slice(heading[0].length).replace(/\s#+$/, '')), heading[1]!.length);
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

/** `body` (a part of `line`) with its hidden columns blanked; a line the parser did not read hides its code spans. */
function syntaxOf(line: string, body: string, hidden: Uint8Array | undefined): string {
  if (line.length > PARSED_LINE_MAX) return maskCode(body);
  const at = body ? line.indexOf(body, line.length - line.trimStart().length) : -1;
  if (!hidden || at < 0) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) out += hidden[at + i] ? HIDDEN : body[i];
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
