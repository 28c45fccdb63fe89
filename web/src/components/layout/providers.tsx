'use client';
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { SessionProvider } from 'next-auth/react';
import type { ReactNode } from 'react';
import { SessionWatcher } from '@/components/auth/session-watcher';
import { GraphQLProvider } from '@/graphql/graphql-provider';

const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white-on-primary and primary-on-white text above WCAG AA contrast.
  primaryShade: 8,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  defaultRadius: 'md',
});

// Mantine's default dimmed grey is below WCAG AA contrast on white for small text.
const accessibleColors: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a' },
  dark: {},
});

/** Client-side context of the internal area. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    // Polling /api/auth/session also refreshes the access token while a page stays open.
    <SessionProvider refetchInterval={120} refetchOnWindowFocus>
      <MantineProvider
        theme={theme}
        forceColorScheme="light"
        cssVariablesResolver={accessibleColors}
      >
        <Notifications position="top-right" />
        <GraphQLProvider>{children}</GraphQLProvider>
        <SessionWatcher />
      </MantineProvider>
    </SessionProvider>
  );
}
