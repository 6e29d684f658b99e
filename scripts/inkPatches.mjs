// esbuild plugins that change how Ink runs in the bundle (scripts/build.mjs) and in the
// benchmarks (scripts/bench.mjs), so that the benchmarks measure the Ink that ships.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The source of `file` with `from` replaced, or a build error when `from` is gone (Ink or yoga changed). */
function patched(file, from, to) {
  const text = readFileSync(file, 'utf8');
  if (!(typeof from === 'string' ? text.includes(from) : from.test(text))) throw new Error(`${file}: the text this build patches is gone (${String(from).slice(0, 60)}): did the package change?`);
  return text.replace(from, to);
}

/**
 * Ink's `yoga-layout` becomes scripts/yoga-shim.mjs, which compiles the WebAssembly itself. The
 * emscripten loader's base64 data: URL is exported as a string instead (the shim decodes it), so
 * the loader never reaches for fetch(), which on Node first loads undici: ≈ 20 ms of every TUI
 * start before anything draws.
 */
export function yogaWithoutFetch(root) {
  const yoga = join(root, 'node_modules', 'yoga-layout', 'dist');
  const dataUrl = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
  return {
    name: 'yoga-without-fetch',
    setup(b) {
      b.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: join(root, 'scripts', 'yoga-shim.mjs') }));
      b.onResolve({ filter: /^yoga-layout\/binary$/ }, () => ({ path: join(yoga, 'binaries', 'yoga-wasm-base64-esm.js') }));
      b.onResolve({ filter: /^yoga-layout\/wrap$/ }, () => ({ path: join(yoga, 'src', 'wrapAssembly.js') }));
      b.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, (a) => {
        const base64 = dataUrl.exec(readFileSync(a.path, 'utf8'))?.[1];
        return { contents: `${patched(a.path, dataUrl, '""')}\nexport const wasmBase64 = "${base64}";\n`, loader: 'js' };
      });
    },
  };
}

/**
 * Ink's Output (one frame's text) becomes scripts/ink-output.mjs, which keeps its caches from
 * frame to frame, and Ink's renderNodeToOutput measures text through those caches. It replaces
 * a file of Ink 6.8.0: another Ink version fails the build until that file is compared with the
 * new one.
 */
export function inkOutputKeptBetweenFrames(root) {
  const ink = join(root, 'node_modules', 'ink');
  return {
    name: 'ink-output-kept-between-frames',
    setup(b) {
      b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, (a) => {
        const { version } = JSON.parse(readFileSync(join(ink, 'package.json'), 'utf8'));
        if (version !== '6.8.0') throw new Error(`ink ${version}: scripts/ink-output.mjs replaces ink 6.8.0's build/output.js; compare it with this version's first`);
        // Resolved from Ink's folder: the same slice-ansi, string-width and ansi-tokenize as Ink's own.
        return { contents: readFileSync(join(root, 'scripts', 'ink-output.mjs'), 'utf8'), loader: 'js', resolveDir: dirname(a.path) };
      });
      // renderNodeToOutput (every text node, every frame) and layout (every new text) measure with the kept caches' widest-line.
      b.onLoad({ filter: /[\\/]ink[\\/]build[\\/](render-node-to-output|measure-text)\.js$/ }, (a) => ({
        contents: patched(a.path, "import widestLine from 'widest-line';", "import { widestLine } from './output.js';"),
        loader: 'js',
        resolveDir: dirname(a.path),
      }));
    },
  };
}

/**
 * For the benchmarks, which leave packages outside the bundle: Ink itself is bundled, so the
 * patches above apply to the Ink they measure; its own dependencies stay outside.
 */
export function bundledInk(root) {
  return {
    name: 'bundled-ink',
    setup(b) {
      b.onResolve({ filter: /^ink$/ }, () => ({ path: join(root, 'node_modules', 'ink', 'build', 'index.js') }));
    },
  };
}
