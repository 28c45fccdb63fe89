import { consultationFlow } from './consultation.flow.js';
import type { FlowDefinition } from './flow-definition.js';
import { ictComplaintFlow } from './ict-complaint.flow.js';
import { publicComplaintFlow } from './public-complaint.flow.js';
import { workItemFlow } from './work-item.flow.js';

/** The four case flows the engine runs (one `cases` collection). */
export const FLOWS: readonly FlowDefinition[] = [
  consultationFlow,
  workItemFlow,
  ictComplaintFlow,
  publicComplaintFlow,
];
