/**
 * Markdown notes → draft cards. Patterns, in the order they are tried (the README lists
 * them too):
 *  1. Obsidian SR multi-line cards: a paragraph with a line `?` (or `??`: both directions)
 *     between the question lines and the answer lines.
 *  2. Obsidian SR single-line cards: `question::answer`, `question:::answer` (both directions).
 *  3. Cloze: a line with `==text==` or `{{text}}` (marks hugging their text).
 *  4. Study-note terms: a list item `**term** - definition`, `**term**: definition`,
 *     `**term:** definition` or `term : definition` (space before the colon, term ≤ 40
 *     characters); nested items under it join the answer. A bold-only item whose nested
 *     items are plain text is a term answered by those items (asked as "heading › term").
 *  5. "List the items": a heading, a bold-only line or a short label line directly above a
 *     list of 2–8 top-level items (each at most 80 characters), asked as "parent › label".
 * Front-matter `tags:` tag every card; `#tag` lines tag the cards below them.
 * Code blocks (fenced or indented), HTML blocks, front matter, tables, images and HTML comments
 * (`<!--SR:…-->`) never make cards; a `::` inside a link target, code span or HTML tag is no
 * separator. Which lines are which comes from a CommonMark parse (mdLines.ts).
 */
import { hasHangul } from '../search/hangul.js';
import { cliText } from '../messages.js';
import type { DraftCard, ImportParse, SkippedLine } from './draft.js';
import { InputError } from './errors.js';
import { cleanInline, hasGap, splitBoldTerm, splitSpacedColon, toCloze } from './inline.js';
import { classifyLines, frontMatterTags, type MdLine } from './mdLines.js';
import { normalizeForId } from './ids.js';

const LIST_MIN = 2;
const LIST_MAX = 8;
const LIST_ITEM_MAX = 80;
const LABEL_MAX = 40;

interface TermDraft {
  card: DraftCard;
  term: string;
}

/**
 * The CommonMark parse runs in chunks (mdLines.ts), so in linear time, but still ≈ 2.5 µs a
 * character on the seed notes and ≈ 9 µs on a list of bold terms (measured: the seeds repeated
 * to 2 MB, 1.1M characters, 2.9 s; 1.2 MB of `- **a** - b` 10 s). The limit keeps a huge file
 * from holding the import much longer than that. The seed notes are 4–7 KB.
 */
export const MARKDOWN_MAX_KB = 2048;

/** Per line: the heading it sits under, the heading a heading or label belongs under, the tags so far. */
interface LineContext {
  topicAt: (string | undefined)[];
  /** For a heading or label line: the heading it belongs under (a smaller level), if any. */
  parentAt: (string | undefined)[];
  tagsAt: string[][];
  /** The first level-1 heading. */
  title?: string;
}

function lineContext(lines: MdLine[]): LineContext {
  const ctx: LineContext = { topicAt: [], parentAt: [], tagsAt: [] };
  let topic: string | undefined;
  const open: { level: number; text: string }[] = [];
  // Front-matter tags tag every card; `#tag` lines add to them from where they stand.
  let tags: string[] = frontMatterTags(lines);
  for (const l of lines) {
    if ((l.kind === 'heading' || l.kind === 'label') && l.text) {
      while (open.length && open[open.length - 1]!.level >= l.level!) open.pop();
      ctx.parentAt[ctx.topicAt.length] = open[open.length - 1]?.text;
      open.push({ level: l.level!, text: l.text });
      topic = l.text;
      if (l.level === 1 && ctx.title === undefined) ctx.title = l.text;
    }
    if (l.kind === 'tags') tags = [...new Set([...tags, ...l.text.split(/\s+/).map((w) => w.slice(1))])];
    ctx.topicAt.push(topic);
    ctx.tagsAt.push(tags);
  }
  return ctx;
}

const asText = (l: MdLine) => (l.kind === 'list' ? `• ${cleanInline(l.text)}` : cleanInline(l.text));

/** The cards and skips found so far, and which lines made them. */
class Harvest {
  readonly cards: { card: DraftCard; order: number }[] = [];
  readonly skipped: SkippedLine[] = [];
  /** Indexes of lines that made (part of) a card or a skip. */
  readonly used = new Set<number>();
  readonly terms: TermDraft[] = [];
  /** Term items may also be items of a list card. */
  readonly termLines = new Set<number>();

  constructor(
    readonly lines: MdLine[],
    readonly ctx: LineContext,
  ) {}

  add(idx: number, card: Omit<DraftCard, 'line' | 'tags' | 'topic'> & { topic?: string }): DraftCard {
    const tags = this.ctx.tagsAt[idx]!;
    const topic = card.topic ?? this.ctx.topicAt[idx];
    const full = { ...card, line: this.lines[idx]!.n, ...(tags.length ? { tags } : {}), ...(topic ? { topic } : {}) } as DraftCard;
    this.cards.push({ card: full, order: idx });
    return full;
  }

  skip(idx: number, reason: string): void {
    this.used.add(idx);
    this.skipped.push({ line: this.lines[idx]!.n, text: this.lines[idx]!.text, reason });
  }

  use(idx: Iterable<number>): void {
    for (const k of idx) this.used.add(k);
  }
}

export function parseMarkdown(input: string, file = 'notes.md'): ImportParse {
  if (input.length > MARKDOWN_MAX_KB * 1024) throw new InputError(file, cliText().import.markdownTooLarge(Math.ceil(input.length / 1024), MARKDOWN_MAX_KB));
  const lines = classifyLines(input);
  const ctx = lineContext(lines);
  const h = new Harvest(lines, ctx);
  separatorCards(h);
  lines.forEach((l, idx) => {
    if (!h.used.has(idx) && (l.kind === 'text' || l.kind === 'list')) oneLineCard(h, idx);
  });
  for (const block of listBlocks(lines)) listCard(h, block);
  disambiguateTerms(h.terms);
  const ignoredLines = lines
    .filter((l, idx) => !h.used.has(idx) && (l.kind === 'text' || l.kind === 'list' || l.kind === 'table' || l.kind === 'separator'))
    .map((l) => l.n);
  h.cards.sort((a, b) => a.order - b.order);
  return { cards: h.cards.map((c) => c.card), skipped: h.skipped.sort((a, b) => a.line - b.line), ignoredLines, ...(ctx.title ? { title: ctx.title } : {}) };
}

/** 1. Multi-line `?` / `??` cards: the paragraph around the separator. */
function separatorCards(h: Harvest): void {
  const { lines } = h;
  for (let i = 0; i < lines.length; ) {
    if (!isParagraph(lines[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && isParagraph(lines[end]!)) end++;
    const sep = lines.slice(i, end).findIndex((l) => l.kind === 'separator');
    if (sep >= 0) {
      const s = i + sep;
      const question = lines.slice(i, s).map(asText).join('\n').trim();
      const answer = lines.slice(s + 1, end).map((l) => (l.kind === 'separator' ? l.text : asText(l))).join('\n').trim();
      if (!question || !answer) h.skip(s, cliText().import.reasons.separatorAlone(lines[s]!.text));
      else h.add(i, { type: lines[s]!.text === '??' ? 'reversible' : 'basic', front: question, back: answer });
      for (let k = i; k < end; k++) h.used.add(k);
    }
    i = end;
  }
}

/** 2–4. One-line patterns, tried in order on a text or list line. */
function oneLineCard(h: Harvest, idx: number): void {
  if (colonCard(h, idx) || clozeCard(h, idx)) return;
  if (h.lines[idx]!.kind === 'list') termCard(h, idx);
}

/** `question::answer` / `question:::answer`; whether the line had a separator. */
function colonCard(h: Harvest, idx: number): boolean {
  const l = h.lines[idx]!;
  // Link targets, code spans and HTML tags are blanked in l.syntax: a `::` there is no separator.
  const masked = l.syntax;
  const three = masked.indexOf(':::');
  const two = three >= 0 ? three : masked.indexOf('::');
  if (two < 0) return false;
  const width = three >= 0 ? 3 : 2;
  const front = cleanInline(l.text.slice(0, two));
  const back = cleanInline(l.text.slice(two + width));
  if (!front || !back) h.skip(idx, cliText().import.reasons.oneSided(width === 3 ? ':::' : '::'));
  else {
    h.add(idx, { type: width === 3 ? 'reversible' : 'basic', front, back });
    h.used.add(idx);
  }
  return true;
}

/** `==text==` / `{{text}}`; whether the line was a cloze. */
function clozeCard(h: Harvest, idx: number): boolean {
  const cloze = toCloze(h.lines[idx]!.text);
  if (cloze === undefined) return false;
  const front = cleanInline(cloze);
  if (hasGap(front)) h.add(idx, { type: 'cloze', front });
  else h.skip(idx, cliText().import.reasons.emptyGap);
  h.used.add(idx);
  return true;
}

/** A term item (`**term** - definition`, `term : definition`, a bold item over plain items). */
function termCard(h: Harvest, idx: number): void {
  const { lines } = h;
  const bold = splitBoldTerm(lines[idx]!.text) ?? splitSpacedColon(lines[idx]!.text);
  if (!bold) return;
  const term = cleanInline(bold.term);
  const kids = children(lines, idx);
  const kidsAreTerms = kids.some((k) => lines[k]!.kind === 'list' && splitBoldTerm(lines[k]!.text)?.def);
  if (!bold.def && kidsAreTerms) return; // a label over term items: they make the cards
  const base = minIndent(lines, kids);
  const back = [cleanInline(bold.def), ...kids.map((k) => `${lines[k]!.indent > base ? '  ' : ''}${asText(lines[k]!)}`)]
    .filter((s) => s.replace(/^[\s•]+/, ''))
    .join('\n');
  if (!term) return;
  if (!back) {
    h.skip(idx, cliText().import.reasons.boldAlone);
    return;
  }
  // A bold heading-like item ("**공부 내용**:") means little alone: ask it under its heading.
  const topic = h.ctx.topicAt[idx];
  const front = !bold.def && topic ? `${topic} › ${term}` : term;
  const card = h.add(idx, { type: 'basic', front, back });
  h.terms.push({ card, term });
  h.termLines.add(idx);
  h.used.add(idx);
  h.use(kids);
}

/** The items of a list block that a "list the items" card would ask, or undefined if the block is no such list. */
function listItems(h: Harvest, block: number[]): number[] | undefined {
  const { lines } = h;
  const top = minIndent(lines, block);
  const items = block.filter((k) => lines[k]!.kind === 'list' && lines[k]!.indent === top);
  if (items.some((k) => h.used.has(k) && !h.termLines.has(k))) return undefined; // already `::`/cloze/`?` cards
  // An item ending in ":" is a label over its own list, not one of the things to recall.
  if (items.some((k) => lines[k]!.text.endsWith(':'))) return undefined;
  return items;
}

/** 5. A "list the items" card from a list block and the label above it. */
function listCard(h: Harvest, block: number[]): void {
  const { lines, ctx } = h;
  const labelIdx = labelBefore(lines, block[0]!, h.used);
  if (labelIdx === undefined) return;
  const items = listItems(h, block);
  if (!items) return;
  const texts = items.map((k) => {
    const b = splitBoldTerm(lines[k]!.text) ?? splitSpacedColon(lines[k]!.text);
    return cleanInline(b ? b.term : lines[k]!.text);
  });
  if (items.length > LIST_MAX) {
    h.skip(labelIdx, cliText().import.reasons.listSize(items.length, LIST_MIN, LIST_MAX));
    return;
  }
  // A list of links ("출처", "References") is nothing to recall.
  if (items.length < LIST_MIN || texts.some((t) => !t || t.length > LIST_ITEM_MAX || /^https?:\/\//i.test(t))) return;
  const isText = lines[labelIdx]!.kind === 'text';
  const label = isText ? cleanInline(lines[labelIdx]!.text).replace(/:$/, '').trim() : lines[labelIdx]!.text;
  const korean = hasHangul(label) || texts.some((t) => hasHangul(t));
  // "장점: name all the items" means nothing in a mixed review: ask it under its heading
  // ("도커 볼륨 › 장점", walkthrough F25).
  const parent = isText ? ctx.topicAt[labelIdx] : ctx.parentAt[labelIdx];
  const asked = parent && parent !== label ? `${parent} › ${label}` : label;
  h.add(labelIdx, {
    type: 'basic',
    front: `${asked}: ${korean ? '항목을 모두 말해 보세요' : 'list the items'}`,
    back: texts.map((t) => `• ${t}`).join('\n'),
    topic: isText ? ctx.topicAt[labelIdx] : label,
  });
  h.used.add(labelIdx);
  h.use(items);
}

function minIndent(lines: MdLine[], idx: number[]): number {
  let m = Infinity;
  for (const k of idx) m = Math.min(m, lines[k]!.indent);
  return Number.isFinite(m) ? m : 0;
}

function isParagraph(l: MdLine): boolean {
  return l.kind === 'text' || l.kind === 'list' || l.kind === 'separator';
}

/** At most this many nested lines join an answer (a card is limited to 4000 characters anyway). */
const MAX_CHILDREN = 200;

/** Lines nested under list item `idx`: deeper list items and continuation text, blank lines between. */
function children(lines: MdLine[], idx: number): number[] {
  const own = lines[idx]!.indent;
  const out: number[] = [];
  for (let k = idx + 1; k < lines.length && out.length < MAX_CHILDREN; k++) {
    const l = lines[k]!;
    if (l.kind === 'blank') continue;
    if ((l.kind === 'list' || l.kind === 'text') && l.indent > own) out.push(k);
    else break;
  }
  return out;
}

/** Runs of list items (blank lines and deeper continuation text inside a run are allowed). */
function listBlocks(lines: MdLine[]): number[][] {
  const blocks: number[][] = [];
  let cur: number[] = [];
  let top = 0;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.kind === 'list') {
      top = cur.length === 0 ? l.indent : Math.min(top, l.indent);
      cur.push(k);
    } else if (l.kind === 'blank' || (l.kind === 'text' && cur.length && l.indent > top)) {
      if (l.kind === 'text') cur.push(k);
    } else if (cur.length) {
      blocks.push(cur);
      cur = [];
    }
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

/** The label of a list starting at `start`: the nearest non-blank line above it, if it can be one. */
function labelBefore(lines: MdLine[], start: number, used: Set<number>): number | undefined {
  let k = start - 1;
  // Blank lines and image-only lines ("![[diagram.png]]") sit between a heading and its list.
  while (k >= 0 && (lines[k]!.kind === 'blank' || (lines[k]!.kind === 'text' && cleanInline(lines[k]!.text) === ''))) k--;
  if (k < 0 || used.has(k)) return undefined;
  const l = lines[k]!;
  if ((l.kind === 'heading' || l.kind === 'label') && l.text) return k;
  if (l.kind !== 'text') return undefined;
  const t = cleanInline(l.text);
  if (/^https?:\/\//i.test(t)) return undefined;
  // A short line that does not end a sentence ("컨테이너", "주요 특징:") introduces the list.
  if (t.endsWith(':') && t.length <= LABEL_MAX + 20) return k;
  if (t.length <= LABEL_MAX && !/[.!?。]$/.test(t) && !t.includes('::')) return k;
  return undefined;
}

/** The same term under two headings would be two cards with one question: name the heading. */
function disambiguateTerms(terms: TermDraft[]): void {
  const groups = new Map<string, TermDraft[]>();
  for (const t of terms) {
    const key = normalizeForId(t.term);
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  for (const group of groups.values()) {
    const topics = new Set(group.map((t) => t.card.topic));
    if (group.length < 2 || topics.size < 2) continue;
    for (const t of group) if (t.card.topic) t.card.front = `${t.card.topic} › ${t.term}`;
  }
}
