'use client';
import {
  MantineProvider,
  Modal,
  Notification,
  createTheme,
  type CSSVariablesResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { SessionProvider } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import { SessionWatcher } from '@/components/auth/session-watcher';
import { GraphQLProvider } from '@/graphql/graphql-provider';

const baseTheme = {
  primaryColor: 'blue',
  // Shade 8 keeps white-on-primary and primary-on-white text above WCAG AA contrast.
  primaryShade: 8,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  defaultRadius: 'md',
} as const;

const accessibleColors: CSSVariablesResolver = () => ({
  variables: {},
  // Mantine's default dimmed, error and placeholder colours fall below WCAG AA on white.
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-placeholder': '#5c636a',
  },
  dark: {},
});

/** Client-side context of the internal area. */
export function Providers({ children }: { children: ReactNode }) {
  const t = useTranslations('common');
  // Every dialog's and toast's icon-only close button gets a spoken name in the user's language.
  const closeLabel = t('close');
  const theme = useMemo(
    () =>
      createTheme({
        ...baseTheme,
        components: {
          Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
          // Toasts from notifications.show() render this component: their close button too.
          Notification: Notification.extend({
            defaultProps: { closeButtonProps: { 'aria-label': closeLabel } },
          }),
        },
      }),
    [closeLabel],
  );
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
