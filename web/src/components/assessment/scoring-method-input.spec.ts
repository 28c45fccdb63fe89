import { describe, expect, it } from 'vitest';
import {
  formValuesOf,
  methodInput,
  methodProblems,
  weightSum,
  type MethodFormValues,
} from './scoring-method-input';

const METHOD = {
  name: 'Penilaian kinerja 2026',
  description: 'Uraian',
  components: [
    {
      key: 'SATISFACTION' as const,
      label: 'IKM',
      weight: 40,
      parameters: [{ key: 'minRespondents', label: 'Responden minimum', value: 30 }],
    },
    { key: 'COMPLAINT_HANDLING' as const, label: 'Pengaduan', weight: 30, parameters: [] },
    { key: 'SERVICE_TIME' as const, label: 'Waktu layanan', weight: 20, parameters: [] },
    { key: 'LOAN_PROJECT_DELAY' as const, label: 'Proyek', weight: 10, parameters: [] },
  ],
  grades: [
    { grade: 'A', label: 'Sangat Baik', minScore: 85 },
    { grade: 'B', label: 'Baik', minScore: 70 },
    { grade: 'C', label: 'Cukup', minScore: 55 },
    { grade: 'D', label: 'Kurang', minScore: 0 },
  ],
  minimumCoverage: 50,
};

const edit = (change: (values: MethodFormValues) => void): MethodFormValues => {
  const values = formValuesOf(METHOD);
  change(values);
  return values;
};

describe('scoring method form', () => {
  it('accepts the method in force and sends it back as the mutation input', () => {
    const values = formValuesOf(METHOD);
    expect(weightSum(values)).toBe(100);
    expect(methodProblems(values)).toEqual({});
    expect(methodInput(values)).toEqual({
      name: METHOD.name,
      description: METHOD.description,
      components: [
        { key: 'SATISFACTION', weight: 40, parameters: [{ key: 'minRespondents', value: 30 }] },
        { key: 'COMPLAINT_HANDLING', weight: 30, parameters: [] },
        { key: 'SERVICE_TIME', weight: 20, parameters: [] },
        { key: 'LOAN_PROJECT_DELAY', weight: 10, parameters: [] },
      ],
      grades: METHOD.grades,
      minimumCoverage: 50,
    });
  });

  it('sums the weights as typed, rounding away float noise, and wants exactly 100', () => {
    const thirds = edit((values) => {
      values.components[0]!.weight = '33,33';
      values.components[1]!.weight = 33.33;
      values.components[2]!.weight = 33.34;
      values.components[3]!.weight = 0;
    });
    expect(weightSum(thirds)).toBe(100);
    expect(methodProblems(thirds)).toEqual({});
    const short = edit((values) => {
      values.components[3]!.weight = '';
    });
    expect(weightSum(short)).toBe(90);
    expect(methodProblems(short)).toMatchObject({ weights: 'weightSum' });
  });

  it('names the field of each problem', () => {
    const values = edit((draft) => {
      draft.name = ' ';
      draft.components[0]!.weight = 140;
      draft.components[1]!.weight = -40;
      draft.components[0]!.parameters[0]!.value = 'abc';
      draft.grades[1]!.minScore = 90;
      draft.grades[2]!.label = '';
      draft.minimumCoverage = 120;
    });
    expect(methodProblems(values)).toEqual({
      name: 'nameRequired',
      'components.0.weight': 'weightRange',
      'components.1.weight': 'weightRange',
      'components.0.parameters.0.value': 'parameterNumber',
      weights: 'weightSum',
      'grades.1.minScore': 'gradeOrder',
      'grades.2.grade': 'gradeRequired',
      minimumCoverage: 'coverageRange',
    });
  });
});
