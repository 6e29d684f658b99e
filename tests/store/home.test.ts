import { describe, expect, test } from 'vitest';
import { SNAPSHOT_FILE } from '../../src/store/snapshot.js';
import { SNAPSHOT_NAME, storeFiles } from '../../src/store/home.js';
import { logPath } from '../../src/store/log.js';
import { settingsPath } from '../../src/store/settings.js';

describe('store/home', () => {
  test('names the same snapshot file as snapshot.ts (not imported there: start-up cost)', () => {
    expect(SNAPSHOT_NAME).toBe(SNAPSHOT_FILE);
    expect(storeFiles('/h')).toEqual([logPath('/h'), `/h/${SNAPSHOT_FILE}`, settingsPath('/h')]);
  });
});
