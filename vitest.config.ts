import { configDefaults, defineConfig } from 'vitest/config';

// One Vitest run covers every workspace. Projects that talk to real infrastructure get the global
// setup that starts it (or reuses it); pure unit projects run without it.
const withInfrastructure = { globalSetup: ['./test/global-setup.ts'] };

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // The global teardown stops the infrastructure it started; Keycloak alone can take over 10 s.
    teardownTimeout: 60_000,
    fileParallelism: false,
    projects: [
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: '@sipadu/service-kit',
          include: ['packages/service-kit/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: '@sipadu/events',
          include: ['packages/events/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: '@sipadu/test-kit',
          include: ['packages/test-kit/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: { name: '@sipadu/workflow', include: ['packages/workflow/src/**/*.spec.ts'] },
      },
      {
        extends: true,
        test: { name: '@sipadu/reports', include: ['packages/reports/src/**/*.spec.ts'] },
      },
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: '@sipadu/directory',
          include: ['packages/directory/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: '@sipadu/identity',
          include: ['services/identity/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: '@sipadu/documents',
          include: ['services/documents/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: '@sipadu/notifications',
          include: ['services/notifications/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: '@sipadu/projects',
          include: ['services/projects/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: '@sipadu/surveys',
          include: ['services/surveys/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: '@sipadu/consultations',
          include: ['services/consultations/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: '@sipadu/insights',
          include: ['services/insights/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: '@sipadu/gateway',
          include: ['gateway/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: { ...withInfrastructure, name: 'keycloak', include: ['keycloak/**/*.spec.ts'] },
      },
      // The portal's own unit project (aliases for Next's `@/` imports live there).
      'web/vitest.config.ts',
      {
        extends: true,
        test: {
          ...withInfrastructure,
          name: 'platform',
          include: ['test/**/*.spec.ts', 'scripts/**/*.spec.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
        },
      },
      {
        // Browser tests: Debian's Chromium against the built web portal on port 3000; the first
        // run includes `next build`.
        extends: true,
        test: {
          ...withInfrastructure,
          name: 'web-e2e',
          include: ['test/e2e/**/*.e2e.spec.ts'],
          testTimeout: 120_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
