/**
 * dist/amgi.cjs, what bin/amgi runs: a CommonJS file (an ES module entry alone costs Node ≈ 6 ms
 * of loader set-up) that runs the CLI bundle, dist/amgi-main.js, through V8's code cache
 * (codeCache.ts). The bundle is main.ts built as CommonJS and wrapped as one function expression
 * (scripts/build.mjs); its first line is `// build <hash of the rest>`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { amgiHome } from '../store/paths.js';
import { compileCached } from './codeCache.js';

type Bundle = (
  require: NodeJS.Require,
  module: { exports: unknown },
  exports: unknown,
  filename: string,
  dirname: string,
  /** import.meta.url inside the bundle. */
  url: string,
  /** import() for the bundle: a script compiled by vm has no module loader of its own. */
  load: (specifier: string) => Promise<unknown>,
) => void;

/** The run's name in the cache header: the command word, else the first flag (`--version`), else Home. */
function commandOf(argv: string[]): string {
  const word = argv.find((a) => !a.startsWith('-')) ?? argv[0] ?? 'home';
  return /^-{0,2}[a-z]{1,20}$/.test(word) ? word : 'other';
}

const file = join(__dirname, 'amgi-main.js');
const source = readFileSync(file, 'utf8');
const build = /^\/\/ build (\w+)\n/.exec(source)?.[1] ?? '';
const argv = process.argv.slice(2);
// In $AMGI_HOME, as the data: tests that run the CLI set it, so they never write the user's folder.
const compiled = compileCached(source, file, { build, home: amgiHome(process.env), command: commandOf(argv) });
process.once('exit', compiled.save);
const mod = { exports: {} };
(compiled.script.runInThisContext() as Bundle)(require, mod, mod.exports, file, __dirname, pathToFileURL(file).href, (s) => import(s));
