// The CLI and `amgi status` as one file (dist/amgi.mjs); other commands and screens load lazily: status never parses React/Ink.
import { build } from 'esbuild';
import { chmodSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
const YOGA = join(root, 'node_modules', 'yoga-layout', 'dist');
const DATA_URL = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
/**
 * Ink's `yoga-layout` becomes scripts/yoga-shim.mjs, which compiles the WebAssembly itself. The
 * emscripten loader's base64 data: URL is exported as a string instead (the shim decodes it), so
 * the loader never reaches for fetch().
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: join(root, 'scripts', 'yoga-shim.mjs') }));
    b.onResolve({ filter: /^yoga-layout\/binary$/ }, () => ({ path: join(YOGA, 'binaries', 'yoga-wasm-base64-esm.js') }));
    b.onResolve({ filter: /^yoga-layout\/wrap$/ }, () => ({ path: join(YOGA, 'src', 'wrapAssembly.js') }));
    b.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, (a) => {
      const text = readFileSync(a.path, 'utf8');
      const m = DATA_URL.exec(text);
      if (!m) throw new Error(`yoga-layout: no base64 WebAssembly in ${a.path} (did yoga-layout change?)`);
      return { contents: `${text.replace(DATA_URL, '""')}\nexport const wasmBase64 = "${m[1]}";\n`, loader: 'js' };
    });
  },
};
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
  plugins: [yogaWithoutFetch],
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
