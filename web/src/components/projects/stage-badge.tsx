'use client';
import { Badge } from '@mantine/core';
import { useTranslations } from 'next-intl';
import type { LoanProjectStage } from '@/gql/graphql';
import { STAGE_COLORS } from './project-stage';

/** The stage of a loan project as a coloured badge, in the user's language. */
export function StageBadge({
  stage,
  size = 'md',
}: {
  stage: LoanProjectStage;
  size?: 'sm' | 'md' | 'lg';
}) {
  const t = useTranslations('projects.stage');
  return (
    <Badge color={STAGE_COLORS[stage]} variant="filled" tt="none" size={size} data-stage={stage}>
      {t(stage)}
    </Badge>
  );
}
