import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defineWorkflow,
  WorkflowDefinitionError,
  type CustomRelationOf,
  type GuardOf,
  type StateOf,
  type TransitionOf,
} from './definition.js';

const states = {
  DRAFT: { label: 'Draf' },
  SUBMITTED: { label: 'Diajukan', serviceTime: { workingDays: 1 } },
  DONE: { label: 'Selesai', final: true },
};

function problemsOf(define: () => unknown): readonly string[] {
  try {
    define();
  } catch (error) {
    if (error instanceof WorkflowDefinitionError) return error.problems;
    throw error;
  }
  throw new Error('the definition was accepted');
}

describe('defineWorkflow', () => {
  it('returns the table normalised and frozen, with literal types for its names', () => {
    const workflow = defineWorkflow({
      name: 'sample',
      states,
      initial: 'DRAFT',
      transitions: [
        {
          name: 'submit',
          from: 'DRAFT',
          to: 'SUBMITTED',
          label: 'mengajukan',
          roles: ['unit-kerja'],
        },
        {
          name: 'finish',
          from: ['SUBMITTED'],
          to: 'DONE',
          label: 'menyelesaikan',
          roles: 'any',
          actor: ['assignee', 'desk'],
          guard: 'ready',
        },
      ],
    });
    expect(workflow.transitions[0]).toEqual({
      name: 'submit',
      from: ['DRAFT'],
      to: 'SUBMITTED',
      label: 'mengajukan',
      roles: ['unit-kerja'],
      actor: [],
      requires: {},
      guard: undefined,
    });
    expect(workflow.transitions[1]?.actor).toEqual(['assignee', 'desk']);
    expect(Object.isFrozen(workflow)).toBe(true);
    expect(Object.isFrozen(workflow.transitions)).toBe(true);

    type W = typeof workflow;
    expectTypeOf<StateOf<W>>().toEqualTypeOf<'DRAFT' | 'SUBMITTED' | 'DONE'>();
    expectTypeOf<TransitionOf<W>>().toEqualTypeOf<'submit' | 'finish'>();
    expectTypeOf<GuardOf<W>>().toEqualTypeOf<'ready'>();
    expectTypeOf<CustomRelationOf<W>>().toEqualTypeOf<'desk'>();
  });

  it('refuses unknown states at compile time and at startup', () => {
    const problems = problemsOf(() =>
      defineWorkflow({
        name: 'typo',
        states,
        // @ts-expect-error -- not a state of this workflow
        initial: 'DRAF',
        transitions: [
          // @ts-expect-error -- not a state of this workflow
          { name: 'submit', from: 'DRAFT', to: 'SUBMITED', label: 'mengajukan', roles: 'any' },
          // @ts-expect-error -- not a state of this workflow
          { name: 'finish', from: ['SUBMITTED', 'REVIEW'], to: 'DONE', label: 'x', roles: 'any' },
        ],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'initial state DRAF is unknown',
        'transition submit leads to unknown state SUBMITED',
        'transition finish starts from unknown state REVIEW',
      ]),
    );
  });

  it('lists every problem in one developer message naming the workflow', () => {
    const define = () =>
      defineWorkflow({
        name: 'broken',
        states: {
          DRAFT: { label: 'Draf' },
          SUBMITTED: { label: 'Diajukan' },
          ORPHAN: { label: 'Yatim' },
          DONE: { label: 'Selesai', final: true },
        },
        initial: 'DRAFT',
        transitions: [
          { name: 'submit', from: 'DRAFT', to: 'SUBMITTED', label: 'mengajukan', roles: 'any' },
          { name: 'submit', from: ['DRAFT'], to: 'DONE', label: 'mengajukan', roles: 'any' },
          { name: 'finish', from: 'SUBMITTED', to: 'DONE', label: 'menyelesaikan', roles: 'any' },
          { name: 'reopen', from: 'DONE', to: 'DRAFT', label: 'membuka kembali', roles: 'any' },
          { name: 'adopt', from: 'ORPHAN', to: 'DONE', label: 'mengadopsi', roles: 'any' },
        ],
      });
    expect(define).toThrow(WorkflowDefinitionError);
    expect(define).toThrow(
      [
        'Workflow "broken" is invalid:',
        '- transition submit is defined twice from state DRAFT',
        '- final state DONE has outgoing transitions: reopen',
        '- states unreachable from DRAFT: ORPHAN',
      ].join('\n'),
    );
  });

  it('allows one transition name from several states, and self-loops', () => {
    const workflow = defineWorkflow({
      name: 'cancellable',
      states,
      initial: 'DRAFT',
      transitions: [
        { name: 'submit', from: 'DRAFT', to: 'SUBMITTED', label: 'mengajukan', roles: 'any' },
        {
          name: 'reassign',
          from: 'SUBMITTED',
          to: 'SUBMITTED',
          label: 'mengalihkan',
          roles: 'any',
        },
        { name: 'close', from: 'DRAFT', to: 'DONE', label: 'menutup', roles: ['unit-kerja'] },
        { name: 'close', from: 'SUBMITTED', to: 'DONE', label: 'menutup', roles: ['super-admin'] },
      ],
    });
    expect(workflow.transitions.filter((t) => t.name === 'close')).toHaveLength(2);
  });

  it('refuses dead ends, unknown or missing roles and inconsistent labels', () => {
    const problems = problemsOf(() =>
      defineWorkflow({
        name: 'roles',
        states: { ...states, STUCK: { label: 'Macet' } },
        initial: 'DRAFT',
        transitions: [
          {
            name: 'submit',
            from: 'DRAFT',
            to: 'SUBMITTED',
            label: 'mengajukan',
            // @ts-expect-error -- not a realm role
            roles: ['walikota'],
          },
          { name: 'finish', from: 'SUBMITTED', to: 'DONE', label: 'menyelesaikan', roles: [] },
          { name: 'finish', from: 'DRAFT', to: 'DONE', label: 'selesaikan', roles: 'any' },
          { name: 'stall', from: 'SUBMITTED', to: 'STUCK', label: '', roles: 'system' },
        ],
      }),
    );
    expect(problems).toEqual([
      'transition submit names unknown role walikota',
      'transition finish allows no role',
      'transition finish has different labels ("menyelesaikan", "selesaikan")',
      'transition stall has no label',
      'state STUCK has no outgoing transition; mark it final or add one',
    ]);
  });

  it('checks state flags and service times', () => {
    const problems = problemsOf(() =>
      defineWorkflow({
        name: 'flags',
        states: {
          OPEN: { label: 'Terbuka', serviceTime: { workingDays: 0.5 } },
          WAITING: { label: 'Menunggu', pause: true, serviceTime: { workingDays: 2 } },
          DONE: { label: '', final: true, pause: true },
        },
        initial: 'OPEN',
        transitions: [
          { name: 'wait', from: 'OPEN', to: 'WAITING', label: 'menunggu', roles: 'any' },
          { name: 'close', from: ['OPEN', 'WAITING'], to: 'DONE', label: 'menutup', roles: 'any' },
        ],
      }),
    );
    expect(problems).toEqual([
      'state OPEN has serviceTime.workingDays 0.5; use a whole number ≥ 1',
      'state WAITING is a pause: its clock never runs',
      'state DONE has no label',
      'state DONE cannot be both final and pause',
    ]);
  });

  it('refuses a final initial state and an empty table', () => {
    expect(
      problemsOf(() =>
        defineWorkflow({
          name: 'instant',
          states: { DONE: { label: 'Selesai', final: true } },
          initial: 'DONE',
          transitions: [],
        }),
      ),
    ).toEqual(['initial state DONE is final']);
    expect(
      problemsOf(() =>
        defineWorkflow({ name: '', states: {}, initial: 'X' as never, transitions: [] }),
      ),
    ).toEqual(['no states are defined', 'initial state X is unknown']);
  });
});
