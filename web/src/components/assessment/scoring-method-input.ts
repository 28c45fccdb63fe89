// The scoring method form's values and their checks, shared by the form and its unit test. The
// service checks the same rules (BAD_USER_INPUT); checking here first shows them next to the field.
import type { AssessmentComponentKey, ScoringMethodInput } from '@/gql/graphql';

export interface MethodFormValues {
  name: string;
  description: string;
  components: {
    key: AssessmentComponentKey;
    label: string;
    weight: number | string;
    parameters: { key: string; label: string; value: number | string }[];
  }[];
  grades: { grade: string; label: string; minScore: number | string }[];
  minimumCoverage: number | string;
}

interface MethodLike {
  name: string;
  description: string;
  components: readonly {
    key: AssessmentComponentKey;
    label: string;
    weight: number;
    parameters: readonly { key: string; label: string; value: number }[];
  }[];
  grades: readonly { grade: string; label: string; minScore: number }[];
  minimumCoverage: number;
}

/** The form's starting values: the method in force. */
export function formValuesOf(method: MethodLike): MethodFormValues {
  return {
    name: method.name,
    description: method.description,
    components: method.components.map((component) => ({
      key: component.key,
      label: component.label,
      weight: component.weight,
      parameters: component.parameters.map(({ key, label, value }) => ({ key, label, value })),
    })),
    grades: method.grades.map(({ grade, label, minScore }) => ({ grade, label, minScore })),
    minimumCoverage: method.minimumCoverage,
  };
}

/** A number input's value as a number (Mantine gives '' for an empty field). */
export function numeric(value: number | string): number {
  if (typeof value === 'number') return value;
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** Sum of the weights, rounded to hundredths so 33.33 + 33.33 + 33.34 reads 100. */
export function weightSum(values: Pick<MethodFormValues, 'components'>): number {
  const sum = values.components.reduce((total, component) => {
    const weight = numeric(component.weight);
    return total + (Number.isFinite(weight) ? weight : 0);
  }, 0);
  return Math.round(sum * 100) / 100;
}

export type MethodProblem =
  | 'nameRequired'
  | 'weightRange'
  | 'weightSum'
  | 'parameterNumber'
  | 'gradeRequired'
  | 'gradeRange'
  | 'gradeOrder'
  | 'coverageRange';

/** Problems of the form by field path (`components.0.weight`, `grades.1.minScore` …). */
export function methodProblems(values: MethodFormValues): Record<string, MethodProblem> {
  const problems: Record<string, MethodProblem> = {};
  if (!values.name.trim()) problems.name = 'nameRequired';
  values.components.forEach((component, index) => {
    const weight = numeric(component.weight);
    if (!Number.isFinite(weight) || weight < 0 || weight > 100) {
      problems[`components.${index}.weight`] = 'weightRange';
    }
    component.parameters.forEach((parameter, parameterIndex) => {
      if (!Number.isFinite(numeric(parameter.value))) {
        problems[`components.${index}.parameters.${parameterIndex}.value`] = 'parameterNumber';
      }
    });
  });
  if (weightSum(values) !== 100) problems.weights = 'weightSum';
  values.grades.forEach((grade, index) => {
    const previous = values.grades[index - 1];
    if (!grade.grade.trim() || !grade.label.trim())
      problems[`grades.${index}.grade`] = 'gradeRequired';
    const minScore = numeric(grade.minScore);
    if (!Number.isFinite(minScore) || minScore < 0 || minScore > 100) {
      problems[`grades.${index}.minScore`] = 'gradeRange';
    } else if (previous && !(minScore < numeric(previous.minScore))) {
      // From the best predicate down: every threshold below the one before it.
      problems[`grades.${index}.minScore`] = 'gradeOrder';
    }
  });
  const coverage = numeric(values.minimumCoverage);
  if (!Number.isFinite(coverage) || coverage < 0 || coverage > 100) {
    problems.minimumCoverage = 'coverageRange';
  }
  return problems;
}

/** The mutation's input from valid form values. */
export function methodInput(values: MethodFormValues): ScoringMethodInput {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    components: values.components.map((component) => ({
      key: component.key,
      weight: numeric(component.weight),
      parameters: component.parameters.map(({ key, value }) => ({ key, value: numeric(value) })),
    })),
    grades: values.grades.map(({ grade, label, minScore }) => ({
      grade: grade.trim(),
      label: label.trim(),
      minScore: numeric(minScore),
    })),
    minimumCoverage: numeric(values.minimumCoverage),
  };
}
