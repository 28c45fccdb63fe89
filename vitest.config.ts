import { defineConfig } from 'vitest/config';

// One Vitest run covers every workspace; integration specs share the real local infrastructure
// started once by the global setup.
export default defineConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    projects: [
      {
        extends: true,
        test: { name: '@sipadu/service-kit', include: ['packages/service-kit/src/**/*.spec.ts'] },
      },
      {
        extends: true,
        test: { name: '@sipadu/events', include: ['packages/events/src/**/*.spec.ts'] },
      },
      {
        extends: true,
        test: { name: '@sipadu/test-kit', include: ['packages/test-kit/src/**/*.spec.ts'] },
      },
      {
        extends: true,
        test: { name: '@sipadu/identity', include: ['services/identity/src/**/*.spec.ts'] },
      },
      { extends: true, test: { name: '@sipadu/gateway', include: ['gateway/src/**/*.spec.ts'] } },
      { extends: true, test: { name: 'keycloak', include: ['keycloak/**/*.spec.ts'] } },
      {
        extends: true,
        test: { name: 'platform', include: ['test/**/*.spec.ts', 'scripts/**/*.spec.ts'] },
      },
    ],
  },
});
