import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './process.js';
import { MIN_GO_MINOR, MIN_JAVA_MAJOR } from './versions.js';

/** A missing tool: one message telling the operator what to install. */
export class PrerequisiteError extends Error {
  override name = 'PrerequisiteError';
}

let goChecked = false;

export async function requireGo(): Promise<void> {
  if (goChecked) return;
  const res = await run('go', ['version']);
  const match = /go1\.(\d+)/.exec(res.stdout);
  if (res.code !== 0 || !match) {
    throw new PrerequisiteError(
      `Go tidak ditemukan: pasang Go ≥ 1.${MIN_GO_MINOR} (apt-get install golang-go, atau golang-1.${MIN_GO_MINOR}+ dari bookworm-backports) (Go not found)`,
    );
  }
  if (Number(match[1]) < MIN_GO_MINOR) {
    throw new PrerequisiteError(
      `Go terlalu lama (${res.stdout.trim()}): pasang Go ≥ 1.${MIN_GO_MINOR} (Go too old; golang-1.${MIN_GO_MINOR}+ from bookworm-backports)`,
    );
  }
  goChecked = true;
}

export async function requireMaven(): Promise<void> {
  const res = await run('mvn', ['-v']);
  if (res.code !== 0) {
    throw new PrerequisiteError(
      'Maven tidak ditemukan: pasang Maven (apt-get install maven) (Maven not found)',
    );
  }
}

function javaMajor(home: string): number | undefined {
  const release = join(home, 'release');
  if (!existsSync(join(home, 'bin', 'java')) || !existsSync(release)) return undefined;
  const match = /^JAVA_VERSION="(\d+)/m.exec(readFileSync(release, 'utf8'));
  return match ? Number(match[1]) : undefined;
}

/** Picks the newest JDK ≥ 21 from JAVA_HOME and /usr/lib/jvm (Keycloak 26 needs Java 21+). */
export function findJavaHome(): string {
  const candidates: string[] = [];
  if (process.env.JAVA_HOME) candidates.push(process.env.JAVA_HOME);
  const jvmRoot = '/usr/lib/jvm';
  if (existsSync(jvmRoot)) {
    for (const entry of readdirSync(jvmRoot)) candidates.push(join(jvmRoot, entry));
  }
  let best: { home: string; major: number } | undefined;
  for (const home of candidates) {
    const major = javaMajor(home);
    if (major !== undefined && major >= MIN_JAVA_MAJOR && (!best || major > best.major))
      best = { home, major };
  }
  if (!best) {
    throw new PrerequisiteError(
      `JDK ${MIN_JAVA_MAJOR}+ tidak ditemukan di JAVA_HOME atau /usr/lib/jvm: pasang JDK ≥ ${MIN_JAVA_MAJOR} (mis. temurin-21-jdk dari Adoptium) (JDK ${MIN_JAVA_MAJOR}+ not found)`,
    );
  }
  return best.home;
}
