/** Bundle tests/store/worker.ts into a temporary ESM file the tests can spawn. */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

function buildWorker(dir: string): string {
  const out = join(dir, 'worker.mjs');
  buildSync({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return out;
}

/**
 * Call at the top of a test file: the worker is bundled before its tests and removed after
 * them. Returns the bundled worker's path (valid once the tests run).
 */
export function useWorker(): () => string {
  let dir: string;
  let worker: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'amgi-worker-'));
    worker = buildWorker(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => worker;
}
