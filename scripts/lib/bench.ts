// Helpers shared by the benchmark scripts: percentiles, the gateway-overhead target and the JSON
// result files under bench-results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './infra/paths.js';

/** The public directory query the foundation's gateway benchmark measures. */
export const FOUNDATION_QUERY = '{ organizations(first: 10) { edges { node { code name } } } }';

/**
 * The foundation's gateway target: gateway p99 ≤ 1.25 × the subgraph's own p99, or at most 5 ms
 * more (`npm run bench:gateway`; the load benchmark reports its ratio against the same target).
 */
export const GATEWAY_RATIO_TARGET = 1.25;
export const GATEWAY_DIFFERENCE_TARGET_MS = 5;

/** Nearest-rank percentile `p` (0–100) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

/** Writes `bench-results/<name>-<timestamp>.json` and returns its path relative to the cwd. */
export function writeBenchResult(name: string, result: unknown): string {
  const dir = path.join(REPO_ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  return path.relative(process.cwd(), file);
}

/** A numeric BENCH_* setting from the environment (a number ≥ 0), else `fallback`. */
export function benchNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} harus angka ≥ 0`);
  return value;
}
