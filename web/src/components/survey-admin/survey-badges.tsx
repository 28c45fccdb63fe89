'use client';
import { Badge } from '@mantine/core';
import { useTranslations } from 'next-intl';
import type {
  RecommendationPriority,
  RecommendationStatus,
  ServiceGrade,
  ServiceStandardStatus,
} from '@/gql/graphql';
import { PRIORITY_COLORS, RECOMMENDATION_STATUS_COLORS } from './recommendation';
import { GRADE_COLORS } from './survey-index';

type Size = 'sm' | 'md' | 'lg';

/** Filled status badges of service standards (white text, at least 4.5:1 on white). */
const STANDARD_STATUS_COLORS: Record<ServiceStandardStatus, string> = {
  DRAFT: '#495057',
  PUBLISHED: '#1b5e20',
  PUBLISHED_WITH_DRAFT: '#1864ab',
};

/** Draf / Terbit / Terbit + draf. */
export function StandardStatusBadge({
  status,
  size = 'md',
}: {
  status: ServiceStandardStatus;
  size?: Size;
}) {
  const t = useTranslations('surveyAdmin.standardStatus');
  return (
    <Badge
      component="span"
      color={STANDARD_STATUS_COLORS[status]}
      variant="filled"
      tt="none"
      size={size}
      data-status={status}
    >
      {t(status)}
    </Badge>
  );
}

/** Mutu pelayanan A–D with its performance label (Sangat Baik … Tidak Baik). */
export function GradeBadge({
  grade,
  performance,
  size = 'md',
}: {
  grade: ServiceGrade | null | undefined;
  performance?: string | null;
  size?: Size;
}) {
  const t = useTranslations('surveyAdmin.index');
  if (!grade) {
    return (
      <Badge component="span" color="gray.7" variant="outline" tt="none" size={size}>
        {t('noGrade')}
      </Badge>
    );
  }
  return (
    <Badge
      component="span"
      color={GRADE_COLORS[grade]}
      variant="filled"
      tt="none"
      size={size}
      data-grade={grade}
    >
      {performance ? `${grade} · ${performance}` : grade}
    </Badge>
  );
}

export function RecommendationStatusBadge({
  status,
  size = 'md',
}: {
  status: RecommendationStatus;
  size?: Size;
}) {
  const t = useTranslations('surveyAdmin.recommendationStatus');
  return (
    <Badge
      component="span"
      color={RECOMMENDATION_STATUS_COLORS[status]}
      variant="filled"
      tt="none"
      size={size}
      data-status={status}
    >
      {t(status)}
    </Badge>
  );
}

export function PriorityBadge({
  priority,
  size = 'sm',
}: {
  priority: RecommendationPriority;
  size?: Size;
}) {
  const t = useTranslations('surveyAdmin.priority');
  return (
    <Badge
      component="span"
      color={PRIORITY_COLORS[priority]}
      variant="outline"
      tt="none"
      size={size}
    >
      {t(priority)}
    </Badge>
  );
}
