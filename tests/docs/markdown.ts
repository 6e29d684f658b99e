/** Just enough Markdown structure for the docs tests: code fences and headings, by line (CommonMark rules for fences). */

export interface FenceProblem {
  line: number;
  message: string;
}

/** Languages in which a line starting with `# ` is a comment, not a swallowed heading. */
const HASH_COMMENTS = new Set(['sh', 'bash', 'shell', 'console', 'zsh', 'python', 'yaml', 'toml', 'dockerfile']);

const OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)?.*$/;
const HEADING = /^ {0,3}#{1,6}\s+\S/;

/**
 * Every fence closed, and no heading-like line inside one (the sign of a fence that swallowed
 * the text after it). A closing fence is the opening character, at least as many, and nothing else.
 */
export function fenceProblems(markdown: string): FenceProblem[] {
  const problems: FenceProblem[] = [];
  let open: { mark: string; lang: string; line: number } | undefined;
  markdown.split('\n').forEach((text, i) => {
    const line = i + 1;
    if (!open) {
      const m = OPEN.exec(text);
      if (m) open = { mark: m[1]!, lang: (m[2] ?? '').toLowerCase(), line };
      return;
    }
    const close = new RegExp(`^ {0,3}${open.mark[0] === '`' ? '`' : '~'}{${open.mark.length},}\\s*$`);
    if (close.test(text)) {
      open = undefined;
      return;
    }
    if (HEADING.test(text) && !(HASH_COMMENTS.has(open.lang) && /^#\s/.test(text))) {
      problems.push({ line, message: `heading inside the code fence opened on line ${open.line}: ${text.trim()}` });
    }
  });
  if (open) problems.push({ line: open.line, message: `code fence opened on line ${open.line} is never closed` });
  return problems;
}

/** Headings outside code fences, with their level and text. */
export function headings(markdown: string): { level: number; text: string; line: number }[] {
  const out: { level: number; text: string; line: number }[] = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((text, i) => {
    const m = OPEN.exec(text);
    if (fence) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(text)) fence = undefined;
    } else if (m) fence = m[1];
    else {
      const h = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
      if (h) out.push({ level: h[1]!.length, text: h[2]!, line: i + 1 });
    }
  });
  return out;
}

/** The lines under a heading, up to the next heading of the same or a higher level. */
export function section(markdown: string, match: (heading: string) => boolean): string | undefined {
  const lines = markdown.split('\n');
  const hs = headings(markdown);
  const start = hs.findIndex((h) => match(h.text));
  if (start < 0) return undefined;
  const level = hs[start]!.level;
  const end = hs.slice(start + 1).find((h) => h.level <= level);
  return lines.slice(hs[start]!.line, end ? end.line - 1 : lines.length).join('\n');
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-');
}

/** Relative links `[text](target)` outside code fences (not http:, mailto:…). */
export function relativeLinks(markdown: string): { target: string; line: number }[] {
  const out: { target: string; line: number }[] = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((text, i) => {
    const m = OPEN.exec(text);
    if (fence) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(text)) fence = undefined;
      return;
    }
    if (m) {
      fence = m[1];
      return;
    }
    for (const l of text.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) if (!/^[a-z]+:/i.test(l[1]!)) out.push({ target: l[1]!, line: i + 1 });
  });
  return out;
}
