import { Badge, Group, Text } from '@mantine/core';
import { REQUIREMENT_STATUS_COLORS, STATUS_COLORS } from '@/components/status-colors';

/**
 * Colour of a predicate by its first letter, A best … D/E worst (unknown grades grey): filled
 * badges with white text, each at least 5:1 on white (status-colors.ts).
 */
export function gradeColor(grade: string): string {
  switch (grade.trim().charAt(0).toUpperCase()) {
    case 'A':
      return STATUS_COLORS.on;
    case 'B':
      return REQUIREMENT_STATUS_COLORS.SUBMITTED;
    case 'C':
      return REQUIREMENT_STATUS_COLORS.REVISION_REQUESTED;
    case 'D':
    case 'E':
      return '#c92a2a';
    default:
      return STATUS_COLORS.off;
  }
}

/** The predicate of an assessment (e.g. "A" and "Sangat Baik"), or a dash without data. */
export function AssessmentGrade({
  grade,
  label,
}: {
  grade: string | null | undefined;
  label: string | null | undefined;
}) {
  if (!grade) return <>—</>;
  return (
    <Group gap={6} wrap="nowrap" data-grade={grade}>
      <Badge color={gradeColor(grade)} variant="filled" size="lg">
        {grade}
      </Badge>
      {label ? (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {label}
        </Text>
      ) : null}
    </Group>
  );
}
