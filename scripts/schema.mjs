// npm run schema: writes decks/schema.json from src/core/deck/spec.ts (a test checks it is current).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const r = await build({ absWorkingDir: root, entryPoints: ['src/core/deck/spec.ts'], bundle: true, format: 'esm', platform: 'node', write: false });
const mod = await import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0].text).toString('base64')}`);
writeFileSync(`${root}decks/schema.json`, `${JSON.stringify(mod.buildJsonSchema(), null, 2)}\n`);
console.log('wrote decks/schema.json');
