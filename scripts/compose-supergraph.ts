// Composes services/*/schema.graphql into gateway/supergraph.graphql (the gateway's static
// supergraph). Exits non-zero on any composition error so CI and `npm test` fail on them.
// Usage: tsx scripts/compose-supergraph.ts [--check] [--out <file>]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  composeSubgraphs,
  readSubgraphSources,
  type CompositionOutcome,
} from '../gateway/src/composition.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const defaultSupergraphPath = path.join(repoRoot, 'gateway', 'supergraph.graphql');

/** Composes the repository's subgraphs and, when composition succeeds, writes the supergraph. */
export function composeSupergraphFile(
  outFile: string | undefined = defaultSupergraphPath,
  root = repoRoot,
): CompositionOutcome {
  const outcome = composeSubgraphs(readSubgraphSources(root));
  if (outcome.ok && outFile) {
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${outcome.supergraphSdl}\n`);
  }
  return outcome;
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const outIndex = args.indexOf('--out');
  const outFile = check
    ? undefined
    : outIndex >= 0 && args[outIndex + 1]
      ? path.resolve(args[outIndex + 1] as string)
      : defaultSupergraphPath;

  const outcome = composeSupergraphFile(outFile);
  for (const hint of outcome.hints) console.warn(`petunjuk (hint): ${hint}`);
  if (!outcome.ok) {
    console.error(
      `Komposisi supergraph GAGAL (${outcome.subgraphs.join(', ') || 'tanpa subgraph'}):`,
    );
    for (const error of outcome.errors) console.error(`  - ${error}`);
    process.exit(1);
  }
  const target = outFile ? ` -> ${path.relative(process.cwd(), outFile)}` : ' (cek saja)';
  console.log(`Supergraph tersusun dari ${outcome.subgraphs.join(', ')}${target}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main();
}
