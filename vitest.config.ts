import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    // Screens render as on a developer's terminal even when the suite runs under CI: Ink's
    // is-in-ci switches to a print-once mode (the app itself clears CI before Ink loads).
    env: { CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: pty and crash tests are heavy; keep the machine responsive.
    maxWorkers: 2,
  },
});
