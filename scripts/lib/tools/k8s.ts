import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INFRA_DIR, REPO_ROOT } from '../infra/paths.js';
import { run } from '../infra/process.js';
import { ensureGoTool } from './go-tool.js';
import { ensureKubernetesSchemas } from './kubernetes-schemas.js';
import {
  KUBECONFORM_MODULE,
  KUBECONFORM_VERSION,
  KUBERNETES_VERSION,
  KUSTOMIZE_MODULE,
  KUSTOMIZE_VERSION,
} from './versions.js';

export const K8S_DIR = join(REPO_ROOT, 'k8s');
/** Where rendered overlays are written (for kubeconform and for reading them by hand). */
export const RENDERED_DIR = join(INFRA_DIR, 'k8s-rendered');
export const OVERLAYS = ['dev', 'production'] as const;
export type Overlay = (typeof OVERLAYS)[number];

export interface K8sTools {
  kustomize: string;
  kubeconform: string;
  schemaLocation: string;
}

/** Installs kustomize, kubeconform and the Kubernetes schemas when missing (first run only). */
export async function ensureK8sTools(): Promise<K8sTools> {
  // One after another: `go install` is CPU-heavy and the machine has two cores.
  const kustomize = await ensureGoTool({
    name: 'kustomize',
    module: KUSTOMIZE_MODULE,
    version: KUSTOMIZE_VERSION,
    pkg: KUSTOMIZE_MODULE,
  });
  const kubeconform = await ensureGoTool({
    name: 'kubeconform',
    module: KUBECONFORM_MODULE,
    version: KUBECONFORM_VERSION,
    pkg: `${KUBECONFORM_MODULE}/cmd/kubeconform`,
  });
  const schemaLocation = await ensureKubernetesSchemas();
  return { kustomize, kubeconform, schemaLocation };
}

export interface RenderedOverlay {
  overlay: Overlay;
  /** The rendered manifests, also written to `file`. */
  yaml: string;
  file: string;
}

/**
 * Renders an overlay into .infra/k8s-rendered/<overlay>.yaml. The realm ConfigMaps read
 * keycloak/*.json outside k8s/, which kustomize only allows with LoadRestrictionsNone.
 */
export async function renderOverlay(tools: K8sTools, overlay: Overlay): Promise<RenderedOverlay> {
  const res = await run(tools.kustomize, [
    'build',
    '--load-restrictor',
    'LoadRestrictionsNone',
    join(K8S_DIR, 'overlays', overlay),
  ]);
  if (res.code !== 0) throw new Error(`kustomize build ${overlay} gagal:\n${res.stderr}`);
  mkdirSync(RENDERED_DIR, { recursive: true });
  const file = join(RENDERED_DIR, `${overlay}.yaml`);
  writeFileSync(file, res.stdout);
  return { overlay, yaml: res.stdout, file };
}

export interface ValidationResult {
  ok: boolean;
  /** kubeconform's report: one line per invalid resource, then the summary. */
  output: string;
}

/**
 * Validates manifests (files or directories) strictly against the pinned Kubernetes version;
 * a kind without a schema counts as an error.
 */
export async function validateManifests(
  tools: K8sTools,
  paths: string[],
): Promise<ValidationResult> {
  const res = await run(tools.kubeconform, [
    '-strict',
    '-summary',
    '-kubernetes-version',
    KUBERNETES_VERSION,
    '-schema-location',
    tools.schemaLocation,
    ...paths,
  ]);
  return { ok: res.code === 0, output: `${res.stdout}${res.stderr}`.trim() };
}
