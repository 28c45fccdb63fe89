import type { RequestLoaders } from '@sipadu/service-kit';
import type { LoanProjectResolvers } from '../generated/graphql.js';

/** The subject type under which documents and requirements of a loan project are filed. */
export const LOAN_PROJECT = 'LoanProject';

/**
 * One list per project id, fetched for every project of the request at once: the gateway asks
 * for N projects' `requirements` in one `_entities` call, which becomes one query here.
 */
function batched<T>(
  loaders: RequestLoaders,
  name: string,
  fetch: (ids: readonly string[]) => Promise<Map<string, T[]>>,
  id: string,
): Promise<T[]> {
  return loaders
    .get(
      name,
      async (ids) => [...(await fetch(ids)).entries()].map(([key, rows]) => ({ key, rows })),
      (group) => group.key,
    )
    .load(id)
    .then((group) => group?.rows ?? []);
}

/** The projects service's loan project, with its document requirements and documents. */
export const loanProjectResolvers: LoanProjectResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  requirements: (project, _args, { principal, services, loaders }) =>
    batched(
      loaders,
      'loanProjectRequirements',
      (ids) => services.requirements.forSubjects(principal, LOAN_PROJECT, ids),
      project.id,
    ),
  documents: (project, _args, { principal, services, loaders }) =>
    batched(
      loaders,
      'loanProjectDocuments',
      (ids) => services.documents.forSubjects(principal, LOAN_PROJECT, ids),
      project.id,
    ),
};
