/** Render the app with ink-testing-library and drive it by keys (15 ms apart, like a fast typist; back-to-back writes are tested too). */
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/App.js';
import type { Screen } from '../../src/ui/navigation.js';
import type { AppServices } from '../../src/ui/context.js';
export { miniDecks } from './fixtures.js';

export const KEYS = { enter: '\r', esc: '\u001b', up: '\u001b[A', down: '\u001b[B', left: '\u001b[D', right: '\u001b[C', tab: '\t', backspace: '\u007f', ctrlC: '\u0003', pageDown: '\u001b[6~', pageUp: '\u001b[5~' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function renderApp(services: AppServices, opts: { initial?: Screen[]; lang?: 'ko' | 'en'; rows?: number; columns?: number } = {}) {
  const inst = render(
    <App
      services={services}
      initial={opts.initial}
      langFlag={'lang' in opts ? opts.lang : 'en'}
      env={{}}
      color={false}
      size={{ columns: opts.columns ?? 100, rows: opts.rows ?? 24 }}
    />,
  );
  const frame = () => inst.lastFrame() ?? '';
  return {
    ...inst,
    frame,
    async press(...keys: string[]) {
      for (const k of keys) {
        await sleep(15);
        inst.stdin.write(k);
      }
      await sleep(15);
    },
    async waitFor(text: string | RegExp, timeout = 3000) {
      const t0 = Date.now();
      const ok = () => (typeof text === 'string' ? frame().includes(text) : text.test(frame()));
      while (!ok()) {
        if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${String(text)}; frame:\n${frame()}`);
        await sleep(10);
      }
    },
  };
}
