// The CLI and `amgi status` as one file (dist/amgi.mjs); other commands and screens load lazily: status never parses React/Ink.
import { build } from 'esbuild';
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inkOutputKeptBetweenFrames, yogaWithoutFetch } from './inkPatches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // ink imports react-devtools-core statically; it is only used when DEV is set.
  alias: { 'react-devtools-core': './scripts/devtools-stub.mjs' },
  plugins: [yogaWithoutFetch(root), inkOutputKeptBetweenFrames(root)],
  // Optional native FSRS optimizer (amgi optimize): loaded from node_modules at run time, never bundled.
  // sql.js finds its WebAssembly file next to itself in node_modules: loaded from there, not bundled.
  external: ['@open-spaced-repetition/binding', 'sql.js'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Bundled CommonJS dependencies (e.g. signal-exit users) still call require().
  banner: { js: "import { createRequire as __amgiCreateRequire } from 'node:module'; const require = __amgiCreateRequire(import.meta.url);" },
};

/**
 * Two builds. Every command but `status` is an entry of a split build (dist/commands/<name>.mjs,
 * sharing dist/chunks/), loaded only when run. The CLI itself and `status` are one file,
 * dist/amgi.mjs: a shell prompt runs `amgi status` after every command, and each extra ES module
 * costs the loader time (one file instead of thirteen saved 9 ms of a 157 ms run, measured).
 * Code shared by both builds exists twice on disk. A command other than status loads dist/amgi.mjs
 * (84 KB, the store code included) and then its own chunks: ≈ 4 ms more for `amgi decks`,
 * measured, against 9 ms saved on every status run.
 */
const COMMANDS = join(root, 'src', 'cli', 'commands');
const names = readdirSync(COMMANDS).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).filter((n) => n !== 'status');
await build({
  ...common,
  entryPoints: Object.fromEntries(names.map((n) => [`commands/${n}`, `src/cli/commands/${n}.ts`])),
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
});

/** In the CLI file, `import('./commands/x.js')` becomes the built entry dist/commands/x.mjs. */
const commandsAsFiles = {
  name: 'commands-as-files',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/[a-z]+\.js$/ }, (a) => {
      const name = a.path.slice('./commands/'.length, -'.js'.length);
      return names.includes(name) ? { path: `./commands/${name}.mjs`, external: true } : undefined;
    });
  },
};
await build({ ...common, entryPoints: { amgi: 'src/cli/main.ts' }, outdir: 'dist', splitting: false, plugins: [...common.plugins, commandsAsFiles] });
// bin/amgi is a symbolic link to this file (a module that imported it cost a second module load:
// ≈ 10 ms on every command, measured), so it must be executable and start with its #! line.
chmodSync(join(root, 'dist', 'amgi.mjs'), 0o755);
