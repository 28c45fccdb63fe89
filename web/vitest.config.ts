import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

// Unit tests of the portal's pure logic; the browser tests live in test/e2e at the repository root.
export default defineConfig({
  resolve: {
    alias: {
      '@': path.join(root, 'src'),
      // `server-only` throws outside React Server Components; these tests run plain Node.
      'server-only': path.join(root, '..', 'node_modules', 'server-only', 'empty.js'),
    },
  },
  test: {
    name: '@sipadu/web',
    root,
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
