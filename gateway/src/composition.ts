import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

/** Default loopback port of every subgraph (ARCHITECTURE.md "Ports"). */
export const defaultSubgraphPorts: Readonly<Record<string, number>> = {
  identity: 4001,
  documents: 4002,
  projects: 4003,
  surveys: 4004,
  consultations: 4005,
  notifications: 4006,
  insights: 4007,
};

export interface SubgraphSource {
  /** Subgraph name in the supergraph: the service's folder name. */
  name: string;
  /** Routing URL written into the supergraph; the gateway may override it at run time. */
  url: string;
  typeDefs: string;
  /** Where the SDL came from, for error messages. */
  file?: string;
}

export type CompositionOutcome =
  | { ok: true; supergraphSdl: string; errors: []; hints: string[]; subgraphs: string[] }
  | { ok: false; errors: string[]; hints: string[]; subgraphs: string[] };

export function defaultSubgraphUrl(name: string): string | undefined {
  const port = defaultSubgraphPorts[name];
  return port === undefined ? undefined : `http://127.0.0.1:${port}/graphql`;
}

/** Every `services/<name>/schema.graphql` under the repository root, sorted by name. */
export function readSubgraphSources(repoRoot: string): SubgraphSource[] {
  const servicesDir = path.join(repoRoot, 'services');
  if (!existsSync(servicesDir)) return [];
  return readdirSync(servicesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(servicesDir, entry.name, 'schema.graphql'))
    .filter((file) => existsSync(file))
    .sort()
    .map((file) => {
      const name = path.basename(path.dirname(file));
      return {
        name,
        url: defaultSubgraphUrl(name) ?? '',
        typeDefs: readFileSync(file, 'utf8'),
        file: path.relative(repoRoot, file),
      };
    });
}

/** Composes Federation 2 subgraphs; every SDL syntax error and composition error is collected. */
export function composeSubgraphs(sources: SubgraphSource[]): CompositionOutcome {
  const subgraphs = sources.map((source) => source.name);
  const errors: string[] = [];
  if (sources.length === 0) {
    return {
      ok: false,
      errors: ['Tidak ada subgraph (services/*/schema.graphql) untuk dikomposisi.'],
      hints: [],
      subgraphs,
    };
  }
  const definitions = [];
  for (const source of sources) {
    if (!source.url) {
      errors.push(
        `${source.name}: no default port; add it to defaultSubgraphPorts in gateway/src/composition.ts`,
      );
      continue;
    }
    try {
      definitions.push({ name: source.name, url: source.url, typeDefs: parse(source.typeDefs) });
    } catch (error) {
      errors.push(`${source.file ?? source.name}: ${(error as Error).message}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors, hints: [], subgraphs };

  const result = composeServices(definitions);
  const hints = (result.hints ?? []).map((hint) => hint.toString());
  if (result.errors) {
    return {
      ok: false,
      errors: result.errors.map((error) => {
        const code = (error.extensions?.code as string | undefined) ?? 'COMPOSITION_ERROR';
        return `[${code}] ${error.message}`;
      }),
      hints,
      subgraphs,
    };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl, errors: [], hints, subgraphs };
}
