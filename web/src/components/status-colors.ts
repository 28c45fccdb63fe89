/**
 * Colours of filled on/off badges (white text). Mantine's green.9 is too light for WCAG AA at
 * badge size, so "on" uses a darker green.
 */
export const STATUS_COLORS = { on: '#1b5e20', off: 'gray.7' } as const;
