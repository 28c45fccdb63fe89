import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BIN_DIR, logFile } from '../infra/paths.js';
import { requireGo } from '../infra/prerequisites.js';
import { run, tailFile } from '../infra/process.js';

export interface GoTool {
  name: string;
  /** Module path, e.g. github.com/yannh/kubeconform. */
  module: string;
  version: string;
  /** Package to install, e.g. github.com/yannh/kubeconform/cmd/kubeconform. */
  pkg: string;
}

/** True when `bin` was built from `module@version` (Go records both in the binary). */
async function builtFrom(bin: string, tool: GoTool): Promise<boolean> {
  if (!existsSync(bin)) return false;
  const res = await run('go', ['version', '-m', bin]);
  return (
    res.code === 0 &&
    res.stdout.split('\n').some((line) => {
      const [kind, path, version] = line.trim().split(/\s+/);
      return kind === 'mod' && path === tool.module && version === tool.version;
    })
  );
}

/**
 * Installs a Go command at a pinned version into .infra/bin with `go install` (idempotent) and
 * returns its path.
 */
export async function ensureGoTool(tool: GoTool): Promise<string> {
  const bin = join(BIN_DIR, tool.name);
  await requireGo();
  if (await builtFrom(bin, tool)) return bin;
  const logPath = logFile(`install-${tool.name}`);
  const res = await run('go', ['install', `${tool.pkg}@${tool.version}`], {
    env: { ...process.env, GOBIN: BIN_DIR },
    logPath,
  });
  if (res.code !== 0 || !(await builtFrom(bin, tool))) {
    throw new Error(
      `Pemasangan ${tool.name} ${tool.version} gagal (install failed); log ${logPath}:\n${tailFile(logPath)}`,
    );
  }
  return bin;
}
