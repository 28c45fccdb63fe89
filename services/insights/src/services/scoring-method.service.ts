import { badInput, conflict, type Logger, type Principal } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import { access } from '../access.js';
import type { ScoringMethod, ScoringMethodInput } from '../generated/graphql.js';
import {
  scoringMethodModel,
  type ScoringMethodModel,
  type ScoringMethodRecord,
} from '../models/scoring-method.model.js';
import {
  COMPONENT_DEFINITIONS,
  COMPONENT_KEYS,
  DEFAULT_METHOD,
  DEFAULT_MINIMUM_COVERAGE,
  parameterValue,
  storedComponent,
  type MethodDefinition,
  type StoredComponent,
  type StoredGrade,
} from '../scoring/default-method.js';

const DUPLICATE_KEY = 11000;
const isDuplicate = (error: unknown) => (error as { code?: number }).code === DUPLICATE_KEY;
/** Weights are sums of decimals typed by people: 33,33 + 33,33 + 33,34 must pass as 100. */
const WEIGHT_TOLERANCE = 1e-6;
const GRADE_PATTERN = /^[A-Z][A-Z0-9+-]{0,3}$/;

/** A stored version as the method the scoring reads. */
export function methodOf(record: ScoringMethodRecord): MethodDefinition {
  return {
    version: record._id,
    name: record.name,
    description: record.description,
    components: record.components,
    grades: record.grades,
    minimumCoverage: record.minimumCoverage ?? DEFAULT_MINIMUM_COVERAGE,
  };
}

/** A stored version as the GraphQL ScoringMethod. */
export function methodView(record: ScoringMethodRecord): ScoringMethod {
  return {
    ...methodOf(record),
    components: record.components.map((component) => ({
      key: component.key,
      label: component.label,
      weight: component.weight,
      formula: component.formula,
      parameters: component.parameters.map((p) => ({ key: p.key, label: p.label, value: p.value })),
    })),
    grades: record.grades.map((g) => ({ grade: g.grade, label: g.label, minScore: g.minScore })),
    publishedAt: record.publishedAt.toISOString(),
    publishedBy: record.publishedBy,
  };
}

function text(value: string, field: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw badInput(`${field} harus ${min}–${max} karakter.`);
  }
  return trimmed;
}

/**
 * Checks a new version against the rules of docs/penilaian-kinerja.md: each of the four
 * components exactly once, weights ≥ 0 summing to 100, known parameters within their ranges
 * (those left out keep the current version's value), the complaint sub-weights summing to 100,
 * and grades with strictly descending minimums ending at 0. BAD_USER_INPUT names the field.
 */
export function validateMethodInput(
  input: ScoringMethodInput,
  current: MethodDefinition,
): Omit<MethodDefinition, 'version'> {
  const name = text(input.name, 'Nama metode', 3, 120);
  const description = text(input.description, 'Uraian metode', 10, 4000);

  const components: StoredComponent[] = [];
  for (const key of COMPONENT_KEYS) {
    const definition = COMPONENT_DEFINITIONS[key];
    const given = input.components.filter((component) => component.key === key);
    if (given.length !== 1) {
      throw badInput(`Komponen "${definition.label}" (${key}) harus ada tepat satu kali.`);
    }
    const { weight, parameters } = given[0]!;
    if (!Number.isFinite(weight) || weight < 0 || weight > 100) {
      throw badInput(`Bobot komponen "${definition.label}" harus antara 0 dan 100.`);
    }
    const currentComponent = current.components.find((component) => component.key === key);
    const values: Record<string, number> = {};
    for (const parameter of definition.parameters) {
      values[parameter.key] = currentComponent
        ? parameterValue(currentComponent, parameter.key)
        : parameter.value;
    }
    const seen = new Set<string>();
    for (const { key: parameterKey, value } of parameters ?? []) {
      const known = definition.parameters.find((parameter) => parameter.key === parameterKey);
      if (!known) {
        throw badInput(
          `Parameter "${parameterKey}" tidak dikenal untuk komponen "${definition.label}".`,
        );
      }
      if (seen.has(parameterKey)) {
        throw badInput(`Parameter "${parameterKey}" disebut lebih dari sekali.`);
      }
      seen.add(parameterKey);
      if (!Number.isFinite(value) || value < known.min || value > known.max) {
        throw badInput(
          `Parameter "${known.label}" (${parameterKey}) harus antara ${known.min} dan ${known.max}.`,
        );
      }
      values[parameterKey] = value;
    }
    if (key === 'SERVICE_TIME' && !Number.isInteger(values.includeWorkItems)) {
      throw badInput('Parameter "includeWorkItems" harus 0 atau 1.');
    }
    if (key === 'COMPLAINT_HANDLING') {
      const sum = values.onTimeAnswerShare! + values.closedShare! + values.rating!;
      if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
        throw badInput(
          `Bobot ukuran penanganan pengaduan (onTimeAnswerShare, closedShare, rating) harus berjumlah 100 (sekarang ${sum}).`,
        );
      }
    }
    components.push(storedComponent(key, weight, values));
  }
  const unknown = input.components.find(
    (component) => !(COMPONENT_KEYS as readonly string[]).includes(component.key),
  );
  if (unknown) throw badInput(`Komponen "${unknown.key}" tidak dikenal.`);
  const total = components.reduce((sum, component) => sum + component.weight, 0);
  if (Math.abs(total - 100) > WEIGHT_TOLERANCE) {
    throw badInput(`Jumlah bobot komponen harus 100 (sekarang ${Number(total.toFixed(6))}).`);
  }

  if (input.grades.length === 0) throw badInput('Predikat wajib diisi, minimal satu.');
  const grades: StoredGrade[] = [];
  for (const [position, given] of input.grades.entries()) {
    const grade = given.grade.trim().toUpperCase();
    if (!GRADE_PATTERN.test(grade)) {
      throw badInput(`Kode predikat "${given.grade}" tidak valid (contoh: A, B, C, D).`);
    }
    if (grades.some((other) => other.grade === grade)) {
      throw badInput(`Kode predikat "${grade}" disebut lebih dari sekali.`);
    }
    const label = text(given.label, `Label predikat ${grade}`, 2, 60);
    if (!Number.isFinite(given.minScore) || given.minScore < 0 || given.minScore > 100) {
      throw badInput(`Nilai minimum predikat ${grade} harus antara 0 dan 100.`);
    }
    const previous = grades[position - 1];
    if (previous && given.minScore >= previous.minScore) {
      throw badInput(
        `Nilai minimum predikat harus menurun: ${grade} (${given.minScore}) harus lebih kecil dari ${previous.grade} (${previous.minScore}).`,
      );
    }
    grades.push({ grade, label, minScore: given.minScore });
  }
  if (grades.at(-1)!.minScore !== 0) {
    throw badInput('Predikat terakhir harus bernilai minimum 0 agar setiap nilai berpredikat.');
  }
  const minimumCoverage = input.minimumCoverage ?? current.minimumCoverage;
  if (!Number.isFinite(minimumCoverage) || minimumCoverage < 0 || minimumCoverage > 100) {
    throw badInput('Cakupan data minimum harus antara 0 dan 100 (persen bobot).');
  }
  return { name, description, components, grades, minimumCoverage };
}

/** The versioned scoring method (DOMAIN.md §7 penilaian kinerja): weights and thresholds as data. */
export class ScoringMethodService {
  private readonly model: ScoringMethodModel;
  private readonly logger: Logger;

  constructor(options: { connection: Connection; logger: Logger }) {
    this.model = scoringMethodModel(options.connection);
    this.logger = options.logger;
  }

  /** Inserts version 1 when no version exists yet (another replica may do so at the same time). */
  async init(): Promise<void> {
    await this.model.createCollection().catch(() => undefined);
    if (await this.model.exists({})) return;
    const { version, ...method } = DEFAULT_METHOD;
    try {
      await this.model.create({
        _id: version,
        ...method,
        publishedAt: new Date(),
        publishedBy: null,
        publishedById: null,
      });
      this.logger.info({ version }, 'default scoring method inserted');
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  }

  /** The stored current version (the highest number). */
  async currentRecord(): Promise<ScoringMethodRecord> {
    const record = await this.model.findOne().sort({ _id: -1 }).lean<ScoringMethodRecord>().exec();
    if (record) return record;
    // init() inserts version 1; this only covers a collection emptied by hand.
    await this.init();
    return this.currentRecord();
  }

  async current(): Promise<ScoringMethod> {
    return methodView(await this.currentRecord());
  }

  /** Every version, newest first. */
  async versions(): Promise<ScoringMethod[]> {
    const records = await this.model.find().sort({ _id: -1 }).lean<ScoringMethodRecord[]>().exec();
    return records.map(methodView);
  }

  /**
   * Publishes the next version (super-admin). Two publishers working from the same version claim
   * the same number: the second gets CONFLICT and must reload.
   */
  async publish(input: ScoringMethodInput, principal: Principal | null): Promise<ScoringMethod> {
    const caller = access.require(principal, 'Mutation.updateScoringMethod');
    const current = await this.currentRecord();
    const method = validateMethodInput(input, methodOf(current));
    const record: ScoringMethodRecord = {
      _id: current._id + 1,
      ...method,
      publishedAt: new Date(),
      publishedBy: caller.name ?? caller.username,
      publishedById: caller.id,
    };
    try {
      await this.model.create(record);
    } catch (error) {
      if (isDuplicate(error)) {
        throw conflict(
          `Versi ${record._id} metode penilaian baru saja diterbitkan orang lain. Muat ulang lalu periksa perubahan Anda.`,
        );
      }
      throw error;
    }
    this.logger.info({ version: record._id, by: caller.id }, 'scoring method published');
    return methodView(record);
  }
}
