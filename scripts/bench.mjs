// npm run bench: bundles each bench/*.bench.ts with esbuild and runs them in order.
// `npm run bench -- search` runs only the files whose name contains "search".
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundledInk, inkOutputKeptBetweenFrames, yogaWithoutFetch } from './inkPatches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(`${root}bench`).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
const out = `${root}dist-bench`;
if (!process.env.AMGI_KEEP_BENCH) rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: files.map((f) => `bench/${f}`),
  outdir: 'dist-bench',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  packages: 'external',
  // The Ink that ships (scripts/build.mjs), not the one in node_modules as it is.
  plugins: [bundledInk(root), yogaWithoutFetch(root), inkOutputKeptBetweenFrames(root)],
  alias: { 'react-devtools-core': './scripts/devtools-stub.mjs' },
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
});
console.log(`# amgi benchmarks — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, [`${out}/${f.replace(/\.ts$/, '.mjs')}`], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) failed++;
}
if (!process.env.AMGI_KEEP_BENCH) rmSync(out, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
