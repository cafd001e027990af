import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const dir = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const alias = { '@contract': dir('./contract'), '@': dir('./src') }

// Two projects: fast pure unit tests, and API integration tests that boot the real
// Hono app against a real database (PGlite, or PostgreSQL when TEST_DATABASE_URL is set).
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'contract/**/*.test.ts', 'src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: ['**/*.api.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'api',
          include: ['server/**/*.api.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files run side by side: each boots its own app on its own database (a fresh
          // PGlite, or its own schema in PostgreSQL) and takes its ports from the OS. The cap
          // keeps PostgreSQL's connections (a pool of 10 per app) well under its limit.
          fileParallelism: true,
          maxWorkers: Math.min(4, os.availableParallelism()),
        },
      },
    ],
  },
})
