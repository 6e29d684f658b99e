import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanTempFiles } from '../../src/store/housekeeping.js';
import { amgi } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';

let t: ReturnType<typeof tmpHome>;
beforeEach(() => (t = tmpHome()));
afterEach(() => t.cleanup());

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

function put(name: string, agoMs = 0): string {
  const file = join(t.home, name);
  writeFileSync(file, 'x');
  const when = new Date(Date.now() - agoMs);
  utimesSync(file, when, when);
  return name;
}

const ts = Date.now().toString(36);

describe('temp files of killed writes (F9)', () => {
  test('removed when their writer is gone or they are older than a minute; a live writer’s fresh temp file stays', () => {
    const dead = deadPid();
    const gone = [put(`.state.bin.${dead}.${ts}.tmp`), put(`.reviews.jsonl.${dead}.${ts}.tmp`), put(`.settings.json.${process.pid}.${ts}.tmp`, 120_000)];
    const kept = [put(`.state.bin.${process.pid}.${ts}.tmp`), put('reviews.jsonl'), put('.state.bin.notes'), put(`state.bin.${dead}.${ts}.tmp`)];
    expect(cleanTempFiles(t.home).sort()).toEqual(gone.sort());
    expect(readdirSync(t.home).sort()).toEqual(kept.sort());
  });

  test('the next amgi command that opens the store removes them', () => {
    const dead = deadPid();
    const leftovers = [put(`.state.bin.${dead}.${ts}.tmp`), put(`.reviews.jsonl.${dead}.${ts}.tmp`)];
    expect(amgi(['status'], { AMGI_HOME: t.home }).code).toBe(0);
    for (const name of leftovers) expect(existsSync(join(t.home, name)), name).toBe(false);
  });
});
