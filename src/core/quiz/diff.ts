/** Character diff (longest common subsequence) of what was typed against the answer. */

export interface DiffPart {
  /** same: in both; extra: typed but not in the answer; missing: in the answer, not typed. */
  op: 'same' | 'extra' | 'missing';
  text: string;
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
  const push = (op: DiffPart['op'], ch: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += ch;
    else parts.push({ op, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (sameChar(a[i]!, b[j]!)) {
      push('same', b[j]!);
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
  return parts;
}

/** The typed side of a diff (same + extra) and the answer side (same + missing). */
export function diffSides(parts: readonly DiffPart[]): { typed: DiffPart[]; answer: DiffPart[] } {
  return { typed: parts.filter((p) => p.op !== 'missing'), answer: parts.filter((p) => p.op !== 'extra') };
}
