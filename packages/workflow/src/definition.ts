import { isRole, type Role } from '@sipadu/service-kit';

/** One state of a workflow. */
export interface StateDefinition {
  /** Indonesian noun phrase shown to users, e.g. "Menunggu Tinjauan". */
  label: string;
  /** No transition leaves a final state; its clock never runs. */
  final?: boolean;
  /** Waiting on someone outside the handling side (e.g. the requester): the clock stops. */
  pause?: boolean;
  /** Service time of the step, in whole working days (the SOP's "1 Hari"). */
  serviceTime?: { workingDays: number };
}

/**
 * Relations between the caller and the case that the engine checks itself, from the instance:
 * `organization` = caller's organization owns the case, `assignee` = caller is the assigned
 * officer, `requester` = caller filed the case. Any other key names a predicate the service
 * supplies when interpreting (e.g. `currentReviewer`).
 */
export type BuiltInRelation = 'organization' | 'assignee' | 'requester';

/**
 * Who may take a transition: callers holding one of the roles; `any` caller the service lets
 * through; or only the `system` itself (timers, e.g. closing a complaint nobody answered).
 */
export type TransitionRoles = readonly Role[] | 'any' | 'system';

export interface TransitionRequirements {
  /** A non-blank note (e.g. the reason of a revision request or a waiver). */
  note?: boolean;
  /** Keys of `input.data` that must be present and non-empty. */
  fields?: readonly string[];
}

export interface TransitionDefinition<
  S extends string,
  T extends string,
  G extends string,
  R extends string,
> {
  name: T;
  from: S | readonly S[];
  to: S;
  /**
   * Indonesian verb phrase in lower case that reads after "Tidak dapat …" and "Anda tidak
   * berwenang …", e.g. "menyetujui dokumen"; UIs capitalise it for the button.
   */
  label: string;
  roles: TransitionRoles;
  /** The caller must also stand in one of these relations to the case. */
  actor?: R | readonly R[];
  requires?: TransitionRequirements;
  /** Name of a guard the service supplies when interpreting (e.g. "requirementsComplete"). */
  guard?: G;
}

export interface WorkflowDefinition<
  S extends string,
  T extends string,
  G extends string,
  R extends string,
> {
  /** Stable identifier, used in events and messages, e.g. "document-requirement". */
  name: string;
  states: Record<S, StateDefinition>;
  initial: NoInfer<S>;
  transitions: readonly TransitionDefinition<NoInfer<S>, T, G, R>[];
}

/** A transition after definition: `from` is always a list. */
export interface Transition<
  S extends string,
  T extends string,
  G extends string,
  R extends string,
> {
  readonly name: T;
  readonly from: readonly S[];
  readonly to: S;
  readonly label: string;
  readonly roles: TransitionRoles;
  readonly actor: readonly R[];
  readonly requires: TransitionRequirements;
  readonly guard: G | undefined;
}

/** A validated workflow; its type carries the literal names of states, transitions, guards, relations. */
export interface Workflow<
  S extends string = string,
  T extends string = string,
  G extends string = string,
  R extends string = string,
> {
  readonly name: string;
  readonly states: Readonly<Record<S, StateDefinition>>;
  readonly initial: S;
  readonly transitions: readonly Transition<S, T, G, R>[];
}

export type StateOf<W> = W extends Workflow<infer S, string, string, string> ? S : never;
export type TransitionOf<W> = W extends Workflow<string, infer T, string, string> ? T : never;
export type GuardOf<W> = W extends Workflow<string, string, infer G, string> ? G : never;
/** Relation keys the service must supply predicates for (the built-in ones excluded). */
export type CustomRelationOf<W> =
  W extends Workflow<string, string, string, infer R> ? Exclude<R, BuiltInRelation> : never;

/** A programming error in a workflow table, raised when the module defining it loads. */
export class WorkflowDefinitionError extends Error {
  override readonly name = 'WorkflowDefinitionError';
  constructor(
    readonly workflow: string,
    readonly problems: readonly string[],
  ) {
    super(`Workflow "${workflow}" is invalid:\n- ${problems.join('\n- ')}`);
  }
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/**
 * Validates a workflow table and returns it normalised. Throws WorkflowDefinitionError listing
 * every problem: unknown states, unknown roles, duplicate transition names from one state, final
 * states with outgoing transitions, dead ends and states unreachable from `initial`.
 */
export function defineWorkflow<
  const S extends string,
  const T extends string,
  const G extends string = never,
  const R extends string = never,
>(definition: WorkflowDefinition<S, T, G, R>): Workflow<S, T, G, R> {
  const name = blank(definition.name) ? '(unnamed)' : definition.name;
  const problems: string[] = [];
  const states = definition.states as Record<string, StateDefinition>;
  const stateNames = Object.keys(states);
  const known = (state: string) => Object.hasOwn(states, state);

  if (stateNames.length === 0) problems.push('no states are defined');
  for (const state of stateNames) {
    const spec = states[state] as StateDefinition;
    if (blank(spec.label)) problems.push(`state ${state} has no label`);
    if (spec.final && spec.pause) problems.push(`state ${state} cannot be both final and pause`);
    if (spec.serviceTime) {
      const days = spec.serviceTime.workingDays;
      if (!Number.isInteger(days) || days < 1) {
        problems.push(`state ${state} has serviceTime.workingDays ${days}; use a whole number ≥ 1`);
      }
      if (spec.final || spec.pause) {
        problems.push(
          `state ${state} is ${spec.final ? 'final' : 'a pause'}: its clock never runs`,
        );
      }
    }
  }
  if (!known(definition.initial)) problems.push(`initial state ${definition.initial} is unknown`);
  else if (states[definition.initial]?.final) {
    problems.push(`initial state ${definition.initial} is final`);
  }

  const transitions = definition.transitions.map((t): Transition<S, T, G, R> => {
    const from = (typeof t.from === 'string' ? [t.from] : [...t.from]) as S[];
    const actor = (
      t.actor === undefined ? [] : typeof t.actor === 'string' ? [t.actor] : [...t.actor]
    ) as R[];
    return {
      name: t.name,
      from,
      to: t.to,
      label: t.label,
      roles: t.roles,
      actor,
      requires: { ...t.requires },
      guard: t.guard,
    };
  });

  const labels = new Map<string, string>();
  const outgoing = new Map<string, Set<string>>();
  for (const t of transitions) {
    const where = `transition ${blank(t.name) ? '(unnamed)' : t.name}`;
    if (blank(t.name)) problems.push('a transition has no name');
    if (blank(t.label)) problems.push(`${where} has no label`);
    const previousLabel = labels.get(t.name);
    if (previousLabel !== undefined && previousLabel !== t.label) {
      problems.push(`${where} has different labels ("${previousLabel}", "${t.label}")`);
    }
    labels.set(t.name, t.label);
    if (t.from.length === 0) problems.push(`${where} has an empty from list`);
    for (const state of t.from) {
      if (!known(state)) {
        problems.push(`${where} starts from unknown state ${state}`);
        continue;
      }
      const names = outgoing.get(state) ?? new Set<string>();
      if (names.has(t.name)) problems.push(`${where} is defined twice from state ${state}`);
      names.add(t.name);
      outgoing.set(state, names);
    }
    if (!known(t.to)) problems.push(`${where} leads to unknown state ${t.to}`);
    if (t.roles !== 'any' && t.roles !== 'system') {
      if (t.roles.length === 0) problems.push(`${where} allows no role`);
      for (const role of t.roles) {
        if (!isRole(role)) problems.push(`${where} names unknown role ${role}`);
      }
    }
    for (const field of t.requires.fields ?? []) {
      if (blank(field)) problems.push(`${where} requires a blank field name`);
    }
  }

  for (const state of stateNames) {
    const spec = states[state] as StateDefinition;
    const leaving = [...(outgoing.get(state) ?? [])];
    const count = leaving.length;
    if (spec.final && count > 0) {
      problems.push(`final state ${state} has outgoing transitions: ${leaving.join(', ')}`);
    }
    if (!spec.final && count === 0) {
      problems.push(`state ${state} has no outgoing transition; mark it final or add one`);
    }
  }

  if (known(definition.initial)) {
    const reached = new Set<string>([definition.initial]);
    const queue: string[] = [definition.initial];
    for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
      for (const t of transitions) {
        if (t.from.includes(state as S) && known(t.to) && !reached.has(t.to)) {
          reached.add(t.to);
          queue.push(t.to);
        }
      }
    }
    const unreachable = stateNames.filter((state) => !reached.has(state));
    if (unreachable.length > 0) {
      problems.push(`states unreachable from ${definition.initial}: ${unreachable.join(', ')}`);
    }
  }

  if (problems.length > 0) throw new WorkflowDefinitionError(name, problems);
  return Object.freeze({
    name: definition.name,
    states: definition.states,
    initial: definition.initial,
    transitions: Object.freeze(transitions),
  });
}
