import { badInput, conflict, forbidden, type Principal, type Role } from '@sipadu/service-kit';
import type {
  BuiltInRelation,
  CustomRelationOf,
  GuardOf,
  StateDefinition,
  StateOf,
  Transition,
  TransitionOf,
  TransitionRequirements,
  Workflow,
} from './definition.js';

/**
 * Who takes a transition. A signed-in `Principal` fits as is; services build `public` principals
 * for citizens acting through a tracking code and use SYSTEM_PRINCIPAL for timers.
 */
export interface WorkflowPrincipal {
  kind: Principal['kind'] | 'system' | 'public';
  id: string;
  name: string | null;
  organizationCode: string | null;
  roles: readonly Role[];
}

export const SYSTEM_PRINCIPAL: WorkflowPrincipal = Object.freeze({
  kind: 'system',
  id: 'system',
  name: 'Sistem',
  organizationCode: null,
  roles: Object.freeze([]) as readonly Role[],
});

/** What the engine reads of a case; services pass their stored record (extra fields are fine). */
export interface WorkflowInstance<S extends string = string> {
  state: S;
  /** Organization owning the case (the `organization` relation). */
  organizationCode?: string | null;
  /** User who filed the case (the `requester` relation). */
  requesterId?: string | null;
  /** Officer the case is assigned to (the `assignee` relation). */
  assigneeId?: string | null;
}

export interface TransitionInput {
  note?: string | null;
  /** Transition data the service acts on (e.g. the officer a case is routed to). */
  data?: Readonly<Record<string, unknown>>;
}

export interface GuardArgs<I> {
  instance: I;
  principal: WorkflowPrincipal;
  input: TransitionInput;
  transition: string;
}
/**
 * A named precondition over facts the service loaded beforehand (guards are synchronous and
 * pure). Returns true, or the Indonesian reason the transition is not possible now, written to
 * follow "Tidak dapat <label>: ", e.g. "masih ada persyaratan yang belum disetujui".
 */
export type Guard<I> = (args: GuardArgs<I>) => true | string;
export type RelationPredicate<I> = (args: { instance: I; principal: WorkflowPrincipal }) => boolean;

type GuardsPart<W, I> = [GuardOf<W>] extends [never]
  ? { guards?: undefined }
  : { guards: Record<GuardOf<W>, Guard<I>> };
type RelationsPart<W, I> = [CustomRelationOf<W>] extends [never]
  ? { relations?: undefined }
  : { relations: Record<CustomRelationOf<W>, RelationPredicate<I>> };

/** Guards and custom relations are required exactly when the workflow names them. */
export type InterpretContext<W, I> = {
  /** Time recorded in the history entry; defaults to now. */
  now?: Date;
} & GuardsPart<W, I> &
  RelationsPart<W, I>;

type ContextArgs<W, I> =
  object extends InterpretContext<W, I>
    ? [context?: InterpretContext<W, I>]
    : [context: InterpretContext<W, I>];

export interface HistoryActor {
  kind: WorkflowPrincipal['kind'];
  id: string;
  name: string | null;
  organization: string | null;
  roles: Role[];
}

/** One recorded transition; services append it to the case's history as is. */
export interface HistoryEntry<S extends string = string, T extends string = string> {
  transition: T;
  from: S;
  to: S;
  actor: HistoryActor;
  at: Date;
  note: string | null;
}

export interface AvailableTransition<S extends string = string, T extends string = string> {
  name: T;
  label: string;
  to: S;
  requires: TransitionRequirements;
  /** The guard's reason while it refuses (show the button disabled), otherwise null. */
  blockedReason: string | null;
}

type AnyWorkflow = Workflow<string, string, string, string>;
type AnyTransition = Transition<string, string, string, string>;
interface LooseContext {
  now?: Date;
  guards?: Record<string, Guard<unknown>>;
  relations?: Record<string, RelationPredicate<unknown>>;
}

const relationNames: Record<BuiltInRelation, string> = {
  organization: 'perangkat daerah pemilik data',
  assignee: 'petugas yang ditugaskan',
  requester: 'pengaju',
};

const isBuiltIn = (relation: string): relation is BuiltInRelation =>
  Object.hasOwn(relationNames, relation);

function holdsRole(transition: AnyTransition, principal: WorkflowPrincipal): boolean {
  if (transition.roles === 'any') return true;
  if (transition.roles === 'system') return principal.kind === 'system';
  return transition.roles.some((role) => principal.roles.includes(role));
}

function relates(
  workflow: AnyWorkflow,
  relation: string,
  instance: WorkflowInstance,
  principal: WorkflowPrincipal,
  context: LooseContext,
): boolean {
  switch (relation) {
    case 'organization':
      return (
        principal.organizationCode !== null &&
        instance.organizationCode === principal.organizationCode
      );
    case 'assignee':
      return Boolean(instance.assigneeId) && instance.assigneeId === principal.id;
    case 'requester':
      return Boolean(instance.requesterId) && instance.requesterId === principal.id;
    default: {
      const predicate = context.relations?.[relation];
      if (!predicate) {
        throw new Error(
          `Workflow "${workflow.name}": no predicate supplied for relation ${relation}`,
        );
      }
      return predicate({ instance, principal });
    }
  }
}

function actorAllowed(
  workflow: AnyWorkflow,
  transition: AnyTransition,
  instance: WorkflowInstance,
  principal: WorkflowPrincipal,
  context: LooseContext,
): boolean {
  if (transition.actor.length === 0) return true;
  return transition.actor.some((relation) =>
    relates(workflow, relation, instance, principal, context),
  );
}

function guardVerdict(
  workflow: AnyWorkflow,
  transition: AnyTransition,
  instance: WorkflowInstance,
  principal: WorkflowPrincipal,
  input: TransitionInput,
  context: LooseContext,
): true | string {
  if (transition.guard === undefined) return true;
  const guard = context.guards?.[transition.guard];
  if (!guard) {
    throw new Error(`Workflow "${workflow.name}": no guard supplied for ${transition.guard}`);
  }
  return guard({ instance, principal, input, transition: transition.name });
}

function currentState(workflow: AnyWorkflow, instance: WorkflowInstance) {
  // A stored state the table no longer knows is a migration bug, not a user error.
  if (!Object.hasOwn(workflow.states, instance.state)) {
    throw new Error(`Workflow "${workflow.name}": unknown current state ${instance.state}`);
  }
  return workflow.states[instance.state] as StateDefinition;
}

const filled = (value: unknown) =>
  value !== undefined &&
  value !== null &&
  !(typeof value === 'string' && value.trim() === '') &&
  !(Array.isArray(value) && value.length === 0);

/**
 * Transitions the caller may take from the instance's current state (role and actor relation
 * checked), for UIs to decide which buttons to show. Guards do not hide a transition; their
 * reason comes back in `blockedReason`.
 */
export function availableTransitions<W extends AnyWorkflow, I extends WorkflowInstance<StateOf<W>>>(
  workflow: W,
  instance: I,
  principal: WorkflowPrincipal,
  ...[context]: ContextArgs<W, I>
): AvailableTransition<StateOf<W>, TransitionOf<W>>[] {
  const ctx = (context ?? {}) as LooseContext;
  currentState(workflow, instance);
  return workflow.transitions
    .filter(
      (t) =>
        t.from.includes(instance.state) &&
        holdsRole(t, principal) &&
        actorAllowed(workflow, t, instance, principal, ctx),
    )
    .map((t) => {
      const verdict = guardVerdict(workflow, t, instance, principal, {}, ctx);
      return {
        name: t.name as TransitionOf<W>,
        label: t.label,
        to: t.to as StateOf<W>,
        requires: t.requires,
        blockedReason: verdict === true ? null : verdict,
      };
    });
}

/**
 * Checks and performs one transition without touching storage: returns the next state and the
 * history entry to persist (and to publish, see transitionEventData). Throws FORBIDDEN when the
 * caller's role or relation to the case does not allow it, CONFLICT when the current state (or a
 * guard) does not, and BAD_USER_INPUT when a required note or field is missing.
 */
export function applyTransition<W extends AnyWorkflow, I extends WorkflowInstance<StateOf<W>>>(
  workflow: W,
  instance: I,
  transitionName: TransitionOf<W>,
  principal: WorkflowPrincipal,
  input: TransitionInput,
  ...[context]: ContextArgs<W, I>
): { to: StateOf<W>; entry: HistoryEntry<StateOf<W>, TransitionOf<W>> } {
  const ctx = (context ?? {}) as LooseContext;
  const state = currentState(workflow, instance);
  const named = workflow.transitions.filter((t) => t.name === transitionName);
  const first = named[0];
  if (!first) throw new Error(`Workflow "${workflow.name}": unknown transition ${transitionName}`);
  const { label } = first;
  const transition = named.find((t) => t.from.includes(instance.state));
  const details = { workflow: workflow.name, transition: transitionName, state: instance.state };

  if (!transition) {
    // Someone who may never take this step learns nothing about the case's state.
    if (!named.some((t) => holdsRole(t, principal))) {
      throw forbidden(`Anda tidak berwenang ${label}.`);
    }
    throw withDetails(conflict(`Tidak dapat ${label}: status saat ini ${state.label}.`), details);
  }
  if (!holdsRole(transition, principal)) throw forbidden(`Anda tidak berwenang ${label}.`);
  if (!actorAllowed(workflow, transition, instance, principal, ctx)) {
    const who = transition.actor.map((r) => (isBuiltIn(r) ? relationNames[r] : null));
    throw forbidden(
      who.every((name) => name !== null)
        ? `Anda tidak berwenang ${label}: hanya ${who.join(' atau ')} yang dapat melakukannya.`
        : `Anda tidak berwenang ${label} untuk data ini.`,
    );
  }

  const note = input.note?.trim() || null;
  if (transition.requires.note && !note) {
    throw badInput(`Tidak dapat ${label}: catatan wajib diisi.`, { fields: ['note'] });
  }
  const missing = (transition.requires.fields ?? []).filter(
    (field) => !filled(input.data?.[field]),
  );
  if (missing.length > 0) {
    throw badInput(`Tidak dapat ${label}: data wajib belum diisi (${missing.join(', ')}).`, {
      fields: missing,
    });
  }

  const verdict = guardVerdict(workflow, transition, instance, principal, input, ctx);
  if (verdict !== true) throw withDetails(conflict(`Tidak dapat ${label}: ${verdict}`), details);

  return {
    to: transition.to as StateOf<W>,
    entry: {
      transition: transitionName,
      from: instance.state,
      to: transition.to as StateOf<W>,
      actor: {
        kind: principal.kind,
        id: principal.id,
        name: principal.name,
        organization: principal.organizationCode,
        roles: [...principal.roles],
      },
      at: ctx.now ?? new Date(),
      note,
    },
  };
}

function withDetails<E extends { extensions: Record<string, unknown> }>(
  error: E,
  details: Record<string, unknown>,
): E {
  Object.assign(error.extensions, details);
  return error;
}
