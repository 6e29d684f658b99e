/** Bundle tests/store/worker.ts into a temporary ESM file the tests can spawn. */
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export function buildWorker(dir: string): string {
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
