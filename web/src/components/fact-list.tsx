import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A label and its value in a definition list. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Facts side by side on wide screens, one per line on phones. */
export function Facts({ children, cols = 3 }: { children: ReactNode; cols?: number }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: cols }} spacing="md" m={0}>
      {children}
    </SimpleGrid>
  );
}
