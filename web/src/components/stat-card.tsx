import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One key figure in a `<dl>` of figures: its label, the figure large, an optional hint below. */
export function StatCard({
  label,
  children,
  hint,
}: {
  label: string;
  children: ReactNode;
  hint?: ReactNode;
}) {
  // One <dt> and one <dd> per group: nothing else may sit in a <dl>'s group.
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        <Text span fw={700} size="xl" display="block">
          {children}
        </Text>
        {hint ? (
          <Text span size="xs" c="dimmed" display="block">
            {hint}
          </Text>
        ) : null}
      </Text>
    </Paper>
  );
}
