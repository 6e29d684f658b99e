/**
 * Semantic theme tokens: screens say `theme.grade.again`, never a colour name. Colours are
 * switched off in this one place (NO_COLOR, --no-color); emphasis that is not colour
 * (bold, inverse, underline) stays, so highlights remain visible without colour.
 */

export interface Style {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export interface Theme {
  color: boolean;
  text: { primary: Style; muted: Style; heading: Style; accent: Style; label: Style };
  status: { ok: Style; warn: Style; error: Style; info: Style };
  grade: { again: Style; hard: Style; good: Style; easy: Style };
  count: { new: Style; learning: Style; due: Style };
  match: Style;
  selection: Style;
  progress: { done: Style; todo: Style };
  border: string | undefined;
}

const PALETTE: Omit<Theme, 'color' | 'border'> = {
  text: {
    primary: {},
    muted: { dimColor: true },
    heading: { bold: true, color: 'cyan' },
    accent: { color: 'magenta' },
    label: { bold: true },
  },
  status: { ok: { color: 'green' }, warn: { color: 'yellow' }, error: { color: 'red', bold: true }, info: { color: 'blue' } },
  grade: { again: { color: 'red' }, hard: { color: 'yellow' }, good: { color: 'green' }, easy: { color: 'blue' } },
  count: { new: { color: 'blue' }, learning: { color: 'red' }, due: { color: 'green' } },
  match: { color: 'yellow', bold: true, underline: true },
  selection: { color: 'cyan', bold: true },
  progress: { done: { color: 'green' }, todo: { dimColor: true } },
};

function stripColor<T>(value: T): T {
  if (Array.isArray(value) || typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (key !== 'color') out[key] = stripColor(v);
  return out as T;
}

export function makeTheme(color: boolean): Theme {
  const tokens = color ? PALETTE : stripColor(PALETTE);
  return { ...tokens, color, border: color ? 'gray' : undefined };
}

/** NO_COLOR (any non-empty value, no-color.org) or --no-color turn colours off. */
export function colorEnabled(env: NodeJS.ProcessEnv, noColorFlag: boolean): boolean {
  return !noColorFlag && !env.NO_COLOR;
}
