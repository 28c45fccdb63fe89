// Kubernetes manifests: render each kustomize overlay and validate it with kubeconform.
//   npx tsx scripts/validate-k8s.ts            validate dev and production (and the Secret templates)
//   npx tsx scripts/validate-k8s.ts render production > sipadu.yaml
//                                              print one rendered overlay (for kubectl apply -f)
// kustomize, kubeconform and the Kubernetes schemas are installed under .infra/ on first use.
import { join } from 'node:path';
import {
  K8S_DIR,
  OVERLAYS,
  ensureK8sTools,
  renderOverlay,
  validateManifests,
  type Overlay,
} from './lib/tools/k8s.js';

const isOverlay = (value: string | undefined): value is Overlay =>
  (OVERLAYS as readonly string[]).includes(value ?? '');

const [command, overlay] = process.argv.slice(2);
const tools = await ensureK8sTools();

if (command === 'render') {
  if (!isOverlay(overlay)) {
    console.error(`Pakai: render ${OVERLAYS.join('|')} (usage)`);
    process.exit(2);
  }
  process.stdout.write((await renderOverlay(tools, overlay)).yaml);
} else {
  let failed = 0;
  const targets = [
    ...(await Promise.all(
      OVERLAYS.map(async (name) => [name, (await renderOverlay(tools, name)).file]),
    )),
    ['secret-templates', join(K8S_DIR, 'secret-templates')],
  ];
  for (const [name, path] of targets) {
    const result = await validateManifests(tools, [path!]);
    console.log(`${result.ok ? '✓' : '✗'} ${name}: ${result.output}`);
    if (!result.ok) failed += 1;
  }
  process.exit(failed ? 1 : 0);
}
