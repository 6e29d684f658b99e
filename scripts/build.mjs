// The CLI, `amgi status` and `amgi decks` as one script (dist/amgi-main.js, run by dist/amgi.cjs); other commands and screens load lazily: status never parses React/Ink.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
 * Two builds. Every command but `status` and `decks` is an entry of a split build
 * (dist/commands/<name>.mjs, sharing dist/chunks/), loaded only when run. The CLI itself,
 * `status` and `decks` are one script, dist/amgi-main.js, run by dist/amgi.cjs through V8's code
 * cache (below): a shell prompt runs `amgi status` after every command, and each extra ES module
 * costs the loader time (one file instead of thirteen saved 9 ms of a 157 ms run, measured);
 * `decks` needs only the store code status has, and its own chunks cost it ≈ 30 ms (loader and
 * compiling, measured). Code shared by both builds exists twice on disk.
 */
const COMMANDS = join(root, 'src', 'cli', 'commands');
const IN_CLI_BUNDLE = ['status', 'decks'];
const names = readdirSync(COMMANDS).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).filter((n) => !IN_CLI_BUNDLE.includes(n));
await build({
  ...common,
  entryPoints: Object.fromEntries(names.map((n) => [`commands/${n}`, `src/cli/commands/${n}.ts`])),
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
});

/** In the CLI bundle, `import('./commands/x.js')` becomes the built entry dist/commands/x.mjs. */
const commandsAsFiles = {
  name: 'commands-as-files',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/[a-z]+\.js$/ }, (a) => {
      const name = a.path.slice('./commands/'.length, -'.js'.length);
      return names.includes(name) ? { path: `./commands/${name}.mjs`, external: true } : undefined;
    });
  },
};
/**
 * The CLI bundle is a classic script, so that V8 can cache its compiled code (src/cli/codeCache.ts):
 * CommonJS wrapped as one function expression that bin.ts calls with require, module, exports,
 * __filename, __dirname, import.meta.url and an import() of its own (a script compiled by vm
 * has no module loader: its `import("./commands/…")` calls become `__amgiImport(…)`).
 */
const cli = await build({
  ...common,
  entryPoints: { amgi: 'src/cli/main.ts' },
  format: 'cjs',
  banner: {},
  define: { ...common.define, 'import.meta.url': '__amgiUrl' },
  write: false,
  outdir: 'dist',
  splitting: false,
  plugins: [...common.plugins, commandsAsFiles],
});
const body = cli.outputFiles[0].text.replace(/^#!.*\n/, '');
const commandImport = /\bimport\("\.\/commands\//g;
const wrapped = body.replace(commandImport, '__amgiImport("./commands/');
if (/\bimport\(/.test(wrapped)) throw new Error('dist/amgi-main.js: an import() other than a command module: bin.ts provides only those');
const script = `(function(require,module,exports,__filename,__dirname,__amgiUrl,__amgiImport){${wrapped}\n})`;
writeFileSync(join(root, 'dist', 'amgi-main.js'), `// build ${createHash('sha256').update(script).digest('hex').slice(0, 32)}\n${script}`);
await build({
  ...common,
  entryPoints: { amgi: 'src/cli/bin.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  banner: { js: '#!/usr/bin/env node' },
  outdir: 'dist',
  splitting: false,
  // Only code tree-shaken out of bin.ts reads import.meta (paths.ts, crypto.ts).
  logOverride: { 'empty-import-meta': 'silent' },
});
// bin/amgi is a symbolic link to this file (a module that imported it cost a second module load:
// ≈ 10 ms on every command, measured), so it must be executable and start with its #! line.
chmodSync(join(root, 'dist', 'amgi.cjs'), 0o755);
