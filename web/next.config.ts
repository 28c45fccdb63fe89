import path from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Workspace packages ship TypeScript source.
  transpilePackages: ['@sipadu/service-kit'],
  // Container images run the self-contained server (docker/web.Dockerfile sets NEXT_OUTPUT);
  // `next start` in local development keeps the ordinary build.
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: 'standalone' as const } : {}),
  // Dependencies are hoisted to the monorepo root.
  turbopack: { root: path.resolve(import.meta.dirname, '..') },
  experimental: {
    // `forbidden()` answers 403 with app/(internal)/forbidden.tsx.
    authInterrupts: true,
    optimizePackageImports: ['@mantine/core', '@mantine/hooks', '@mantine/form'],
  },
};

export default withNextIntl(nextConfig);
