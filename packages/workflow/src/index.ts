export {
  WorkflowDefinitionError,
  defineWorkflow,
  type BuiltInRelation,
  type CustomRelationOf,
  type GuardOf,
  type StateDefinition,
  type StateOf,
  type Transition,
  type TransitionDefinition,
  type TransitionOf,
  type TransitionRequirements,
  type TransitionRoles,
  type Workflow,
  type WorkflowDefinition,
} from './definition.js';
export {
  SYSTEM_PRINCIPAL,
  applyTransition,
  availableTransitions,
  type AvailableTransition,
  type Guard,
  type GuardArgs,
  type HistoryActor,
  type HistoryEntry,
  type InterpretContext,
  type RelationPredicate,
  type TransitionInput,
  type WorkflowInstance,
  type WorkflowPrincipal,
} from './interpreter.js';
export {
  createWorkingCalendar,
  holidaySchema,
  type Holiday,
  type IsoDate,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './calendar.js';
export { stepClock, type ClockCase, type StepClock } from './clock.js';
export {
  transitionEventData,
  transitionEventDataSchema,
  type TransitionEventData,
} from './transition-event.js';
export { INDONESIA_HOLIDAYS_2026 } from './holidays/indonesia-2026.js';
