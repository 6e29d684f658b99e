/**
 * openProgress for the commands that may write settings (the study screens, optimize): conf is
 * loaded first, so `saveSettings` stays synchronous. Read-only commands (`amgi status`) use
 * progressStore.ts through open.ts and skip conf's ~400 KB of code.
 */
import { preloadConf } from './settings.js';

export * from './progressStore.js';

await preloadConf();
