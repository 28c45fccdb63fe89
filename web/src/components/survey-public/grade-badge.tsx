import type { ServiceGrade } from '@/gql/graphql';
import styles from './survey-public.module.css';

const GRADE_CLASS: Record<ServiceGrade, string | undefined> = {
  A: styles.gradeA,
  B: styles.gradeB,
  C: styles.gradeC,
  D: styles.gradeD,
};

/** The quality grade (mutu) as a coloured letter; `label` ("Mutu") is read before it. */
export function GradeBadge({
  grade,
  label,
}: {
  grade: ServiceGrade | null | undefined;
  label: string;
}) {
  if (!grade) return null;
  return (
    <span className={`${styles.grade} ${GRADE_CLASS[grade] ?? ''}`} data-grade={grade}>
      <span className="visually-hidden">{label} </span>
      {grade}
    </span>
  );
}
