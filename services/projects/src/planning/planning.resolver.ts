import type { RequestLoaders } from '@sipadu/service-kit';
import { access } from '../access.js';
import type { ServiceContext } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';
import type { PlanningCodeRecord } from './planning-code.model.js';
import { LEVEL_LABELS } from './planning-code.parser.js';
import type { ChildCount, PlanningCodeService } from './planning-code.service.js';

/** Children of many codes in one aggregate per request tick (no N+1 over a list). */
function childCountLoader(loaders: RequestLoaders, planning: PlanningCodeService) {
  return loaders.get<ChildCount>(
    'planning.childCount',
    (parentIds) => planning.childCounts(parentIds),
    (counted) => counted.parentId,
  );
}

/** Codes by `_id`, batched: the ancestors of every code of a list in one lookup. */
function codeLoader(loaders: RequestLoaders, planning: PlanningCodeService) {
  return loaders.get<PlanningCodeRecord>(
    'planning.code',
    (ids) => planning.byIds(ids),
    (record) => record._id,
  );
}

const isRecord = (value: PlanningCodeRecord | Error | null): value is PlanningCodeRecord =>
  value !== null && !(value instanceof Error);

/** Planning codes (Permendagri 90/2019): queries, import and activation, and their types. */
export const planningResolvers = {
  Query: {
    planningCodeVersions: (_root, _args, { principal, services }) => {
      access.require(principal, 'Query.planningCodeVersions');
      return services.planning.versions();
    },
    planningCodes: (_root, args, { principal, services }) => {
      access.require(principal, 'Query.planningCodes');
      return services.planning.list(args);
    },
    planningCode: (_root, { code, kind, versionId }, { principal, services }) => {
      access.require(principal, 'Query.planningCode');
      return services.planning.get(code, kind ?? 'NOMENCLATURE', versionId);
    },
    planningCodeImports: (_root, { first }, { principal, services }) => {
      access.require(principal, 'Query.planningCodeImports');
      return services.planning.imports(first);
    },
  },
  Mutation: {
    importPlanningCodes: (_root, { input }, { principal, services }) =>
      services.planning.import(principal, input),
    activatePlanningCodeVersion: (_root, { id }, { principal, services }) =>
      services.planning.activate(principal, id),
  },
  PlanningCode: {
    levelLabel: (code) => LEVEL_LABELS[code.level],
    childCount: async (code, _args, { loaders, services }) =>
      (await childCountLoader(loaders, services.planning).load(code._id))?.count ?? 0,
    path: async (code, _args, { loaders, services }) => {
      const ancestors = await codeLoader(loaders, services.planning).loadMany(
        services.planning.ancestorIds(code),
      );
      return [...ancestors.filter(isRecord), code];
    },
  },
  PlanningCodeVersion: {
    id: (version) => version._id,
    nomenclatureCount: (version) => version.counts?.NOMENCLATURE ?? 0,
    accountCount: (version) => version.counts?.ACCOUNT ?? 0,
    createdAt: (version) => new Date(version.createdAt).toISOString(),
  },
  PlanningCodeImport: {
    id: (report) => report._id,
    importedAt: (report) => new Date(report.importedAt).toISOString(),
    rejections: (report) => report.rejections ?? [],
  },
} satisfies Resolvers<ServiceContext>;
