import type { AssessmentComponentKey } from '../generated/graphql.js';

// The scoring method is data (collection `scoring_methods`, one document per version). This file
// holds what the code itself knows about each component (its label, formula and the parameters
// it understands, with their ranges) and version 1, inserted when the collection is empty.
// docs/penilaian-kinerja.md documents the method.

export const COMPONENT_KEYS = [
  'SATISFACTION',
  'COMPLAINT_HANDLING',
  'SERVICE_TIME',
  'LOAN_PROJECT_DELAY',
] as const satisfies readonly AssessmentComponentKey[];

export interface ParameterDefinition {
  key: string;
  label: string;
  min: number;
  max: number;
  /** Value in version 1. */
  value: number;
}

export interface ComponentDefinition {
  key: AssessmentComponentKey;
  label: string;
  formula: string;
  parameters: readonly ParameterDefinition[];
}

export const COMPONENT_DEFINITIONS: Record<AssessmentComponentKey, ComponentDefinition> = {
  SATISFACTION: {
    key: 'SATISFACTION',
    label: 'IKM dan mutu pelayanan',
    formula:
      'Nilai konversi IKM organisasi pada periode (25–100, SIPUTRI) dipetakan lurus ke 0–100: ' +
      '(IKM konversi − batas bawah) ÷ (100 − batas bawah) × 100, dibatasi 0–100. Tanpa responden: ' +
      'tidak dinilai.',
    parameters: [
      {
        key: 'ikmFloor',
        label: 'Batas bawah nilai konversi IKM (bernilai 0)',
        min: 0,
        max: 99,
        value: 25,
      },
    ],
  },
  COMPLAINT_HANDLING: {
    key: 'COMPLAINT_HANDLING',
    label: 'Penanganan pengaduan masyarakat',
    formula:
      'Rata-rata tertimbang dari: bagian pengaduan yang dijawab tepat waktu (dari yang diterima), ' +
      'bagian pengaduan yang selesai (dari yang diterima), dan penilaian warga (rata-rata 1–5 ' +
      'dipetakan ke 0–100). Ukuran tanpa data (mis. belum ada penilaian) tidak dihitung dan ' +
      'bobotnya dibagi ke ukuran lain. Tanpa pengaduan diterima: tidak dinilai.',
    parameters: [
      { key: 'onTimeAnswerShare', label: 'Bobot dijawab tepat waktu', min: 0, max: 100, value: 50 },
      { key: 'closedShare', label: 'Bobot pengaduan selesai', min: 0, max: 100, value: 25 },
      { key: 'rating', label: 'Bobot penilaian warga', min: 0, max: 100, value: 25 },
    ],
  },
  SERVICE_TIME: {
    key: 'SERVICE_TIME',
    label: 'Kepatuhan waktu layanan (SI-KIMR)',
    formula:
      'Kasus konsultasi, pengaduan TIK (dan pekerjaan internal bila diikutkan) yang diterima pada ' +
      'periode dan selesai tepat waktu ÷ kasus yang selesai × 100, atas kasus yang organisasi ' +
      'tanggung jawabi. Tanpa kasus selesai: tidak dinilai.',
    parameters: [
      {
        key: 'includeWorkItems',
        label: 'Ikutkan pekerjaan internal (1 = ya, 0 = tidak)',
        min: 0,
        max: 1,
        value: 1,
      },
    ],
  },
  LOAN_PROJECT_DELAY: {
    key: 'LOAN_PROJECT_DELAY',
    label: 'Ketepatan jadwal proyek pinjaman daerah',
    formula:
      '100 × (1 − proyek terlambat dari rencana ÷ proyek berjalan) atas proyek pinjaman yang ' +
      'dilaksanakan organisasi (sudah ditandatangani perjanjiannya, tahun anggaran sampai tahun ' +
      'periode, tidak dibatalkan), menurut keadaannya saat dinilai. Tanpa proyek: tidak dinilai.',
    parameters: [],
  },
};

export interface StoredParameter {
  key: string;
  label: string;
  value: number;
}

export interface StoredComponent {
  key: AssessmentComponentKey;
  label: string;
  weight: number;
  formula: string;
  parameters: StoredParameter[];
}

export interface StoredGrade {
  grade: string;
  label: string;
  minScore: number;
}

/** A version of the method as stored (and as the score functions read it). */
export interface MethodDefinition {
  version: number;
  name: string;
  description: string;
  components: StoredComponent[];
  grades: StoredGrade[];
  /** Share of the weight (0–100) that must have data for a grade and a rank. */
  minimumCoverage: number;
}

const DEFAULT_WEIGHTS: Record<AssessmentComponentKey, number> = {
  SATISFACTION: 35,
  COMPLAINT_HANDLING: 30,
  SERVICE_TIME: 20,
  LOAN_PROJECT_DELAY: 15,
};

/**
 * The grade bands mirror the IKM performance bands of PermenPANRB 14/2017 on the converted scale
 * (A 88,31–100 Sangat Baik, B 76,61–88,30 Baik, C 65,00–76,60 Kurang Baik, D 25,00–64,99 Tidak
 * Baik), so a total reads like an IKM the agencies already know; D starts at 0 here.
 */
export const DEFAULT_GRADES: readonly StoredGrade[] = [
  { grade: 'A', label: 'Sangat Baik', minScore: 88.31 },
  { grade: 'B', label: 'Baik', minScore: 76.61 },
  { grade: 'C', label: 'Kurang Baik', minScore: 65 },
  { grade: 'D', label: 'Tidak Baik', minScore: 0 },
];

/**
 * Half the weight: an organization known from one small component only (e.g. a few ICT tickets)
 * is shown but not ranked against agencies measured on most of the method.
 */
export const DEFAULT_MINIMUM_COVERAGE = 50;

/** The component as stored in a version, with the given weight and parameter values. */
export function storedComponent(
  key: AssessmentComponentKey,
  weight: number,
  values: Readonly<Record<string, number>> = {},
): StoredComponent {
  const definition = COMPONENT_DEFINITIONS[key];
  return {
    key,
    label: definition.label,
    weight,
    formula: definition.formula,
    parameters: definition.parameters.map((parameter) => ({
      key: parameter.key,
      label: parameter.label,
      value: values[parameter.key] ?? parameter.value,
    })),
  };
}

export const DEFAULT_METHOD: MethodDefinition = {
  version: 1,
  name: 'Penilaian Kinerja Penyelenggara Pelayanan Publik',
  description:
    'Nilai 0–100 per organisasi dan periode dari angka modul pemiliknya: IKM (SIPUTRI), ' +
    'penanganan pengaduan masyarakat, kepatuhan waktu layanan SI-KIMR, dan ketepatan jadwal ' +
    'proyek pinjaman daerah (Perwali 64/2017 pasal 17 ayat (4) huruf f). Komponen tanpa data tidak ' +
    'dihitung: nilai akhir dibagi jumlah bobot komponen yang berdata. Organisasi yang komponen ' +
    'berdatanya kurang dari separuh bobot tidak diberi predikat dan peringkat. Predikat mengikuti ' +
    'rentang kinerja IKM PermenPANRB 14/2017.',
  components: COMPONENT_KEYS.map((key) => storedComponent(key, DEFAULT_WEIGHTS[key])),
  grades: DEFAULT_GRADES.map((grade) => ({ ...grade })),
  minimumCoverage: DEFAULT_MINIMUM_COVERAGE,
};

/** A parameter's value in a version (the definition's default when the version lacks it). */
export function parameterValue(component: StoredComponent, key: string): number {
  const stored = component.parameters.find((parameter) => parameter.key === key);
  if (stored) return stored.value;
  const definition = COMPONENT_DEFINITIONS[component.key].parameters.find((p) => p.key === key);
  if (!definition) throw new Error(`unknown parameter ${component.key}.${key}`);
  return definition.value;
}
