import type { Resolvers } from '../generated/graphql.js';
import { REPORT_STATUS_LABELS } from '../services/progress.service.js';

const isoOrNull = (value: Date | string | null | undefined) =>
  value ? new Date(value).toISOString() : null;

/** Progress plan, reports with photos and videos, and the S-curve. */
export const progressResolvers: Resolvers = {
  Mutation: {
    saveProgressPlan: (_root, { projectId, points }, { principal, services }) =>
      services.progress.savePlan(principal, projectId, points),
    submitProgressReport: (_root, { projectId, input }, { principal, services }) =>
      services.progress.submitReport(principal, projectId, input),
    reviewProgressReport: (
      _root,
      { projectId, reportId, decision, note },
      { principal, services },
    ) => services.progress.review(principal, projectId, reportId, decision, note),
  },
  LoanProject: {
    progressPlan: async (project, _args, { loaders, services }) =>
      services.progress.planOf(await services.projects.full(loaders, project)),
    progressReports: async (project, _args, { loaders, services }) =>
      services.progress.reportsOf(await services.projects.full(loaders, project)),
    physicalProgress: (project) => project.physicalProgress ?? 0,
    financialProgress: (project) => project.financialProgress ?? 0,
    behindPlan: (project) => Boolean(project.behindPlan),
    sCurve: async (project, _args, { loaders, services }) =>
      services.progress.sCurveOf(await services.projects.full(loaders, project)),
    viewerCanReportProgress: async (project, _args, { principal, loaders, services }) =>
      services.progress.canReport(principal, await services.projects.full(loaders, project)),
  },
  ProgressReport: {
    status: (report) => report.state,
    statusLabel: (report) => REPORT_STATUS_LABELS[report.state],
    submittedAt: (report) => new Date(report.submittedAt).toISOString(),
    reviewedAt: (report) => isoOrNull(report.reviewedAt),
  },
  ProgressMedia: {
    // A reference to the documents service's entity; it decides whether the caller may open it.
    file: (media) => ({ __typename: 'StoredFile', id: media.fileId }),
    capturedAt: (media) => isoOrNull(media.capturedAt),
  },
};
