/**
 * Colours of filled on/off badges (white text). Mantine's green.9 is too light for WCAG AA at
 * badge size, so "on" uses a darker green.
 */
export const STATUS_COLORS = { on: '#1b5e20', off: 'gray.7' } as const;

/**
 * Filled badges of document requirements (white text, each at least 5:1 on white): grey waits,
 * blue and violet are with the reviewers, dark orange needs the uploader again, green is done.
 */
export const REQUIREMENT_STATUS_COLORS = {
  REQUESTED: '#495057',
  SUBMITTED: '#1864ab',
  UNDER_REVIEW: '#6741d9',
  REVISION_REQUESTED: '#a33a00',
  APPROVED: STATUS_COLORS.on,
  WAIVED: '#862e9c',
} as const;
