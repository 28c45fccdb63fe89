import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROLES, type Role } from '@sipadu/service-kit';
import type { TransitionRoles, WorkflowPrincipal } from '@sipadu/workflow';
import { Kind, parse, type GraphQLError } from 'graphql';

// Shared by the workflow table specs of this service (not a spec itself).

/** A signed-in staff member as the engine sees them. */
export const staff = (
  role: Role,
  id: string = role,
  organizationCode: string | null = 'DPUPR',
): WorkflowPrincipal => ({ kind: 'user', id, name: id, organizationCode, roles: [role] });

/** `OK`, or the GraphQL error code the call threw. */
export function outcome(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return String((error as GraphQLError).extensions?.code ?? (error as Error).message);
  }
  return 'OK';
}

/** Every realm role a transition does not admit. */
export const refusedRoles = (roles: TransitionRoles): Role[] =>
  roles === 'any' ? [] : ROLES.filter((role) => roles === 'system' || !roles.includes(role));

/** Values of an enum of the service's SDL, in order (state names must be exactly these). */
export function graphqlEnum(name: string): string[] {
  const sdl = readFileSync(path.resolve(import.meta.dirname, '../../schema.graphql'), 'utf8');
  for (const definition of parse(sdl).definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === name) {
      return (definition.values ?? []).map((value) => value.name.value);
    }
  }
  throw new Error(`enum ${name} is not in schema.graphql`);
}
