import type { PeriodGranularity } from '@sipadu/reports';

// Shared shapes of the surveys service (SIPUTRI): what the standards, survey, index and
// evaluation parts exchange. The GraphQL types are the public contract; these are the internal one.

/** A service (layanan) as the survey and the index need it, from the standards directory. */
export interface ServiceRef {
  id: string;
  name: string;
  category: string;
  organizationCode: string;
  organizationName: string;
  /** Whether a version is published (only published services accept survey responses). */
  published: boolean;
}

export type { PeriodGranularity };

/** A period as asked: a year alone, or a year with one of semester, quarter or month. */
export interface PeriodInput {
  year: number;
  semester?: number | null;
  quarter?: number | null;
  month?: number | null;
}

/** A parsed period (= GraphQL SurveyPeriod); `key` is `2026`, `2026-S1`, `2026-Q3` or `2026-M07`. */
export interface PeriodView {
  key: string;
  granularity: PeriodGranularity;
  year: number;
  semester: number | null;
  quarter: number | null;
  month: number | null;
  /** e.g. `Tahun 2026`, `Semester I 2026`, `Triwulan III 2026`, `Juli 2026`. */
  label: string;
}

export type IndexScope = 'SERVICE' | 'ORGANIZATION' | 'PEMDA';

/** One SKM element (unsur) with the labels of scores 1–4 (= GraphQL SurveyElement). */
export interface SurveyElementView {
  code: string;
  order: number;
  name: string;
  question: string;
  labels: string[];
}

export type ProfileKey = 'gender' | 'ageGroup' | 'education' | 'occupation';

export const PROFILE_KEYS: readonly ProfileKey[] = [
  'gender',
  'ageGroup',
  'education',
  'occupation',
];

/** One optional respondent-profile question (= GraphQL RespondentProfileField). */
export interface ProfileFieldView {
  key: ProfileKey;
  label: string;
  options: { code: string; label: string }[];
}

/** The questionnaire in force (= GraphQL SurveyQuestionnaire). */
export interface QuestionnaireView {
  version: string;
  elements: SurveyElementView[];
  profileFields: ProfileFieldView[];
}

export type ServiceGrade = 'A' | 'B' | 'C' | 'D';

export interface ElementScoreView {
  element: SurveyElementView;
  total: number;
  answers: number;
  nrr: number | null;
  weightedNrr: number | null;
  /** Answers scored 1, 2, 3, 4. */
  distribution: [number, number, number, number];
}

export interface ProfileCountView {
  code: string;
  label: string;
  count: number;
}

/** The index of one scope and period (= GraphQL SatisfactionIndex). Numbers are unrounded. */
export interface SatisfactionIndexView {
  scope: IndexScope;
  scopeId: string | null;
  scopeName: string;
  period: PeriodView;
  respondents: number;
  elements: ElementScoreView[];
  ikm: number | null;
  ikmConverted: number | null;
  grade: ServiceGrade | null;
  performance: string | null;
  population: number | null;
  minimumSample: number | null;
  sampleShortfall: number | null;
  sampleAdequate: boolean | null;
  profile: Record<ProfileKey, ProfileCountView[]>;
}

/** What the survey and index parts need of the standards directory (ServiceStandardService). */
export interface ServiceDirectory {
  serviceRef(id: string): Promise<ServiceRef | null>;
  serviceRefs(filter?: {
    organizationCode?: string;
    publishedOnly?: boolean;
  }): Promise<ServiceRef[]>;
}

/** What the index needs of the organizations projection (OrganizationDirectory). */
export interface OrganizationNames {
  name(code: string): Promise<string | null>;
  names(codes: string[]): Promise<Map<string, string>>;
}
