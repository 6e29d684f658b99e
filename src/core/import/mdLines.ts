/**
 * Markdown lines, classified once: the card patterns in markdown.ts then read kinds,
 * indents and contents instead of re-parsing text. The block structure comes from a
 * CommonMark parser (mdast-util-from-markdown): fenced and indented code, HTML blocks,
 * setext headings, thematic breaks and link definitions are what it says they are. Line
 * patterns that are not CommonMark (Obsidian `?` separators, `#tag` lines, tables without
 * GFM, bold-only labels) are still read from the line.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Heading, Image, ImageReference, Link, LinkReference, Nodes } from 'mdast';
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
function readBlocks(lines: string[], chunkChars: number): Blocks {
  const kinds = new Map<number, LineKind>();
  const setext = new Map<number, { level: number; last: number }>();
  const hidden = new Map<number, Uint8Array>();
  const parsed = lines.map((l) => (l.length > PARSED_LINE_MAX ? 'x' : l));
  // Each chunk's tree covers document lines first+1..last (1-based); its line k is document line k + shift.
  const read = (tree: Nodes, first: number, last: number, shift: number) => {
    const line = (p: Point) => p.line + shift;
    const inside = (k: number) => k > first && k <= last;
    const mark = (n: Nodes, kind: LineKind) => {
      for (let k = line(n.position!.start); k <= line(n.position!.end); k++) if (inside(k)) kinds.set(k, kind);
    };
    const hide = (from: Point, to: Point) => {
      for (let k = line(from); k <= line(to); k++) {
        if (!inside(k)) continue;
        const cols = hidden.get(k) ?? new Uint8Array(lines[k - 1]!.length);
        hidden.set(k, cols);
        cols.fill(1, k === line(from) ? from.column - 1 : 0, k === line(to) ? to.column - 1 : cols.length);
      }
    };
    // A setext heading (text over === or ---): its text lines as one heading, the underline blank.
    const setextHeading = (node: Heading) => {
      const start = line(node.position!.start);
      const end = line(node.position!.end);
      if (inside(start) && !lines[start - 1]!.trimStart().startsWith('#')) {
        setext.set(start, { level: node.depth, last: end - 1 });
        for (let k = start + 1; k <= end; k++) kinds.set(k, 'blank');
      }
    };
    // Everything but the link text: brackets, target, title. Returns whether it is an autolink (all target, nothing inside to read).
    const hideLinkSyntax = (node: Link | LinkReference | Image | ImageReference): boolean => {
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
      return auto;
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
        case 'heading':
          setextHeading(node);
          break;
        case 'link':
        case 'linkReference':
        case 'image':
        case 'imageReference':
          if (hideLinkSyntax(node)) return;
          break;
      }
      if ('children' in node) {
        const inFlow = node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem' || node.type === 'list';
        for (const kid of node.children) walk(kid, inFlow);
      }
    };
    walk(tree, true);
  };
  // Link reference definitions count across the whole document (a `[x]` here may be defined in
  // another chunk, before or after it, and a resolved reference hides its brackets). Without
  // one (no line has `]:`) each chunk is read as soon as it is parsed. With some, the trees are
  // kept, and a chunk with a bracket is parsed again after all the labels (`[label]: x`) and a
  // blank line: only the labels matter to what is read here (which references resolve), and a
  // definition changes no block, so the split points stay as they were.
  if (!parsed.some((l) => l.includes(']:'))) {
    parseChunks(parsed, chunkChars, (c) => read(c.tree, c.first, c.last, c.first));
    return { kinds, setext, hidden };
  }
  const chunks: Chunk[] = [];
  parseChunks(parsed, chunkChars, (c) => chunks.push(c));
  const labels = new Set<string>();
  if (chunks.length > 1) {
    for (const c of chunks) collectLabels(c.tree, c.last - c.first, labels);
  }
  const defs = [...labels].map((l) => `[${l}]: x\n`).join('');
  for (const c of chunks) {
    const body = parsed.slice(c.first, c.end + 1);
    if (defs && body.some((l) => l.includes('['))) {
      read(fromMarkdown(`${defs}\n${body.join('\n')}`), c.first, c.last, c.first - labels.size - 1);
    } else {
      read(c.tree, c.first, c.last, c.first);
    }
  }
  return { kinds, setext, hidden };
}

/** Labels of the link reference definitions in a chunk's tree, up to its line `upTo`. */
function collectLabels(node: Nodes, upTo: number, into: Set<string>): void {
  if (node.type === 'definition') {
    if (node.position!.start.line <= upTo && node.label) into.add(node.label.replace(/\s+/g, ' '));
    return;
  }
  if ('children' in node) for (const kid of node.children) collectLabels(kid as Nodes, upTo, into);
}

interface Chunk {
  tree: Nodes;
  /** Lines first..last-1 (0-based) are this chunk's; `end` (last, or the line before it at the end) was parsed too. */
  first: number;
  last: number;
  end: number;
}

/**
 * The CommonMark parser (micromark) slows down more than linearly with the length of what it
 * reads (measured on the seed notes: 57k characters 0.3 s, 429k 4.6 s, 1.7M 60 s), so a long
 * note is parsed in chunks of about `chunkChars`, each handed to `onChunk`. A chunk ends before
 * a line that begins a new top-level block: there every open block (list, quote, fence, HTML,
 * paragraph) is closed, so the rest parses as it would at the start of a document — apart from
 * link reference definitions (see readBlocks) and a list going on (which changes no line's
 * kind). Candidates are non-blank lines at column 0 (so never indented code or the continuation
 * of a list item) that are an ATX heading or a list item, or follow blank lines (not under an
 * indented line), outside a fence or HTML block as far as a line scan tells. Each is checked on the parse itself: the
 * chunk is parsed up to and including the candidate, which must begin a child of the root (or
 * an item of a root list); the candidate is then read in the next chunk.
 */
function parseChunks(lines: string[], chunkChars: number, onChunk: (c: Chunk) => void): void {
  const starts = blockStarts(lines);
  let first = 0;
  let size = 0;
  // After a wrong guess, the next try waits until the chunk has doubled: a document that fools
  // the line scan costs at most about twice its parse, not a parse per candidate.
  let want = chunkChars;
  for (let i = 0; i < lines.length; i++) {
    if (size >= want && starts[i]) {
      const tree = fromMarkdown(lines.slice(first, i + 1).join('\n'));
      const underText = lines[i - 1]!.trim() !== '' && !ATX.test(lines[i]!);
      if (beginsRootBlock(tree, i - first + 1, lines[i]!, underText)) {
        onChunk({ tree, first, last: i, end: i });
        first = i;
        size = 0;
        want = chunkChars;
      } else want = size * 2;
    }
    size += lines[i]!.length + 1;
  }
  onChunk({ tree: fromMarkdown(lines.slice(first).join('\n')), first, last: lines.length, end: lines.length - 1 });
}

/**
 * Whether the tree's line `n` begins a child of the root, or an item of a list that is one,
 * with nothing before it reaching line `n` (an HTML block in a list item can end at column 1
 * of the next line, and readBlocks would mark that line as code). A paragraph (or setext
 * heading) right under a text line is not fresh either: it can be the rest of a link
 * definition's block (`[a]: x` over `2. two` is a definition and a paragraph, where `2. two`
 * alone is a list). `underText` is false for an ATX heading line.
 */
function beginsRootBlock(tree: Nodes, n: number, line: string, underText: boolean): boolean {
  const kids = 'children' in tree ? tree.children : [];
  const last = kids.at(-1);
  if (!last) return false;
  const endLine = (node: Nodes | undefined) => node?.position?.end.line ?? 0;
  const fresh = (siblings: readonly Nodes[]) => {
    const node = siblings.at(-1)!.position!.start;
    return node.line === n && node.column === 1 && endLine(siblings.at(-2)) < n;
  };
  if (fresh(kids)) {
    if (underText && (last.type === 'paragraph' || last.type === 'heading')) return false;
    // micromark reads a line as if interrupting when the block before is still open in its state
    // (indented code over a blank line): then an empty list item, one not numbered 1 or some
    // HTML is text, which it would not be at the start of a chunk. Those lines are not split at.
    if (last.type === 'list') return !underText && !(last.ordered && last.start !== 1) && last.children[0]?.children[0]?.position?.start.line === n;
    return !((last.type === 'paragraph' || last.type === 'heading') && INTERRUPT_SENSITIVE.test(line));
  }
  return last.type === 'list' && fresh(last.children) && endLine(kids.at(-2)) < n;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^#{1,6}(?:\s|$)/;
const INTERRUPT_SENSITIVE = /^(?:[-*+]|\d{1,9}[.)])(?:\s|$)|^</;
const HTML_RAW = /^ {0,3}<(?:pre|script|style|textarea)(?:\s|>|$)/i;
const HTML_RAW_END = /<\/(?:pre|script|style|textarea)>/i;
const HTML_OTHER = /^ {0,3}<(?:\?|![A-Za-z]|!\[CDATA\[)/;
const HTML_UNTIL_BLANK = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:\s|\/?>|$)/;
const CHUNK_START = /^(?:#{1,6}(?:\s|$)|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$))/;

/** A block whose lines start no chunk: a fence (closed by the same character, at least as long), or HTML (until a line matches, or a blank line). */
type Skip = { fence: string } | { html: RegExp | 'blank' } | undefined;

function closes(skip: NonNullable<Skip>, l: string): boolean {
  if ('fence' in skip) {
    const close = FENCE.exec(l);
    return !!close && close[1]![0] === skip.fence[0] && close[1]!.length >= skip.fence.length && l.trim() === close[1];
  }
  return skip.html === 'blank' ? l.trim() === '' : skip.html.test(l);
}

/** The block line `l` opens that hides the lines after it, if any. */
function opens(l: string): Skip {
  const open = FENCE.exec(l);
  if (open && !(open[1]![0] === '`' && l.slice(open[0].length).includes('`'))) return { fence: open[1]! };
  if (HTML_RAW.test(l)) return HTML_RAW_END.test(l) ? undefined : { html: HTML_RAW_END };
  if (HTML_OTHER.test(l)) return l.includes('>', l.indexOf('<') + 2) ? undefined : { html: />/ };
  if (HTML_UNTIL_BLANK.test(l)) return { html: 'blank' };
  return undefined;
}

/**
 * Lines that may start a chunk (see parseChunks): a cheap scan that skips fenced code and HTML
 * blocks, so that a `# comment` in a shell block is not tried. A wrong guess costs a parse, not
 * a wrong result.
 */
function blockStarts(lines: string[]): boolean[] {
  const out = new Array<boolean>(lines.length).fill(false);
  let skip: Skip;
  let lastText = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (skip) {
      if (closes(skip, l)) skip = undefined;
      continue;
    }
    const blankBefore = i > 0 && lines[i - 1]!.trim() === '';
    // Not after blank lines under an indented line: micromark may still hold that block open.
    const fresh = blankBefore ? !/^\s/.test(lastText) : CHUNK_START.test(l);
    out[i] = i > 0 && l !== '' && !/^\s/.test(l) && (ATX.test(l) || fresh);
    if (l.trim() !== '') lastText = l;
    skip = opens(l);
  }
  return out;
}

/**
 * Characters of Markdown parsed at once; see parseChunks. On the seed notes repeated to 1.1M
 * characters: 4k 2.0–2.4 s, 8k 2.2 s, 16k 3.0 s, 32k 3.3–3.7 s, 64k 3.8–4.0 s.
 */
const CHUNK_CHARS = 8 * 1024;

/** `chunkChars` is for tests (chunked and whole parses must agree). */
export function classifyLines(text: string, chunkChars = CHUNK_CHARS): MdLine[] {
  const raw = stripComments(text).split(/\r\n|\r|\n/);
  const metaEnd = frontMatterEnd(raw);
  // The front matter is not Markdown (its `---` would be a rule, `tags:` a heading): blanked, lines kept.
  const blocks = readBlocks(raw.map((l, i) => (i <= metaEnd ? '' : l)), chunkChars);
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
