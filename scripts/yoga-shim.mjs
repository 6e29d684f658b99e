// What `import Yoga from 'yoga-layout'` gives the bundle (scripts/build.mjs). yoga-layout's own
// entry hands emscripten a data: URL, which it loads with fetch(): on Node that first loads
// undici, ≈ 20 ms of every TUI start before anything draws. Here the bytes are compiled
// directly, without fetch.
import loadYoga, { wasmBase64 } from 'yoga-layout/binary';
import wrapAssembly from 'yoga-layout/wrap';

const wasm = new WebAssembly.Module(Buffer.from(wasmBase64, 'base64'));
const Yoga = wrapAssembly(
  await loadYoga({
    instantiateWasm(imports, done) {
      done(new WebAssembly.Instance(wasm, imports));
      return {};
    },
  }),
);
export default Yoga;
