// One bundled ESM entry plus lazily loaded chunks: `amgi status` never parses React/Ink.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { amgi: 'src/cli/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // ink imports react-devtools-core statically; it is only used when DEV is set.
  alias: { 'react-devtools-core': './scripts/devtools-stub.mjs' },
  // Optional native FSRS optimizer (amgi optimize): loaded from node_modules at run time, never bundled.
  external: ['@open-spaced-repetition/binding'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Bundled CommonJS dependencies (e.g. signal-exit users) still call require().
  banner: { js: "import { createRequire as __amgiCreateRequire } from 'node:module'; const require = __amgiCreateRequire(import.meta.url);" },
});
