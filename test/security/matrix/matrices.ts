// Every service's authorization table, in the order the runner prepares and runs them.
import { consultationsMatrix } from './consultations.matrix.js';
import { documentsMatrix } from './documents.matrix.js';
import { identityMatrix } from './identity.matrix.js';
import { insightsMatrix } from './insights.matrix.js';
import type { ServiceMatrix } from './matrix.types.js';
import { notificationsMatrix } from './notifications.matrix.js';
import { projectsMatrix } from './projects.matrix.js';
import { surveysMatrix } from './surveys.matrix.js';

export const MATRICES: readonly ServiceMatrix[] = [
  identityMatrix,
  documentsMatrix,
  notificationsMatrix,
  projectsMatrix,
  surveysMatrix,
  consultationsMatrix,
  insightsMatrix,
];
