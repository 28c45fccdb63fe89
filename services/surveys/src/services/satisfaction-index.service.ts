import { badInput, notFound } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import {
  aggregateKey,
  satisfactionAggregateModel,
  type SatisfactionAggregateModel,
  type SatisfactionAggregateRecord,
} from '../models/satisfaction-aggregate.model.js';
import { decodeCounts } from './aggregation.service.js';
import { periodEndingIn, previousPeriods, toPeriod } from './period.js';
import type { PopulationService } from './population.service.js';
import type { QuestionnaireService } from './questionnaire.service.js';
import { ELEMENT_WEIGHT, indexOf, sampleAdequacy } from './satisfaction-index.js';
import {
  PROFILE_KEYS,
  type IndexScope,
  type OrganizationNames,
  type PeriodGranularity,
  type PeriodInput,
  type PeriodView,
  type ProfileCountView,
  type ProfileKey,
  type QuestionnaireView,
  type SatisfactionIndexView,
  type ServiceDirectory,
} from './types.js';

export const PEMDA_NAME = 'Pemerintah Daerah';
export const MAX_TREND_PERIODS = 24;

type AggregateCounts = Pick<SatisfactionAggregateRecord, '_id' | 'counts'>;

/** The index of one scope and period from its aggregate's counters (pure). */
export function indexView(options: {
  scope: IndexScope;
  scopeId: string | null;
  scopeName: string;
  period: PeriodView;
  counts: Record<string, number> | undefined;
  population: number | null;
  questionnaire: QuestionnaireView;
}): SatisfactionIndexView {
  const { questionnaire } = options;
  const decoded = decodeCounts(options.counts, questionnaire);
  const result = indexOf(decoded.elements);
  const profile = Object.fromEntries(
    PROFILE_KEYS.map((key) => {
      const field = questionnaire.profileFields.find((candidate) => candidate.key === key);
      const counts: ProfileCountView[] = (field?.options ?? []).map((option) => ({
        code: option.code,
        label: option.label,
        count: decoded.profile[key].get(option.code) ?? 0,
      }));
      return [key, counts];
    }),
  ) as Record<ProfileKey, ProfileCountView[]>;
  return {
    scope: options.scope,
    scopeId: options.scopeId,
    scopeName: options.scopeName,
    period: options.period,
    respondents: decoded.respondents,
    elements: questionnaire.elements.map((element, index) => {
      const totals = decoded.elements[index]!;
      const value = result.nrrs[index] ?? null;
      return {
        element,
        total: totals.total,
        answers: totals.answers,
        nrr: value,
        weightedNrr: value === null ? null : value * ELEMENT_WEIGHT,
        distribution: totals.distribution,
      };
    }),
    ikm: result.ikm,
    ikmConverted: result.ikmConverted,
    grade: result.grade,
    performance: result.performance,
    ...sampleAdequacy(decoded.respondents, options.population),
    profile,
  };
}

/**
 * Indeks Kepuasan Masyarakat of a service, an organization or the Pemda per period, read from
 * the aggregates (one `_id` lookup per index), never from the raw responses: the cost is the
 * same at 100 or 1,000,000 responses. Public: no principal needed.
 */
export class SatisfactionIndexService {
  private readonly aggregates: SatisfactionAggregateModel;
  private readonly questionnaire: QuestionnaireService;
  private readonly standards: ServiceDirectory;
  private readonly organizationNames: OrganizationNames;
  private readonly populations: PopulationService;
  readonly timeZone: string;

  constructor(options: {
    connection: Connection;
    questionnaire: QuestionnaireService;
    standards: ServiceDirectory;
    organizations: OrganizationNames;
    populations: PopulationService;
    timeZone: string;
  }) {
    this.aggregates = satisfactionAggregateModel(options.connection);
    this.questionnaire = options.questionnaire;
    this.standards = options.standards;
    this.organizationNames = options.organizations;
    this.populations = options.populations;
    this.timeZone = options.timeZone;
  }

  /** The index of one scope (`id`: service id, organization code, or null for the Pemda). */
  async index(
    scope: IndexScope,
    id: string | null | undefined,
    period: PeriodInput | PeriodView,
  ): Promise<SatisfactionIndexView> {
    const view = toPeriod(period);
    const { scopeId, scopeName } = await this.scopeOf(scope, id);
    const [questionnaire, aggregate, population] = await Promise.all([
      this.questionnaire.current(),
      this.aggregates
        .findOne({ _id: aggregateKey(scope, scopeId, view.key) }, { counts: 1 })
        .lean<AggregateCounts>()
        .exec(),
      this.populations.population(scope, scopeId, view.key),
    ]);
    return indexView({
      scope,
      scopeId,
      scopeName,
      period: view,
      counts: aggregate?.counts,
      population,
      questionnaire,
    });
  }

  /** `count` consecutive periods of `granularity` ending with the one that ends `until`, oldest first. */
  async trend(
    scope: IndexScope,
    id: string | null | undefined,
    granularity: PeriodGranularity,
    until: PeriodInput | PeriodView,
    count = 6,
  ): Promise<SatisfactionIndexView[]> {
    if (!Number.isInteger(count) || count < 1 || count > MAX_TREND_PERIODS)
      throw badInput(`Jumlah periode tren harus antara 1 dan ${MAX_TREND_PERIODS}.`);
    const periods = previousPeriods(periodEndingIn(toPeriod(until), granularity), count);
    const { scopeId, scopeName } = await this.scopeOf(scope, id);
    const keys = periods.map((period) => aggregateKey(scope, scopeId, period.key));
    const [questionnaire, aggregates, populations] = await Promise.all([
      this.questionnaire.current(),
      this.aggregates
        .find({ _id: { $in: keys } }, { counts: 1 })
        .lean<AggregateCounts[]>()
        .exec(),
      this.populations.populations(
        scope,
        scopeId,
        periods.map((period) => period.key),
      ),
    ]);
    const byId = new Map(aggregates.map((aggregate) => [aggregate._id, aggregate.counts]));
    return periods.map((period, index) =>
      indexView({
        scope,
        scopeId,
        scopeName,
        period,
        counts: byId.get(keys[index]!),
        population: populations.get(period.key) ?? null,
        questionnaire,
      }),
    );
  }

  /**
   * Every organization's index in one period, highest converted value first (organizations with
   * published services but no respondent yet last, by name).
   */
  async organizations(period: PeriodInput | PeriodView): Promise<SatisfactionIndexView[]> {
    const view = toPeriod(period);
    const [questionnaire, aggregates, services, populations] = await Promise.all([
      this.questionnaire.current(),
      this.aggregates
        .find({ periodKey: view.key, scope: 'ORGANIZATION' }, { scopeId: 1, counts: 1 })
        .lean<Pick<SatisfactionAggregateRecord, 'scopeId' | 'counts'>[]>()
        .exec(),
      this.standards.serviceRefs({ publishedOnly: true }),
      this.populations.populationsByOrganization(view.key),
    ]);
    const names = new Map<string, string>();
    for (const service of services) names.set(service.organizationCode, service.organizationName);
    const unnamed = aggregates
      .map((aggregate) => aggregate.scopeId!)
      .filter((code) => code && !names.has(code));
    if (unnamed.length > 0) {
      for (const [code, name] of await this.organizationNames.names(unnamed)) names.set(code, name);
    }
    const countsByCode = new Map(
      aggregates.map((aggregate) => [aggregate.scopeId!, aggregate.counts]),
    );
    const codes = new Set([...names.keys(), ...countsByCode.keys()]);
    const rows = [...codes].map((code) =>
      indexView({
        scope: 'ORGANIZATION',
        scopeId: code,
        scopeName: names.get(code) ?? code,
        period: view,
        counts: countsByCode.get(code),
        population: populations.get(code) ?? null,
        questionnaire,
      }),
    );
    return rows.sort(
      (a, b) =>
        (b.ikmConverted ?? -1) - (a.ikmConverted ?? -1) ||
        a.scopeName.localeCompare(b.scopeName, 'id'),
    );
  }

  private async scopeOf(
    scope: IndexScope,
    id: string | null | undefined,
  ): Promise<{ scopeId: string | null; scopeName: string }> {
    if (scope === 'PEMDA') return { scopeId: null, scopeName: PEMDA_NAME };
    const scopeId = id?.trim();
    if (scope === 'SERVICE') {
      if (!scopeId) throw badInput('Id layanan wajib diisi.');
      const service = await this.standards.serviceRef(scopeId);
      // A service never published has no respondents, and its draft name is not public.
      if (!service?.published) throw notFound('Layanan tidak ditemukan.');
      return { scopeId: service.id, scopeName: service.name };
    }
    if (!scopeId) throw badInput('Kode organisasi wajib diisi.');
    const name = await this.organizationNames.name(scopeId);
    if (!name) throw notFound('Organisasi tidak ditemukan.');
    return { scopeId, scopeName: name };
  }
}
