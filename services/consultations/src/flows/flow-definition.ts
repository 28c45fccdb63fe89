import type { Guard, RelationPredicate, Workflow, WorkflowPrincipal } from '@sipadu/workflow';
import type { CaseFlow, CaseRecord } from '../models/case.model.js';

/** The completion that earns the assigned officer performance points. */
export interface PointRule {
  /** Workflow transition that completes the case, e.g. `acknowledge`. */
  transition: string;
  points: number;
  /** Added when every timed step of the case finished within its service time. */
  onTimeBonus: number;
  /** Indonesian description of the event, e.g. "konsultasi selesai" (GraphQL PointRule.event). */
  event: string;
}

/**
 * Everything the case engine needs to know about one flow: its workflow table, numbering, who
 * may read and list its cases, the custom relations and guards of the table, and its points.
 */
export interface SystemTimer {
  /** State the case must be in. */
  state: string;
  /** The workflow's `system` transition to take. */
  transition: string;
  /** Path of the `YYYY-MM-DD` date on the case record, e.g. `complaint.autoCloseDate`. */
  dateField: string;
}

export interface FlowDefinition {
  flow: CaseFlow;
  workflow: Workflow;
  numberPrefix: 'KNS' | 'PKJ' | 'TIK' | 'ADU';
  /** Thread subject type in the notifications service (and the events' subject type). */
  subjectType: 'Consultation' | 'WorkItem' | 'IctComplaint' | 'PublicComplaint';
  /** Portal link of a case for staff, e.g. `/konsultasi/<id>`. */
  linkOf(id: string): string;
  /** May the caller read this case? (role + organization scope) */
  canRead(principal: WorkflowPrincipal, record: CaseRecord): boolean;
  /** Mongo filter of the cases the caller may list (ANDed with flow); null = nothing. */
  listScope(principal: WorkflowPrincipal): Record<string, unknown> | null;
  relations?: Record<string, RelationPredicate<CaseRecord>>;
  /** Mongo filter equivalent of each custom relation for the caller (queue MINE); null = never. */
  relationFilters?: Record<
    string,
    (principal: WorkflowPrincipal) => Record<string, unknown> | null
  >;
  guards?: Record<string, Guard<CaseRecord>>;
  /** Completion that earns the assignee points (defaults; POINT_RULES env may override points). */
  pointRule: PointRule | null;
  /**
   * A transition the system takes by itself once a date on the case has passed (the sweep runs
   * it when today, in the Pemda zone, is after the date); e.g. closing an answered complaint.
   */
  timer?: SystemTimer;
}
