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

export function parseMarkdown(input: string, file = 'notes.md'): ImportParse {
  if (input.length > MARKDOWN_MAX_KB * 1024) throw new InputError(file, cliText().import.markdownTooLarge(Math.ceil(input.length / 1024), MARKDOWN_MAX_KB));
  const lines = classifyLines(input);
  const cards: { card: DraftCard; order: number }[] = [];
  const skipped: SkippedLine[] = [];
  const used = new Set<number>(); // indexes of lines that made (part of) a card or a skip
  const terms: TermDraft[] = [];
  const termLines = new Set<number>(); // term items may also be items of a list card

  // Context per line: the heading it sits under and the #tags seen so far.
  const topicAt: (string | undefined)[] = [];
  // For a heading or label line: the heading it belongs under (a smaller level), if any.
  const parentAt: (string | undefined)[] = [];
  const tagsAt: string[][] = [];
  let title: string | undefined;
  {
    let topic: string | undefined;
    const open: { level: number; text: string }[] = [];
    // Front-matter tags tag every card; `#tag` lines add to them from where they stand.
    let tags: string[] = frontMatterTags(lines);
    for (const l of lines) {
      if ((l.kind === 'heading' || l.kind === 'label') && l.text) {
        while (open.length && open[open.length - 1]!.level >= l.level!) open.pop();
        parentAt[topicAt.length] = open[open.length - 1]?.text;
        open.push({ level: l.level!, text: l.text });
        topic = l.text;
        if (l.level === 1 && title === undefined) title = l.text;
      }
      if (l.kind === 'tags') tags = [...new Set([...tags, ...l.text.split(/\s+/).map((w) => w.slice(1))])];
      topicAt.push(topic);
      tagsAt.push(tags);
    }
  }

  const add = (idx: number, card: Omit<DraftCard, 'line' | 'tags' | 'topic'> & { topic?: string }) => {
    const tags = tagsAt[idx]!;
    const topic = card.topic ?? topicAt[idx];
    const full = { ...card, line: lines[idx]!.n, ...(tags.length ? { tags } : {}), ...(topic ? { topic } : {}) } as DraftCard;
    cards.push({ card: full, order: idx });
    return full;
  };
  const skip = (idx: number, reason: string) => {
    used.add(idx);
    skipped.push({ line: lines[idx]!.n, text: lines[idx]!.text, reason });
  };
  const asText = (l: MdLine) => (l.kind === 'list' ? `• ${cleanInline(l.text)}` : cleanInline(l.text));

  // 1. Multi-line `?` / `??` cards: the paragraph around the separator.
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
      if (!question || !answer) skip(s, cliText().import.reasons.separatorAlone(lines[s]!.text));
      else add(i, { type: lines[s]!.text === '??' ? 'reversible' : 'basic', front: question, back: answer });
      for (let k = i; k < end; k++) used.add(k);
    }
    i = end;
  }

  // 2–4. One-line patterns.
  lines.forEach((l, idx) => {
    if (used.has(idx) || (l.kind !== 'text' && l.kind !== 'list')) return;
    const text = l.text;
    // Link targets, code spans and HTML tags are blanked in l.syntax: a `::` there is no separator.
    const masked = l.syntax;
    const three = masked.indexOf(':::');
    const two = three >= 0 ? three : masked.indexOf('::');
    if (two >= 0) {
      const width = three >= 0 ? 3 : 2;
      const front = cleanInline(text.slice(0, two));
      const back = cleanInline(text.slice(two + width));
      if (!front || !back) skip(idx, cliText().import.reasons.oneSided(width === 3 ? ':::' : '::'));
      else {
        add(idx, { type: width === 3 ? 'reversible' : 'basic', front, back });
        used.add(idx);
      }
      return;
    }
    const cloze = toCloze(text);
    if (cloze !== undefined) {
      const front = cleanInline(cloze);
      if (hasGap(front)) add(idx, { type: 'cloze', front });
      else skip(idx, cliText().import.reasons.emptyGap);
      used.add(idx);
      return;
    }
    if (l.kind !== 'list') return;
    const bold = splitBoldTerm(text) ?? splitSpacedColon(text);
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
      skip(idx, cliText().import.reasons.boldAlone);
      return;
    }
    // A bold heading-like item ("**공부 내용**:") means little alone: ask it under its heading.
    const topic = topicAt[idx];
    const front = !bold.def && topic ? `${topic} › ${term}` : term;
    const card = add(idx, { type: 'basic', front, back });
    terms.push({ card, term });
    termLines.add(idx);
    used.add(idx);
    kids.forEach((k) => used.add(k));
  });

  // 5. "List the items" cards.
  for (const block of listBlocks(lines)) {
    const labelIdx = labelBefore(lines, block[0]!, used);
    if (labelIdx === undefined) continue;
    const top = minIndent(lines, block);
    const items = block.filter((k) => lines[k]!.kind === 'list' && lines[k]!.indent === top);
    if (items.some((k) => used.has(k) && !termLines.has(k))) continue; // already `::`/cloze/`?` cards
    // An item ending in ":" is a label over its own list, not one of the things to recall.
    if (items.some((k) => lines[k]!.text.endsWith(':'))) continue;
    const texts = items.map((k) => {
      const b = splitBoldTerm(lines[k]!.text) ?? splitSpacedColon(lines[k]!.text);
      return cleanInline(b ? b.term : lines[k]!.text);
    });
    if (items.length > LIST_MAX) {
      skip(labelIdx, cliText().import.reasons.listSize(items.length, LIST_MIN, LIST_MAX));
      continue;
    }
    // A list of links ("출처", "References") is nothing to recall.
    if (items.length < LIST_MIN || texts.some((t) => !t || t.length > LIST_ITEM_MAX || /^https?:\/\//i.test(t))) continue;
    const isText = lines[labelIdx]!.kind === 'text';
    const label = isText ? cleanInline(lines[labelIdx]!.text).replace(/:$/, '').trim() : lines[labelIdx]!.text;
    const korean = hasHangul(label) || texts.some((t) => hasHangul(t));
    // "장점: name all the items" means nothing in a mixed review: ask it under its heading
    // ("도커 볼륨 › 장점", walkthrough F25).
    const parent = isText ? topicAt[labelIdx] : parentAt[labelIdx];
    const asked = parent && parent !== label ? `${parent} › ${label}` : label;
    add(labelIdx, {
      type: 'basic',
      front: `${asked}: ${korean ? '항목을 모두 말해 보세요' : 'list the items'}`,
      back: texts.map((t) => `• ${t}`).join('\n'),
      topic: lines[labelIdx]!.kind === 'text' ? topicAt[labelIdx] : label,
    });
    used.add(labelIdx);
    items.forEach((k) => used.add(k));
  }

  disambiguateTerms(terms);
  const ignoredLines = lines
    .filter((l, idx) => !used.has(idx) && (l.kind === 'text' || l.kind === 'list' || l.kind === 'table' || l.kind === 'separator'))
    .map((l) => l.n);
  cards.sort((a, b) => a.order - b.order);
  return { cards: cards.map((c) => c.card), skipped: skipped.sort((a, b) => a.line - b.line), ignoredLines, ...(title ? { title } : {}) };
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
