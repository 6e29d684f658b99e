/**
 * Markdown inline syntax → plain card text, and the positions that are outside `code`.
 * Every pattern has bounded repetition, so a long hostile line cannot make a regex
 * backtrack for long.
 */

/** The line with `inline code` blanked out (same length), for finding syntax outside code. */
export function maskCode(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const tick = line.indexOf('`', i);
    if (tick < 0) {
      out += line.slice(i);
      break;
    }
    out += line.slice(i, tick);
    let run = 1;
    while (line[tick + run] === '`') run++;
    const fence = '`'.repeat(run);
    const close = line.indexOf(fence, tick + run);
    if (close < 0) {
      out += line.slice(tick);
      break;
    }
    out += ' '.repeat(close + run - tick);
    i = close + run;
  }
  return out;
}


/** Strip trailing citation markers such as "[1]" or "[1], [2]" (seen in AI-written notes). */
function stripCitations(s: string): string {
  for (;;) {
    const tail = s.slice(-8);
    const m = /\s*\[\d{1,3}\],?\s*$/.exec(tail);
    if (!m || m[0].length === 0) return s;
    s = s.slice(0, s.length - m[0].length);
  }
}

/** Markdown/Obsidian inline markup → plain text (links keep their text, images go). */
export function cleanInline(text: string): string {
  const s = text
    .replace(/!\[\[[^\]\n]{0,500}\]\]/g, '') // Obsidian embeds
    .replace(/!\[[^[\]\n]{0,500}\]\([^()\n]{0,2000}\)/g, '') // images
    .replace(/\[\[([^[\]|\n]{1,500})\|([^[\]\n]{1,500})\]\]/g, '$2') // [[target|alias]]
    .replace(/\[\[([^[\]\n]{1,500})\]\]/g, '$1') // [[target]]
    .replace(/\[([^[\]\n]{1,500})\]\(([^()\s]{0,2000})\)/g, '$1') // [text](url)
    .replace(/<\/?br\s{0,5}\/?>/gi, ' ')
    .replace(/\*\*|__|~~/g, '')
    .replace(/`+/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return stripCitations(s).trim();
}

/** The bold term at the start of a list item: `**term** - def`, `**term**: def`, `**term:** def`. */
export function splitBoldTerm(item: string): { term: string; def: string } | undefined {
  if (!item.startsWith('**')) return undefined;
  const close = item.indexOf('**', 2);
  if (close < 0) return undefined;
  let term = item.slice(2, close).trim();
  let rest = item.slice(close + 2).trim();
  if (term.endsWith(':')) term = term.slice(0, -1).trim();
  else if (rest === '' || rest === ':') rest = '';
  else if (/^[-–—:]\s/.test(rest) || rest === '-') rest = rest.slice(1).trim();
  else if (rest.startsWith(':')) rest = rest.slice(1).trim();
  else return undefined; // "**컨테이너**는 …": bold inside a sentence, not a term
  if (!term) return undefined;
  return { term, def: rest };
}

/**
 * A plain list item `term : definition` (a space before the colon, as in "Docker Client : …"),
 * with a short term that is not a sentence. "예: …" or "http://…" do not match.
 */
export function splitSpacedColon(item: string): { term: string; def: string } | undefined {
  const at = maskCode(item).indexOf(' :');
  if (at <= 0) return undefined;
  const term = item.slice(0, at).trim();
  const def = item.slice(at + 2).trim();
  if (!term || !def || term.length > 40 || /[.!?:]$/.test(term) || term.startsWith('**')) return undefined;
  return { term, def };
}

const GAP = /\{\{([^{}\n]{1,2000})\}\}/g;

/**
 * Obsidian cloze marks → amgi `{{gaps}}`: `==text==` becomes `{{text}}`, `{{text}}` stays.
 * Like Markdown emphasis, a mark must hug its text (`== x ==`, `{{ .Values }}` are not gaps),
 * and marks inside inline code are left alone. Returns undefined when the line has no gap.
 * Linear: each search resumes after the last one and a missing closer is remembered.
 */
export function toCloze(line: string): string | undefined {
  const masked = maskCode(line);
  let out = '';
  let i = 0;
  let gaps = 0;
  const exhausted = { '==': false, '{{': false };
  const find = (mark: '==' | '{{', from: number) => (exhausted[mark] ? -1 : masked.indexOf(mark, from));
  while (i < line.length) {
    const hl = find('==', i);
    const br = find('{{', i);
    const at = hl < 0 ? br : br < 0 ? hl : Math.min(hl, br);
    if (at < 0) break;
    const open = at === hl ? '==' : '{{';
    const close = masked.indexOf(open === '==' ? '==' : '}}', at + 2);
    if (close < 0) {
      exhausted[open] = true;
      continue;
    }
    if (open === '{{') {
      const nested = masked.indexOf('{{', at + 2);
      if (nested >= 0 && nested < close) {
        out += line.slice(i, nested);
        i = nested;
        continue;
      }
    }
    const inner = line.slice(at + 2, close);
    if (!inner || /^\s|\s$|[{}]/.test(inner)) {
      out += line.slice(i, at + 2);
      i = at + 2;
      continue;
    }
    out += `${line.slice(i, at)}{{${inner}}}`;
    gaps++;
    i = close + 2;
  }
  out += line.slice(i);
  return gaps ? out : undefined;
}

export function hasGap(text: string): boolean {
  GAP.lastIndex = 0;
  const ok = GAP.test(text);
  GAP.lastIndex = 0;
  return ok;
}
