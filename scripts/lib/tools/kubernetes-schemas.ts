import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DL_DIR, INFRA_DIR, logFile } from '../infra/paths.js';
import { PrerequisiteError } from '../infra/prerequisites.js';
import { run, tailFile } from '../infra/process.js';
import { KUBERNETES_VALIDATE_VERSION, KUBERNETES_VERSION } from './versions.js';

export const SCHEMA_ROOT = join(INFRA_DIR, 'k8s-schemas');
const SCHEMA_DIR_NAME = `v${KUBERNETES_VERSION}-local-strict`;
const SCHEMA_DIR = join(SCHEMA_ROOT, SCHEMA_DIR_NAME);
const COMPLETE_MARKER = join(SCHEMA_DIR, '.complete');

/**
 * kubeconform's -schema-location template for the local schemas. The file names in the wheel
 * (`deployment-apps-v1.json`, `service-v1.json`) follow kubeconform's own naming.
 */
export const SCHEMA_LOCATION = `${SCHEMA_ROOT}/{{ .NormalizedKubernetesVersion }}-local{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json`;

// Copies one folder of JSON files out of the wheel (a zip) without installing the package.
const EXTRACT_PY = `
import os, sys, zipfile
wheel, prefix, out = sys.argv[1:4]
count = 0
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.startswith(prefix) and name.endswith('.json'):
            with open(os.path.join(out, name[len(prefix):]), 'wb') as f:
                f.write(z.read(name))
            count += 1
print(count)
`;

function fail(what: string, logPath: string): never {
  throw new Error(`${what} gagal (failed); log ${logPath}:\n${tailFile(logPath)}`);
}

/**
 * Makes the strict JSON schemas of KUBERNETES_VERSION available under .infra/k8s-schemas
 * (downloaded once with pip from PyPI's kubernetes-validate wheel) and returns the
 * kubeconform -schema-location template.
 */
export async function ensureKubernetesSchemas(): Promise<string> {
  if (existsSync(COMPLETE_MARKER)) return SCHEMA_LOCATION;
  const logPath = logFile('install-k8s-schemas');
  const pip = await run('python3', ['-m', 'pip', '--version']);
  if (pip.code !== 0) {
    throw new PrerequisiteError(
      'python3 dengan pip tidak ditemukan: pasang python3-pip (apt-get install python3-pip) (python3 pip not found)',
    );
  }
  const wheel = join(DL_DIR, `kubernetes_validate-${KUBERNETES_VALIDATE_VERSION}-py3-none-any.whl`);
  if (!existsSync(wheel)) {
    mkdirSync(DL_DIR, { recursive: true });
    const dl = await run(
      'python3',
      [
        '-m',
        'pip',
        'download',
        '--no-deps',
        '--only-binary=:all:',
        '--dest',
        DL_DIR,
        `kubernetes-validate==${KUBERNETES_VALIDATE_VERSION}`,
      ],
      { logPath },
    );
    if (dl.code !== 0 || !existsSync(wheel))
      fail('Unduhan kubernetes-validate (pip download)', logPath);
  }
  rmSync(SCHEMA_DIR, { recursive: true, force: true });
  mkdirSync(SCHEMA_DIR, { recursive: true });
  const prefix = `kubernetes_validate/kubernetes-json-schema/${SCHEMA_DIR_NAME}/`;
  const extract = await run('python3', ['-c', EXTRACT_PY, wheel, prefix, SCHEMA_DIR], { logPath });
  if (extract.code !== 0 || Number(extract.stdout.trim()) === 0) {
    fail(`Ekstraksi skema ${SCHEMA_DIR_NAME}`, logPath);
  }
  for (const file of readdirSync(SCHEMA_DIR)) relocateReferences(join(SCHEMA_DIR, file));
  writeFileSync(COMPLETE_MARKER, `kubernetes-validate ${KUBERNETES_VALIDATE_VERSION}\n`);
  return SCHEMA_LOCATION;
}

/**
 * The bundled schemas carry an https `$id` and point at `/api/_definitions.json`, which the
 * Python package resolves in memory; kubeconform would fetch them over the network. Dropping the
 * `$id` and making the reference relative lets it resolve against the local file instead.
 */
function relocateReferences(file: string): void {
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete schema.$id;
  const text = JSON.stringify(schema).replaceAll('"/api/_definitions.json#', '"_definitions.json#');
  writeFileSync(file, text);
}
