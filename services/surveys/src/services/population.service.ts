import { badInput, forbidden, notFound, type Principal } from '@sipadu/service-kit';
import type { Connection, mongo } from 'mongoose';
import { access, canEditOrganization } from '../access.js';
import {
  populationKey,
  servicePopulationModel,
  type ServicePopulationModel,
  type ServicePopulationRecord,
} from '../models/service-population.model.js';
import { periodFromKey, toPeriod } from './period.js';
import { krejcieMorgan } from './satisfaction-index.js';
import type { IndexScope, PeriodInput, PeriodView, ServiceDirectory, ServiceRef } from './types.js';

export const MAX_POPULATION = 10_000_000;
/** Rows one import may hold (a Pemda has at most a few hundred services × a few periods). */
export const MAX_IMPORT_ROWS = 5_000;

/** = GraphQL ServicePopulation. */
export interface ServicePopulationView {
  serviceId: string;
  period: PeriodView;
  population: number;
  minimumSample: number;
  updatedAt: string;
}

export type PopulationRejectionReason =
  | 'MALFORMED_ROW'
  | 'UNKNOWN_SERVICE'
  | 'INVALID_PERIOD'
  | 'INVALID_POPULATION'
  | 'FORBIDDEN'
  | 'DUPLICATE';

export interface PopulationImportResultView {
  imported: number;
  rejected: { row: number; reason: PopulationRejectionReason; message: string }[];
}

function toView(record: ServicePopulationRecord): ServicePopulationView {
  return {
    serviceId: record.serviceId,
    period: periodFromKey(record.periodKey),
    population: record.population,
    minimumSample: krejcieMorgan(record.population),
    updatedAt: record.updatedAt.toISOString(),
  };
}

function validPopulation(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_POPULATION;
}

const POPULATION_RANGE = `Populasi harus bilangan bulat 0 sampai ${MAX_POPULATION.toLocaleString('id-ID')}.`;

/**
 * The population each service served per period (entered or imported by the organization's
 * editors), behind the Krejcie & Morgan minimum sample of every index. One document per service
 * and period; an organization's or the Pemda's population is the sum over its services.
 */
export class PopulationService {
  private readonly model: ServicePopulationModel;
  private readonly standards: ServiceDirectory;

  constructor(options: { connection: Connection; standards: ServiceDirectory }) {
    this.model = servicePopulationModel(options.connection);
    this.standards = options.standards;
  }

  async init(): Promise<void> {
    await this.model.init();
  }

  /**
   * The population of a scope in a period: a service's recorded value, or the sum over an
   * organization's (or every) service with a value recorded; null when none is recorded.
   */
  async population(
    scope: IndexScope,
    id: string | null,
    periodKey: string,
  ): Promise<number | null> {
    return (await this.populations(scope, id, [periodKey])).get(periodKey) ?? null;
  }

  /** `population` for several periods of one scope (a trend) in one query. */
  async populations(
    scope: IndexScope,
    id: string | null,
    periodKeys: readonly string[],
  ): Promise<Map<string, number | null>> {
    const result = new Map<string, number | null>(periodKeys.map((key) => [key, null]));
    if (periodKeys.length === 0) return result;
    let rows: Pick<ServicePopulationRecord, 'periodKey' | 'population'>[];
    const projection = { periodKey: 1, population: 1 };
    if (scope === 'SERVICE') {
      rows = await this.model
        .find({ _id: { $in: periodKeys.map((key) => populationKey(id ?? '', key)) } }, projection)
        .lean<typeof rows>()
        .exec();
    } else {
      const filter: Record<string, unknown> = { periodKey: { $in: [...periodKeys] } };
      if (scope === 'ORGANIZATION') filter.organizationCode = id;
      rows = await this.model.find(filter, projection).lean<typeof rows>().exec();
    }
    for (const row of rows)
      result.set(row.periodKey, (result.get(row.periodKey) ?? 0) + row.population);
    return result;
  }

  /** Populations of every organization in one period (for the Pemda ranking), by organization. */
  async populationsByOrganization(periodKey: string): Promise<Map<string, number>> {
    const rows = await this.model
      .find({ periodKey }, { organizationCode: 1, population: 1 })
      .lean<Pick<ServicePopulationRecord, 'organizationCode' | 'population'>[]>()
      .exec();
    const result = new Map<string, number>();
    for (const row of rows)
      result.set(row.organizationCode, (result.get(row.organizationCode) ?? 0) + row.population);
    return result;
  }

  /** Records one population (editors of the service's organization, super-admin). */
  async set(
    principal: Principal | null,
    input: { serviceId: string; period: PeriodInput; population: number },
  ): Promise<ServicePopulationView> {
    const caller = access.require(principal, 'Mutation.setServicePopulation');
    const service = await this.standards.serviceRef(input.serviceId);
    if (!service) throw notFound('Layanan tidak ditemukan.');
    access.assert(caller, 'Mutation.setServicePopulation', {
      organizationCode: service.organizationCode,
    });
    const period = toPeriod(input.period);
    if (!validPopulation(input.population)) throw badInput(POPULATION_RANGE);
    return toView(await this.save(service, period.key, input.population, caller.id));
  }

  /**
   * Imports `layanan_id;periode;populasi` rows (`,` also accepted; a header row is optional).
   * Rows the caller may not write, or that are malformed, are reported; the others are saved.
   */
  async import(principal: Principal | null, csv: string): Promise<PopulationImportResultView> {
    const caller = access.require(principal, 'Mutation.importServicePopulations');
    const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    if (lines.filter((line) => line.trim() !== '').length > MAX_IMPORT_ROWS + 1)
      throw badInput(
        `Berkas impor paling banyak ${MAX_IMPORT_ROWS.toLocaleString('id-ID')} baris.`,
      );
    const rejected: PopulationImportResultView['rejected'] = [];
    const accepted: { service: ServiceRef; periodKey: string; population: number }[] = [];
    const seen = new Map<string, number>();
    const services = new Map<string, Promise<ServiceRef | null>>();
    const serviceOf = (id: string) => {
      let found = services.get(id);
      if (!found) {
        found = this.standards.serviceRef(id);
        services.set(id, found);
      }
      return found;
    };

    for (const [index, rawLine] of lines.entries()) {
      const row = index + 1;
      const line = rawLine.trim();
      if (line === '') continue;
      const cells = line
        .split(line.includes(';') ? ';' : ',')
        .map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
      if (index === 0 && /^layanan_id$/i.test(cells[0] ?? '')) continue;
      const reject = (reason: PopulationRejectionReason, message: string) =>
        rejected.push({ row, reason, message });
      if (cells.length !== 3 || cells.some((cell) => cell === '')) {
        reject('MALFORMED_ROW', 'Baris harus berisi tiga kolom: layanan_id;periode;populasi.');
        continue;
      }
      const [serviceId, periodText, populationText] = cells as [string, string, string];
      let periodKey: string;
      try {
        periodKey = periodFromKey(periodText).key;
      } catch {
        reject(
          'INVALID_PERIOD',
          `Periode "${periodText.slice(0, 20)}" tidak dikenal (contoh: 2026, 2026-S1, 2026-Q3, 2026-M07).`,
        );
        continue;
      }
      // Digits, optionally grouped by thousands with dots as people write them ("12.500").
      const population = /^(\d+|\d{1,3}(\.\d{3})+)$/.test(populationText)
        ? Number(populationText.replace(/\./g, ''))
        : Number.NaN;
      if (!validPopulation(population)) {
        reject('INVALID_POPULATION', POPULATION_RANGE);
        continue;
      }
      const service = await serviceOf(serviceId);
      if (!service) {
        reject('UNKNOWN_SERVICE', `Layanan "${serviceId.slice(0, 60)}" tidak ditemukan.`);
        continue;
      }
      if (!canEditOrganization(caller, service.organizationCode)) {
        reject('FORBIDDEN', `Anda tidak berwenang mengisi populasi layanan ${service.name}.`);
        continue;
      }
      const key = populationKey(service.id, periodKey);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        reject('DUPLICATE', `Layanan dan periode ini sudah ada di baris ${earlier}.`);
        continue;
      }
      seen.set(key, row);
      accepted.push({ service, periodKey, population });
    }

    for (const row of accepted)
      await this.save(row.service, row.periodKey, row.population, caller.id);
    return { imported: accepted.length, rejected };
  }

  /** A service's recorded populations, optionally of one year, oldest period first. */
  async list(
    principal: Principal | null,
    serviceId: string,
    year?: number | null,
  ): Promise<ServicePopulationView[]> {
    const caller = access.require(principal, 'Query.servicePopulations');
    const service = await this.standards.serviceRef(serviceId);
    if (!service) throw notFound('Layanan tidak ditemukan.');
    if (
      !access.allows(caller, 'Query.servicePopulations', {
        organizationCode: service.organizationCode,
      })
    )
      throw forbidden();
    const filter: Record<string, unknown> = { serviceId };
    if (year !== null && year !== undefined) filter.year = year;
    const rows = await this.model.find(filter).lean<ServicePopulationRecord[]>().exec();
    return rows.sort((a, b) => a.periodKey.localeCompare(b.periodKey)).map(toView);
  }

  /** Writes a population without an access check (the API after its check, and the demo seed). */
  async save(
    service: Pick<ServiceRef, 'id' | 'organizationCode'>,
    periodKey: string,
    population: number,
    updatedById: string | null,
  ): Promise<ServicePopulationRecord> {
    const period = periodFromKey(periodKey);
    const record: ServicePopulationRecord = {
      _id: populationKey(service.id, period.key),
      serviceId: service.id,
      organizationCode: service.organizationCode,
      periodKey: period.key,
      year: period.year,
      population,
      updatedAt: new Date(),
      updatedById,
    };
    await (
      this.model.collection as unknown as mongo.Collection<ServicePopulationRecord>
    ).replaceOne({ _id: record._id }, record, { upsert: true });
    return record;
  }
}
