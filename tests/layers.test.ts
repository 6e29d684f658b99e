/**
 * The layers of src/ (README "How it is built"): core is pure (no store, ui or cli, no Ink,
 * React or fs); store does not reach up into ui or cli; ui does not reach into cli. Every
 * import counts: value, type-only, re-export and dynamic import().
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
type Layer = 'core' | 'store' | 'ui' | 'cli';

const FORBIDDEN_LAYERS: Record<Layer, Layer[]> = { core: ['store', 'ui', 'cli'], store: ['ui', 'cli'], ui: ['cli'], cli: [] };
/** Packages and Node modules that core must not import (it runs the same in a test, a screen and the CLI). */
const CORE_FORBIDDEN_PACKAGES = /^(ink|ink-[\w-]+|react|react-[\w-]+|react\/.*|(node:)?fs(\/promises)?)$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const layerOf = (file: string): Layer => relative(SRC, file).split(/[\\/]/)[0] as Layer;

/** Every import of a file as written, with the absolute path it resolves to when it is relative. */
function importsOf(file: string, text: string): { spec: string; target?: string }[] {
  // preProcessFile lists type-only imports, re-exports and import() calls too.
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map(({ fileName: spec }) => (spec.startsWith('.') ? { spec, target: resolve(dirname(file), spec) } : { spec }));
}

/** The import edges that break a layer rule, as `from → import` lines. */
function layerViolations(files: { file: string; text: string }[]): string[] {
  const bad: string[] = [];
  for (const { file, text } of files) {
    const from = layerOf(file);
    for (const { spec, target } of importsOf(file, text)) {
      const to = target && !relative(SRC, target).startsWith('..') ? layerOf(target) : undefined;
      const wrongLayer = to !== undefined && FORBIDDEN_LAYERS[from].includes(to);
      const wrongPackage = from === 'core' && !target && CORE_FORBIDDEN_PACKAGES.test(spec);
      if (wrongLayer || wrongPackage) bad.push(`${relative(SRC, file)} → ${spec}`);
    }
  }
  return bad;
}

describe('layers', () => {
  test('no import points up or sideways across the layers of src/', () => {
    const files = sources(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    expect(files.length).toBeGreaterThan(100);
    expect(layerViolations(files)).toEqual([]);
  });

  test('every kind of import counts', () => {
    const core = join(SRC, 'core', 'deck', 'x.ts');
    const text = [
      "import type { A } from '../../ui/a.js';",
      "export * from '../../store/b.js';",
      "const c = () => import('../../cli/c.js');",
      "import { readFileSync } from 'node:fs';",
      "import { Text } from 'ink';",
      "import { useState } from 'react';",
      "import { ok } from '../schedule/ok.js';",
      "import { fsrs } from 'ts-fsrs';",
    ].join('\n');
    expect(layerViolations([{ file: core, text }])).toEqual(['core/deck/x.ts → ../../ui/a.js', 'core/deck/x.ts → ../../store/b.js', 'core/deck/x.ts → ../../cli/c.js', 'core/deck/x.ts → node:fs', 'core/deck/x.ts → ink', 'core/deck/x.ts → react']);
    const store = join(SRC, 'store', 'y.ts');
    expect(layerViolations([{ file: store, text: "import { a } from '../core/a.js'; import 'node:fs'; import type { B } from '../ui/b.js';" }])).toEqual(['store/y.ts → ../ui/b.js']);
    const ui = join(SRC, 'ui', 'z.tsx');
    expect(layerViolations([{ file: ui, text: "import { s } from '../store/types.js'; import { c } from '../cli/main.js';" }])).toEqual(['ui/z.tsx → ../cli/main.js']);
  });
});
