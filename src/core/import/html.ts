/**
 * HTML → plain text for Anki fields: line breaks for <br>, block elements and list items,
 * entities decoded, every other tag dropped. A single left-to-right scan (indexOf), so no
 * input can make it backtrack.
 */

const BLOCK = new Set(['div', 'p', 'tr', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article', 'header', 'footer']);
const SKIP_CONTENT = new Set(['style', 'script', 'head', 'title']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ndash: '–', mdash: '—', hellip: '…', middot: '·', bull: '•', laquo: '«', raquo: '»',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®', trade: '™', times: '×', divide: '÷',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', rArr: '⇒', lArr: '⇐', deg: '°', plusmn: '±',
  le: '≤', ge: '≥', ne: '≠', shy: '',
};

/** Decode `&name;`, `&#123;` and `&#x1F;`; unknown entities stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return whole;
      return String.fromCodePoint(cp === 0xa0 ? 0x20 : cp);
    }
    return NAMED[body] ?? whole;
  });
}

function tagName(inner: string): { name: string; closing: boolean } {
  const closing = inner.startsWith('/');
  const m = /^\/?\s*([a-zA-Z][a-zA-Z0-9]{0,15})/.exec(inner);
  return { name: m ? m[1]!.toLowerCase() : '', closing };
}

/** What a `<…` starting at `lt` is: literal text (a lone "<", an unclosed tag), a tag, or nothing (a comment); and where it ends. */
function readMarkup(html: string, lt: number): { end: number; text?: string; tag?: { name: string; closing: boolean } } {
  // A comment runs to -->; anything else to the next >.
  if (html.startsWith('<!--', lt)) {
    const end = html.indexOf('-->', lt + 4);
    return { end: end < 0 ? html.length : end + 3 };
  }
  const next = html[lt + 1];
  if (next === undefined || !/[a-zA-Z/!?]/.test(next)) return { end: lt + 1, text: '<' }; // "a < b" is text, not a tag
  const gt = html.indexOf('>', lt + 1);
  if (gt < 0) return { end: html.length, text: html.slice(lt) };
  return { end: gt + 1, tag: tagName(html.slice(lt + 1, Math.min(gt, lt + 20))) };
}

/** The text a tag stands for, after `out`: a line break, a bullet, a cell's space, or nothing. */
function tagText(out: string, name: string, closing: boolean): string {
  if (name === 'br' || name === 'hr') return '\n';
  // Anki writes one <div> per line: a block starts a new line only when not already on one.
  const newline = out && !out.endsWith('\n') ? '\n' : '';
  if (name === 'li') return closing ? newline : newline + '• ';
  if (BLOCK.has(name)) return newline;
  if (name === 'td' || name === 'th') return closing ? '' : ' ';
  return '';
}

/** The text of `html` with its tags turned into line breaks and bullets (entities still encoded). */
function stripTags(html: string): string {
  let out = '';
  let i = 0;
  let skipUntil = ''; // inside <style>/<script>: drop text until the closing tag
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (!skipUntil) out += html.slice(i, textEnd);
    if (lt < 0) break;
    const m = readMarkup(html, lt);
    i = m.end;
    if (skipUntil) {
      if (m.tag?.closing && m.tag.name === skipUntil) skipUntil = '';
    } else if (m.text !== undefined) out += m.text;
    else if (m.tag && !m.tag.closing && SKIP_CONTENT.has(m.tag.name)) skipUntil = m.tag.name;
    else if (m.tag) out += tagText(out, m.tag.name, m.tag.closing);
  }
  return out;
}

export function htmlToText(html: string): string {
  const text = decodeEntities(stripTags(html))
    .replace(/\[sound:[^\]\n]{0,500}\]/g, '') // Anki audio references
    .replace(/\r\n?/g, '\n');
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
