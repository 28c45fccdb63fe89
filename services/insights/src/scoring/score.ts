import type { AssessmentMeasure } from '../generated/graphql.js';
import type {
  CaseFlow,
  ComplaintStatisticRow,
  LoanProjectSummary,
  OrganizationSatisfaction,
  ServiceTimeStatistic,
} from '../services/owner-client.js';
import { parameterValue, type StoredComponent, type StoredGrade } from './default-method.js';

// Pure scoring of docs/penilaian-kinerja.md: each component's score (0–100 or null when the
// organization has no data for it), the raw measures and a sentence with the numbers used, the
// weighted total over the components with data, the grade and the rank.

export interface ComponentResult {
  score: number | null;
  explanation: string;
  measures: AssessmentMeasure[];
}

const numberFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

/** Indonesian number text (decimal comma), e.g. 76,67. */
export const formatNumber = (value: number) => numberFormat.format(value);

/** Scores are kept to two decimals: the total is computed from the shown component scores. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

const clamp = (value: number) => Math.min(100, Math.max(0, value));
const share = (part: number, whole: number) => round2((part / whole) * 100);
const measure = (
  key: string,
  label: string,
  value: number | null,
  unit: string | null = null,
): AssessmentMeasure => ({ key, label, value, unit });

/** A component whose owning module did not answer: not scored, never a zero. */
export function unavailableComponent(moduleName: string): ComponentResult {
  return {
    score: null,
    explanation: `Modul ${moduleName} tidak menjawab saat penilaian dihitung; komponen ini tidak dinilai (bukan nol) dan bobotnya tidak dihitung.`,
    measures: [],
  };
}

/** SATISFACTION: the converted IKM (25–100) mapped linearly onto 0–100 from `ikmFloor`. */
export function satisfactionComponent(
  component: StoredComponent,
  index: OrganizationSatisfaction | null,
  periodLabel: string,
): ComponentResult {
  const floor = parameterValue(component, 'ikmFloor');
  const measures = [
    measure('ikm', 'IKM (skala 1–4)', index?.ikm ?? null),
    measure('ikmConverted', 'Nilai konversi IKM (25–100)', index?.ikmConverted ?? null),
    measure('respondents', 'Responden', index?.respondents ?? 0, 'orang'),
  ];
  if (!index || index.ikmConverted == null) {
    return {
      score: null,
      explanation: `Belum ada responden SKM pada ${periodLabel}; komponen tidak dinilai.`,
      measures,
    };
  }
  const score = round2(clamp(((index.ikmConverted - floor) / (100 - floor)) * 100));
  const grade = index.grade ? `, mutu ${index.grade}` : '';
  return {
    score,
    explanation:
      `IKM konversi ${formatNumber(index.ikmConverted)} (${index.respondents} responden${grade}): ` +
      `(${formatNumber(index.ikmConverted)} − ${formatNumber(floor)}) ÷ (100 − ${formatNumber(floor)}) × 100 = ${formatNumber(score)}.`,
    measures,
  };
}

/**
 * COMPLAINT_HANDLING: weighted mean of the share of received complaints answered on time, the
 * share closed, and the citizens' average rating (1–5 → 0–100); a part without data (no rating
 * yet) drops out with its weight. Null when no complaint was received.
 */
export function complaintHandlingComponent(
  component: StoredComponent,
  row: ComplaintStatisticRow | null,
  periodLabel: string,
): ComponentResult {
  const received = row?.received ?? 0;
  const averageRating =
    row && row.rated > 0 ? (row.averageRating ?? row.ratingSum / row.rated) : null;
  const measures = [
    measure('received', 'Pengaduan diterima', received, 'pengaduan'),
    measure('answered', 'Dijawab', row?.answered ?? 0, 'pengaduan'),
    measure('answeredOnTime', 'Dijawab tepat waktu', row?.answeredOnTime ?? 0, 'pengaduan'),
    measure('closed', 'Selesai', row?.closed ?? 0, 'pengaduan'),
    measure('open', 'Belum selesai', row?.open ?? 0, 'pengaduan'),
    measure('overdue', 'Melewati waktu layanan', row?.overdue ?? 0, 'pengaduan'),
    measure('rated', 'Dinilai warga', row?.rated ?? 0, 'pengaduan'),
    measure('averageRating', 'Rata-rata penilaian warga (1–5)', averageRating),
  ];
  if (!row || received === 0) {
    return {
      score: null,
      explanation: `Tidak ada pengaduan masyarakat yang diterima pada ${periodLabel}; komponen tidak dinilai.`,
      measures,
    };
  }
  const parts = [
    {
      label: 'dijawab tepat waktu',
      value: share(row.answeredOnTime, received),
      weight: parameterValue(component, 'onTimeAnswerShare'),
      detail: `${row.answeredOnTime}/${received}`,
    },
    {
      label: 'selesai',
      value: share(row.closed, received),
      weight: parameterValue(component, 'closedShare'),
      detail: `${row.closed}/${received}`,
    },
    {
      label: 'penilaian warga',
      value: averageRating == null ? null : round2(((averageRating - 1) / 4) * 100),
      weight: parameterValue(component, 'rating'),
      detail: averageRating == null ? 'belum ada' : `rata-rata ${formatNumber(averageRating)}`,
    },
  ];
  measures.push(
    measure('onTimeAnswerShare', 'Bagian dijawab tepat waktu', parts[0]!.value, '%'),
    measure('closedShare', 'Bagian selesai', parts[1]!.value, '%'),
  );
  const counted = parts.filter((part) => part.value != null && part.weight > 0);
  const weights = counted.reduce((sum, part) => sum + part.weight, 0);
  const score =
    weights === 0
      ? null
      : round2(counted.reduce((sum, part) => sum + part.value! * part.weight, 0) / weights);
  const text = parts
    .map(
      (part) =>
        `${part.label} ${part.detail}` +
        (part.value == null ? ' (tidak dihitung)' : ` = ${formatNumber(part.value)}`) +
        ` × bobot ${formatNumber(part.weight)}`,
    )
    .join('; ');
  return {
    score,
    explanation:
      `${received} pengaduan diterima: ${text}.` +
      (score == null
        ? ' Tidak ada ukuran yang berdata; komponen tidak dinilai.'
        : ` Rata-rata tertimbang = ${formatNumber(score)}.`),
    measures,
  };
}

/** The flows SERVICE_TIME counts (work items unless `includeWorkItems` is 0). */
export function serviceTimeFlows(component: StoredComponent): CaseFlow[] {
  return parameterValue(component, 'includeWorkItems') >= 1
    ? ['CONSULTATION', 'ICT_COMPLAINT', 'WORK_ITEM']
    : ['CONSULTATION', 'ICT_COMPLAINT'];
}

const FLOW_LABELS: Record<CaseFlow, string> = {
  CONSULTATION: 'konsultasi',
  ICT_COMPLAINT: 'pengaduan TIK',
  WORK_ITEM: 'pekerjaan internal',
  PUBLIC_COMPLAINT: 'pengaduan masyarakat',
};

/** SERVICE_TIME: completed on time ÷ completed over the flows, for one responsible organization. */
export function serviceTimeComponent(
  component: StoredComponent,
  rows: readonly ServiceTimeStatistic[],
  periodLabel: string,
): ComponentResult {
  const flows = serviceTimeFlows(component);
  const counted = rows.filter((row) => flows.includes(row.flow));
  const completed = counted.reduce((sum, row) => sum + row.completed, 0);
  const onTime = counted.reduce((sum, row) => sum + row.completedOnTime, 0);
  const measures = [
    ...flows.flatMap((flow) => {
      const row = counted.find((candidate) => candidate.flow === flow);
      return [
        measure(
          `${flow}.completed`,
          `Selesai (${FLOW_LABELS[flow]})`,
          row?.completed ?? 0,
          'kasus',
        ),
        measure(
          `${flow}.completedOnTime`,
          `Selesai tepat waktu (${FLOW_LABELS[flow]})`,
          row?.completedOnTime ?? 0,
          'kasus',
        ),
      ];
    }),
    measure('completed', 'Kasus selesai', completed, 'kasus'),
    measure('completedOnTime', 'Selesai tepat waktu', onTime, 'kasus'),
    measure(
      'overdue',
      'Melewati waktu layanan (saat ini)',
      counted.reduce((sum, row) => sum + row.overdue, 0),
      'kasus',
    ),
  ];
  const flowText = flows.map((flow) => FLOW_LABELS[flow]).join(', ');
  if (completed === 0) {
    return {
      score: null,
      explanation: `Tidak ada kasus ${flowText} yang selesai dari yang diterima pada ${periodLabel}; komponen tidak dinilai.`,
      measures,
    };
  }
  const score = share(onTime, completed);
  return {
    score,
    explanation: `${onTime} dari ${completed} kasus ${flowText} selesai tepat waktu: ${onTime} ÷ ${completed} × 100 = ${formatNumber(score)}.`,
    measures,
  };
}

/** Stages of a project under execution (agreement signed onwards, not cancelled). */
export const EXECUTED_STAGES: readonly string[] = [
  'AGREEMENT_SIGNED',
  'DISBURSEMENT',
  'IMPLEMENTATION',
  'COMPLETED',
];

/** The projects LOAN_PROJECT_DELAY counts for an organization and period year. */
export function assessedProjects(
  projects: readonly LoanProjectSummary[],
  organizationCode: string,
  year: number,
): LoanProjectSummary[] {
  return projects.filter(
    (project) =>
      project.organizationCode === organizationCode &&
      project.fiscalYear <= year &&
      EXECUTED_STAGES.includes(project.stage),
  );
}

/** LOAN_PROJECT_DELAY: 100 × (1 − behind plan ÷ projects under execution). */
export function loanProjectDelayComponent(
  projects: readonly LoanProjectSummary[],
): ComponentResult {
  const behind = projects.filter((project) => project.behindPlan).length;
  const measures = [
    measure('projects', 'Proyek berjalan', projects.length, 'proyek'),
    measure('behindPlan', 'Terlambat dari rencana', behind, 'proyek'),
  ];
  if (projects.length === 0) {
    return {
      score: null,
      explanation:
        'Organisasi tidak melaksanakan proyek pinjaman yang berjalan; komponen tidak dinilai.',
      measures,
    };
  }
  const score = round2(100 * (1 - behind / projects.length));
  return {
    score,
    explanation: `${behind} dari ${projects.length} proyek berjalan terlambat dari rencana (menurut keadaan saat dinilai): 100 × (1 − ${behind} ÷ ${projects.length}) = ${formatNumber(score)}.`,
    measures,
  };
}

/** Σ(score × weight) ÷ Σ(weight of the components with data); null when none has data. */
export function totalScore(
  components: ReadonlyArray<{ score: number | null; weight: number }>,
): number | null {
  const counted = components.filter((component) => component.score != null);
  const weights = counted.reduce((sum, component) => sum + component.weight, 0);
  if (counted.length === 0 || weights <= 0) return null;
  return round2(
    counted.reduce((sum, component) => sum + component.score! * component.weight, 0) / weights,
  );
}

/** Share of the weight (0–100) carried by the components with data. */
export function coverageOf(
  components: ReadonlyArray<{ score: number | null; weight: number }>,
): number {
  const total = components.reduce((sum, component) => sum + component.weight, 0);
  if (total <= 0) return 0;
  const counted = components
    .filter((component) => component.score != null)
    .reduce((sum, component) => sum + component.weight, 0);
  return round2((100 * counted) / total);
}

/** The grade whose band holds the score (grades sorted by descending minimum). */
export function gradeOf(score: number | null, grades: readonly StoredGrade[]): StoredGrade | null {
  if (score == null) return null;
  return (
    [...grades].sort((a, b) => b.minScore - a.minScore).find((g) => score >= g.minScore) ?? null
  );
}

/**
 * Competition ranks (1, 2, 2, 4) of the scored entries, best first; null for unscored ones.
 * Returned in the order of the input.
 */
export function ranks(scores: ReadonlyArray<number | null>): Array<number | null> {
  const scored = scores.filter((score): score is number => score != null);
  return scores.map((score) =>
    score == null ? null : scored.filter((other) => other > score).length + 1,
  );
}
