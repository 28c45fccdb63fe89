import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Resolve the repository root from this file, never from cwd: the CLI, Vitest and services all
// start from different directories.
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, '.git')) && !existsSync(join(dir, 'package-lock.json'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('Root repositori tidak ditemukan (repository root not found)');
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot();
export const INFRA_DIR = resolve(REPO_ROOT, '.infra');
export const BIN_DIR = join(INFRA_DIR, 'bin');
export const DL_DIR = join(INFRA_DIR, 'dl');
export const SRC_DIR = join(INFRA_DIR, 'src');
export const DATA_DIR = join(INFRA_DIR, 'data');
export const LOG_DIR = join(INFRA_DIR, 'logs');

export const dataDir = (component: string): string => join(DATA_DIR, component);
export const logFile = (component: string): string => join(LOG_DIR, `${component}.log`);
