/** Character diff (longest common subsequence) of what was typed against the answer. */

export interface DiffPart {
  /** same: in both; extra: typed but not in the answer; missing: in the answer, not typed. */
  op: 'same' | 'extra' | 'missing';
  /** The answer's characters (same, missing) or the typed ones (extra). */
  text: string;
  /** For `same`: the characters as typed (they may differ from the answer's in case). */
  typed?: string;
}

/** Case-insensitive on characters (a case slip is not shown as a mistake). */
function sameChar(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

export function diffChars(typed: string, answer: string): DiffPart[] {
  const a = [...typed.normalize('NFC')];
  const b = [...answer.normalize('NFC')];
  // lcs[i][j]: LCS length of a[i..] and b[j..]. Answers are short; O(n·m) is fine.
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = sameChar(a[i]!, b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], ch: string, typed?: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) {
      last.text += ch;
      if (typed !== undefined) last.typed = (last.typed ?? '') + typed;
    } else parts.push(typed === undefined ? { op, text: ch } : { op, text: ch, typed });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (sameChar(a[i]!, b[j]!)) {
      push('same', b[j]!, a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      push('extra', a[i++]!);
    } else {
      push('missing', b[j++]!);
    }
  }
  while (i < a.length) push('extra', a[i++]!);
  while (j < b.length) push('missing', b[j++]!);
  // `typed` only where it differs (a case slip): the common part stays { op, text }.
  for (const p of parts) if (p.typed === p.text) delete p.typed;
  return parts;
}

/** What was typed in a part: `same` parts keep the typed case ("Docker" typed for "docker"). */
export function typedText(p: DiffPart): string {
  return p.op === 'same' ? (p.typed ?? p.text) : p.text;
}

/** The typed side of a diff (same + extra, as typed) and the answer side (same + missing). */
export function diffSides(parts: readonly DiffPart[]): { typed: DiffPart[]; answer: DiffPart[] } {
  return {
    typed: parts.filter((p) => p.op !== 'missing').map((p) => ({ op: p.op, text: typedText(p) })),
    answer: parts.filter((p) => p.op !== 'extra').map((p) => ({ op: p.op, text: p.text })),
  };
}
