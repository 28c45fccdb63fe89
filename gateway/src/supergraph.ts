import { existsSync, readFileSync } from 'node:fs';
import { Kind, parse, type DocumentNode } from 'graphql';

/** Reads the static supergraph; a missing file means `npm run compose` has not run. */
export function readSupergraph(path: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `Supergraph tidak ditemukan di ${path}. Jalankan \`npm run compose\` terlebih dahulu.`,
    );
  }
  return readFileSync(path, 'utf8');
}

export interface SubgraphEndpoint {
  /** Subgraph name as given at composition (the service folder name). */
  name: string;
  /** GraphQL endpoint: the supergraph's routing URL, or its run-time override. */
  url: string;
}

/**
 * The subgraphs named by the supergraph's `join__Graph` enum, with `overrides` (name → URL)
 * taking precedence over the routing URLs written at composition time.
 */
export function subgraphEndpoints(
  supergraph: string | DocumentNode,
  overrides: Readonly<Record<string, string>> = {},
): SubgraphEndpoint[] {
  const document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const endpoints: SubgraphEndpoint[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') {
      continue;
    }
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const arg = (name: string) => {
        const node = graph?.arguments?.find((a) => a.name.value === name)?.value;
        return node?.kind === Kind.STRING ? node.value : undefined;
      };
      const name = arg('name');
      const url = arg('url');
      if (name) endpoints.push({ name, url: overrides[name] ?? url ?? '' });
    }
  }
  return endpoints;
}

/** Asks every subgraph's `/healthz` (sibling of its `/graphql`) whether it is up. */
export async function probeSubgraphs(
  endpoints: readonly SubgraphEndpoint[],
  timeoutMs = 1_000,
): Promise<Record<string, 'up' | 'down'>> {
  const states = await Promise.all(
    endpoints.map(async ({ name, url }) => {
      const health = new URL('healthz', url.replace(/\/graphql\/?$/, '/')).toString();
      const up = await fetch(health, { signal: AbortSignal.timeout(timeoutMs) })
        .then(async (response) => {
          await response.body?.cancel();
          return response.ok;
        })
        .catch(() => false);
      return [name, up ? 'up' : 'down'] as const;
    }),
  );
  return Object.fromEntries(states);
}
