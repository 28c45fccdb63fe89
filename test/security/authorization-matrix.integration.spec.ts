// The authorization matrix (issue 10): every GraphQL operation of the supergraph × anonymous and
// every role × the caller's own organization and another one, run through the gateway of one full
// stack in production mode, plus the completeness of the tables against the supergraph itself.
// The tables (test/security/matrix/*.matrix.ts) state the expected policy; see matrix.types.ts.
import {
  Kind,
  parse,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSubgraphs, readSubgraphSources } from '../../gateway/src/composition.js';
import { REPO_ROOT } from '../../scripts/lib/infra/paths.js';
import { startApiStack, type ApiStack } from '../support/api-stack.js';
import { MATRICES } from './matrix/matrices.js';
import {
  callAs,
  classify,
  expandCells,
  judge,
  usernameOf,
  useGateway,
} from './matrix/matrix-support.js';
import type { OperationEntry } from './matrix/matrix.types.js';

const DATABASE = 'sipadu_authorization_matrix_test';
/** MATRIX_SERVICES=identity,documents runs only those tables' cells (the completeness test always all). */
const only = process.env.MATRIX_SERVICES?.split(',').map((name) => name.trim());
const RUNNING = MATRICES.filter((matrix) => !only || only.includes(matrix.service));
let stack: ApiStack | undefined;

beforeAll(async () => {
  // Reminders and deliveries are not under test: slower pollers leave the database to the cells.
  stack = await startApiStack(DATABASE, { notificationsPollMs: 5_000 });
  useGateway(stack.gatewayUrl, stack.gatewayOrigin);
  for (const matrix of RUNNING) await matrix.prepare(stack);
}, 300_000);

afterAll(async () => {
  for (const matrix of RUNNING) await matrix.cleanup?.();
  await stack?.stop();
}, 120_000);

const namedType = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);

/** The subgraph a supergraph field is resolved by (`@join__field(graph: …)`), lower case. */
function subgraphOf(field: FieldDefinitionNode): string | null {
  const join = field.directives?.find((directive) => directive.name.value === 'join__field');
  const graph = join?.arguments?.find((argument) => argument.name.value === 'graph')?.value;
  return graph?.kind === Kind.ENUM ? graph.value.toLowerCase() : null;
}

/** `Query.x` / `Mutation.x` → its field definition, from the composed supergraph. */
function supergraphRootFields(): Map<string, FieldDefinitionNode> {
  const composed = composeSubgraphs(readSubgraphSources(REPO_ROOT));
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const fields = new Map<string, FieldDefinitionNode>();
  for (const definition of parse(composed.supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const type = definition as ObjectTypeDefinitionNode;
    if (type.name.value !== 'Query' && type.name.value !== 'Mutation') continue;
    for (const field of type.fields ?? [])
      fields.set(`${type.name.value}.${field.name.value}`, field);
  }
  return fields;
}

/** The root fields a document selects (every operation of it). */
function selectedRootFields(document: string): string[] {
  return parse(document).definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION
      ? definition.selectionSet.selections.map((selection) =>
          selection.kind === Kind.FIELD
            ? `${definition.operation === 'mutation' ? 'Mutation' : 'Query'}.${selection.name.value}`
            : '(fragmen)',
        )
      : [],
  );
}

describe('tabel matriks otorisasi', () => {
  it('mencakup setiap operasi Query/Mutation supergraph, sekali, di layanan pemiliknya', () => {
    const fields = supergraphRootFields();
    const entries = MATRICES.flatMap((matrix) =>
      matrix.entries.map((entry) => ({ service: matrix.service, entry })),
    );
    const seen = new Map<string, number>();
    for (const { entry } of entries)
      seen.set(entry.operation, (seen.get(entry.operation) ?? 0) + 1);
    const problems: string[] = [];
    for (const operation of fields.keys()) {
      if (!seen.has(operation)) problems.push(`${operation}: tidak ada di tabel mana pun`);
    }
    for (const [operation, count] of seen) {
      if (count > 1) problems.push(`${operation}: ${count} entri`);
    }
    for (const { service, entry } of entries) {
      const field = fields.get(entry.operation);
      if (!field) {
        problems.push(`${entry.operation}: bukan operasi supergraph`);
        continue;
      }
      if (subgraphOf(field) !== service) {
        problems.push(`${entry.operation}: milik ${subgraphOf(field)}, bukan tabel ${service}`);
      }
      const selected = selectedRootFields(entry.document);
      if (selected.length !== 1 || selected[0] !== entry.operation) {
        problems.push(`${entry.operation}: dokumen memanggil ${selected.join(', ')}`);
      }
      const idArguments = (field.arguments ?? []).filter((arg) => namedType(arg.type) === 'ID');
      if (idArguments.length && !entry.organization && !entry.objectLevel?.trim()) {
        problems.push(
          `${entry.operation}: argumen ID (${idArguments.map((arg) => arg.name.value).join(', ')}) tanpa organization atau objectLevel`,
        );
      }
    }
    expect(problems).toEqual([]);
  });
});

async function runEntry(entry: OperationEntry): Promise<string[]> {
  const problems: string[] = [];
  for (const cell of expandCells(entry)) {
    const label = `${cell.caller}/${cell.target}${cell.target === 'none' ? '' : ` ${cell.organization}`} (harap ${cell.expected === 'allowed' ? 'diizinkan' : 'ditolak'})`;
    let variables: Record<string, unknown>;
    try {
      variables = await entry.variables(cell);
    } catch (error) {
      problems.push(`${label}: variabel gagal disiapkan: ${String(error)}`);
      continue;
    }
    const response = await callAs(usernameOf(cell.caller), entry.document, variables);
    const problem = judge(entry, cell, classify(entry, response));
    if (problem) problems.push(`${label}: ${problem}`);
  }
  return problems;
}

for (const matrix of RUNNING) {
  describe(`matriks otorisasi ${matrix.service}`, () => {
    for (const entry of matrix.entries) {
      it(
        entry.operation,
        async () => {
          expect(await runEntry(entry)).toEqual([]);
        },
        180_000,
      );
    }
  });
}
