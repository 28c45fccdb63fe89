// Kubernetes manifests: both kustomize overlays render, validate strictly with kubeconform
// against the Kubernetes API schemas, and keep the properties the platform relies on.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { REPO_ROOT } from '../scripts/lib/infra/paths.js';
import {
  K8S_DIR,
  OVERLAYS,
  RENDERED_DIR,
  ensureK8sTools,
  renderOverlay,
  validateManifests,
  type K8sTools,
  type Overlay,
  type RenderedOverlay,
} from '../scripts/lib/tools/k8s.js';

type Labels = Record<string, string>;

interface Probe {
  httpGet?: { path: string; port: string | number };
}

interface Container {
  name: string;
  image: string;
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
  }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Labels; limits?: Labels };
  securityContext?: { allowPrivilegeEscalation?: boolean; capabilities?: { drop?: string[] } };
}

interface PodTemplate {
  metadata: { labels: Labels };
  spec: {
    containers: Container[];
    initContainers?: Container[];
    securityContext?: { runAsNonRoot?: boolean; seccompProfile?: { type: string } };
  };
}

interface Workload {
  replicas?: number;
  template: PodTemplate;
}

interface PeerSelector {
  podSelector?: { matchLabels?: Labels };
  namespaceSelector?: { matchLabels?: Labels };
}

interface NetworkPolicySpec {
  podSelector: { matchLabels?: Labels };
  ingress?: { from?: PeerSelector[] }[];
}

interface IngressSpec {
  tls?: { hosts: string[]; secretName: string }[];
  rules: {
    host: string;
    http: { paths: { path: string; backend: { service: { name: string } } }[] };
  }[];
}

interface HpaSpec {
  scaleTargetRef: { kind: string; name: string };
  minReplicas: number;
  maxReplicas: number;
}

interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Labels; annotations?: Labels };
  spec?: unknown;
  data?: Record<string, string>;
}

const rendered = new Map<Overlay, { file: string; resources: Resource[] }>();
let tools: K8sTools;

function parse(result: RenderedOverlay): Resource[] {
  return parseAllDocuments(result.yaml).map((doc) => doc.toJS() as Resource);
}

function resources(overlay: Overlay, kind?: string): Resource[] {
  const all = rendered.get(overlay)?.resources ?? [];
  return kind ? all.filter((r) => r.kind === kind) : all;
}

/** A resource by kind and name; generated names carry a hash suffix (`sipadu-config-abc123`). */
function find(overlay: Overlay, kind: string, name: string): Resource {
  const match = resources(overlay, kind).find(
    (r) => r.metadata.name === name || r.metadata.name.startsWith(`${name}-`),
  );
  if (!match) throw new Error(`${overlay}: ${kind}/${name} tidak ada`);
  return match;
}

const specOf = <T>(resource: Resource): T => resource.spec as T;
const workloads = (overlay: Overlay): Resource[] => [
  ...resources(overlay, 'Deployment'),
  ...resources(overlay, 'StatefulSet'),
  ...resources(overlay, 'Job'),
];
const nameOf = (resource: Resource): string =>
  resource.metadata.labels?.['app.kubernetes.io/name'] ?? resource.metadata.name;
const isSubgraph = (resource: Resource): boolean =>
  resource.metadata.labels?.['app.kubernetes.io/component'] === 'subgraph';

function config(overlay: Overlay, name: string): Record<string, string> {
  return find(overlay, 'ConfigMap', name).data ?? {};
}

beforeAll(async () => {
  // The first run installs kustomize and kubeconform (go install) and the schemas (pip download).
  tools = await ensureK8sTools();
  for (const overlay of OVERLAYS) {
    const result = await renderOverlay(tools, overlay);
    rendered.set(overlay, { file: result.file, resources: parse(result) });
  }
}, 600_000);

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  it('validates strictly against the Kubernetes schemas (no invalid or unknown resource)', async () => {
    const { file } = rendered.get(overlay)!;
    const result = await validateManifests(tools, [file]);
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toMatch(/Invalid: 0, Errors: 0, Skipped: 0/);
    expect(resources(overlay).length).toBeGreaterThan(30);
  });

  it('puts everything in namespace sipadu', () => {
    for (const resource of resources(overlay)) {
      if (resource.kind === 'Namespace') continue;
      expect(resource.metadata.namespace, resource.metadata.name).toBe('sipadu');
    }
  });

  it('gives every container resource requests and limits and a restricted security context', () => {
    for (const workload of workloads(overlay)) {
      const pod = specOf<Workload>(workload).template.spec;
      expect(pod.securityContext?.runAsNonRoot, workload.metadata.name).toBe(true);
      expect(pod.securityContext?.seccompProfile?.type, workload.metadata.name).toBe(
        'RuntimeDefault',
      );
      for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
        const where = `${workload.metadata.name}/${container.name}`;
        for (const bound of ['requests', 'limits'] as const) {
          expect(container.resources?.[bound]?.cpu, `${where} ${bound}.cpu`).toBeTruthy();
          expect(container.resources?.[bound]?.memory, `${where} ${bound}.memory`).toBeTruthy();
        }
        expect(container.securityContext?.allowPrivilegeEscalation, where).toBe(false);
        expect(container.securityContext?.capabilities?.drop, where).toEqual(['ALL']);
      }
    }
  });

  it('probes readiness on /readyz and liveness on /healthz for the gateway and subgraphs', () => {
    const nodeUnits = resources(overlay, 'Deployment').filter(
      (d) => isSubgraph(d) || nameOf(d) === 'gateway',
    );
    expect(nodeUnits.map(nameOf).sort()).toEqual([
      'consultations',
      'documents',
      'gateway',
      'identity',
      'insights',
      'notifications',
      'projects',
      'surveys',
    ]);
    for (const unit of nodeUnits) {
      const [container] = specOf<Workload>(unit).template.spec.containers;
      expect(container!.readinessProbe?.httpGet?.path, nameOf(unit)).toBe('/readyz');
      expect(container!.livenessProbe?.httpGet?.path, nameOf(unit)).toBe('/healthz');
    }
    const probes = (name: string): (string | undefined)[] => {
      const [container] = specOf<Workload>(find(overlay, 'Deployment', name)).template.spec
        .containers;
      return [container!.readinessProbe?.httpGet?.path, container!.livenessProbe?.httpGet?.path];
    };
    expect(probes('web')).toEqual(['/api/health', '/api/health']);
    expect(probes('keycloak')).toEqual(['/health/ready', '/health/live']);
    for (const workload of workloads(overlay)) {
      if (workload.kind === 'Job') continue;
      for (const container of specOf<Workload>(workload).template.spec.containers) {
        expect(container.readinessProbe, `${workload.metadata.name} readiness`).toBeDefined();
        expect(container.livenessProbe, `${workload.metadata.name} liveness`).toBeDefined();
      }
    }
  });

  it('lets subgraphs accept traffic only from the gateway and the insights service', () => {
    const deny = specOf<NetworkPolicySpec & { policyTypes: string[] }>(
      find(overlay, 'NetworkPolicy', 'default-deny-ingress'),
    );
    expect(deny.podSelector).toEqual({});
    expect(deny.ingress).toBeUndefined();

    const policy = specOf<NetworkPolicySpec>(
      find(overlay, 'NetworkPolicy', 'subgraphs-from-gateway'),
    );
    expect(policy.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/component': 'subgraph' });
    const peers = (policy.ingress ?? []).flatMap((rule) => rule.from ?? []);
    // Insights reads the owners' numbers directly (it keeps no copy of them).
    expect(peers).toEqual([
      { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } },
      { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'insights' } } },
    ]);

    // No other policy admits anything in the cluster to the subgraphs except Prometheus' namespace.
    for (const other of resources(overlay, 'NetworkPolicy')) {
      const spec = specOf<NetworkPolicySpec & { podSelector: { matchExpressions?: unknown[] } }>(
        other,
      );
      const selectsSubgraphs =
        spec.podSelector.matchLabels?.['app.kubernetes.io/component'] === 'subgraph' ||
        JSON.stringify(spec.podSelector.matchExpressions ?? []).includes('subgraph');
      if (!selectsSubgraphs || other.metadata.name === 'subgraphs-from-gateway') continue;
      for (const peer of (spec.ingress ?? []).flatMap((rule) => rule.from ?? [])) {
        expect(peer, other.metadata.name).toEqual({
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
        });
      }
    }

    const web = specOf<NetworkPolicySpec>(find(overlay, 'NetworkPolicy', 'web-from-ingress'));
    expect(web.ingress?.flatMap((rule) => rule.from ?? [])).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
    ]);
  });

  it('routes /, /graphql, /files, /events, /open311, /open-data and /insights with upload, cookie and SSE settings', () => {
    const routes = new Map<string, { service: string; annotations: Labels }>();
    const webHost = config(overlay, 'sipadu-config').NEXTAUTH_URL!.replace(/^https?:\/\//, '');
    for (const ingress of resources(overlay, 'Ingress')) {
      for (const rule of specOf<IngressSpec>(ingress).rules) {
        if (rule.host !== webHost) continue;
        for (const path of rule.http.paths) {
          routes.set(path.path, {
            service: path.backend.service.name,
            annotations: ingress.metadata.annotations ?? {},
          });
        }
      }
    }
    expect(Object.fromEntries([...routes].map(([path, r]) => [path, r.service]))).toEqual({
      '/': 'web',
      '/graphql': 'gateway',
      '/files': 'gateway',
      '/api/files': 'web',
      '/events': 'gateway',
      '/api/events': 'web',
      '/.well-known/sipadu-signing-keys.json': 'gateway',
      '/open311': 'gateway',
      '/open-data': 'gateway',
      '/insights': 'gateway',
      '/api/dasbor/stream': 'web',
    });
    // Uploads reach the gateway directly and through the portal's file BFF.
    for (const upload of ['/files', '/api/files']) {
      const files = routes.get(upload)!.annotations;
      expect(files['nginx.ingress.kubernetes.io/proxy-body-size'], upload).toBe('2g');
      expect(files['nginx.ingress.kubernetes.io/proxy-request-buffering'], upload).toBe('off');
    }
    // Event streams from the gateway and through the portal's event BFF stay open, unbuffered.
    // So does the leaders' dashboard stream (/insights/stream).
    for (const stream of ['/events', '/api/events', '/insights', '/api/dasbor/stream']) {
      const events = routes.get(stream)!.annotations;
      expect(events['nginx.ingress.kubernetes.io/proxy-buffering'], stream).toBe('off');
      expect(
        Number(events['nginx.ingress.kubernetes.io/proxy-read-timeout']),
        stream,
      ).toBeGreaterThanOrEqual(3600);
    }
    for (const { annotations } of routes.values()) {
      expect(annotations['nginx.ingress.kubernetes.io/proxy-buffer-size']).toMatch(/^(16|32)k$/);
    }
  });

  it('points the gateway at every subgraph Service, /events at notifications', () => {
    const env = config(overlay, 'sipadu-config');
    for (const [name, port] of [
      ['identity', 4001],
      ['documents', 4002],
      ['notifications', 4006],
      ['projects', 4003],
      ['surveys', 4004],
      ['consultations', 4005],
      ['insights', 4007],
    ] as const) {
      const service = specOf<{ ports: { port: number }[] }>(find(overlay, 'Service', name));
      expect(service.ports.map((p) => p.port)).toContain(port);
      expect(env[`${name.toUpperCase()}_URL`]).toBe(`http://${name}.sipadu.svc:${port}`);
    }
  });

  it('gives the consultations service its tracking-code key from the Secret sipadu-consultations', () => {
    const [container] = specOf<Workload>(find(overlay, 'Deployment', 'consultations')).template.spec
      .containers;
    const secret = container!.env?.find((e) => e.name === 'TRACKING_SECRET')?.valueFrom
      ?.secretKeyRef;
    expect(secret?.key).toBe('TRACKING_SECRET');
    // Generated Secrets (dev) carry a hash suffix that kustomize also writes into the reference.
    expect(secret?.name).toMatch(/^sipadu-consultations(-\w+)?$/);
    if (overlay === 'dev') expect(find(overlay, 'Secret', 'sipadu-consultations')).toBeDefined();
  });

  it('gives insights and Keycloak one client secret and points insights at the owners and the public gateway', () => {
    const secretOf = (deployment: string, variable: string) =>
      specOf<Workload>(
        find(overlay, 'Deployment', deployment),
      ).template.spec.containers[0]!.env?.find((e) => e.name === variable)?.valueFrom?.secretKeyRef;
    const insightsSecret = secretOf('insights', 'INSIGHTS_CLIENT_SECRET');
    expect(insightsSecret?.name).toMatch(/^sipadu-insights(-\w+)?$/);
    // Keycloak fills the realm's ${SIPADU_INSIGHTS_SECRET} from the very same key.
    expect(secretOf('keycloak', 'SIPADU_INSIGHTS_SECRET')).toEqual(insightsSecret);
    const realm = readFileSync(join(REPO_ROOT, 'keycloak/realm-production.json'), 'utf8');
    for (const placeholder of realm.matchAll(/"\$\{(\w+_SECRET)\}"/g)) {
      expect(secretOf('keycloak', placeholder[1]!), placeholder[1]).toBeDefined();
    }
    const insights = config(overlay, 'insights-config');
    expect(insights.KEYCLOAK_TOKEN_URL).toBe(
      'http://keycloak.sipadu.svc:8080/realms/sipadu/protocol/openid-connect/token',
    );
    expect(insights.PUBLIC_API_URL).toBe(config(overlay, 'sipadu-config').NEXTAUTH_URL);
    if (overlay === 'dev') expect(find(overlay, 'Secret', 'sipadu-insights')).toBeDefined();
  });

  it('creates the application user on every subgraph’s database', () => {
    const script = config(overlay, 'mongo-init')['init-replica-set.js']!;
    for (const subgraph of resources(overlay, 'Deployment').filter(isSubgraph)) {
      expect(script, nameOf(subgraph)).toContain(`'sipadu_${nameOf(subgraph)}'`);
    }
  });

  it('keeps public URLs, Keycloak hostname and ingress hosts consistent', () => {
    const env = config(overlay, 'sipadu-config');
    const keycloak = config(overlay, 'keycloak-config');
    const hosts = resources(overlay, 'Ingress').flatMap((i) =>
      specOf<IngressSpec>(i).rules.map((r) => r.host),
    );
    const issuer = new URL(env.KEYCLOAK_ISSUER!);
    expect(issuer.pathname).toBe('/realms/sipadu');
    expect(issuer.origin).toBe(keycloak.KC_HOSTNAME);
    expect(hosts).toContain(issuer.host);
    const web = new URL(env.NEXTAUTH_URL!);
    expect(env.CORS_ORIGINS).toBe(web.origin);
    expect(keycloak.SIPADU_WEB_URL).toBe(web.origin);
    expect(hosts).toContain(web.host);
    expect(env.TZ_PEMDA).toBe('Asia/Jakarta');
  });

  it('runs a 3-member MongoDB replica set and a 3-node NATS JetStream cluster', () => {
    const mongo = specOf<Workload & { serviceName: string }>(find(overlay, 'StatefulSet', 'mongo'));
    expect(mongo.replicas).toBe(3);
    expect(mongo.template.spec.containers[0]!.image).toBe('mongo:7');
    const init = specOf<Workload>(find(overlay, 'Job', 'mongo-init')).template.spec.containers[0]!;
    expect(init.env?.find((e) => e.name === 'MONGO_REPLICAS')?.value).toBe('3');
    expect(find(overlay, 'Service', mongo.serviceName).spec).toMatchObject({ clusterIP: 'None' });

    const nats = specOf<Workload & { serviceName: string }>(find(overlay, 'StatefulSet', 'nats'));
    expect(nats.replicas).toBe(3);
    expect(find(overlay, 'Service', nats.serviceName).spec).toMatchObject({ clusterIP: 'None' });
    const natsConf = config(overlay, 'nats-config')['nats.conf']!;
    expect(natsConf).toMatch(/jetstream\s*{/);
    for (const i of [0, 1, 2])
      expect(natsConf).toContain(`nats-${i}.${nats.serviceName}.sipadu.svc:6222`);
  });
});

describe('overlay production', () => {
  const overlay = 'production';

  it('imports the production realm: no dev users, no dev client, secrets as placeholders', () => {
    const realm = find(overlay, 'ConfigMap', 'keycloak-realm').data!['sipadu-realm.json']!;
    expect(realm).toBe(readFileSync(join(REPO_ROOT, 'keycloak/realm-production.json'), 'utf8'));
    const parsed = JSON.parse(realm) as {
      users?: { username: string; serviceAccountClientId?: string }[];
      clients: { clientId: string }[];
    };
    // Only service-account users (of confidential clients), no people.
    const people = (parsed.users ?? []).filter((user) => !user.serviceAccountClientId);
    expect(people.map((user) => user.username)).toEqual([]);
    expect(parsed.clients.map((c) => c.clientId)).not.toContain('sipadu-test');
    expect(realm).not.toContain('dev-secret');
  });

  it('has no Mailpit and commits no Secret', () => {
    const all = resources(overlay);
    expect(all.filter((r) => /mailpit/i.test(r.metadata.name))).toEqual([]);
    expect(JSON.stringify(all)).not.toMatch(/mailpit/i);
    expect(resources(overlay, 'Secret')).toEqual([]);
  });

  it('autoscales the gateway, the web and every subgraph from at least two replicas', () => {
    const deployments = resources(overlay, 'Deployment');
    const scaled = deployments.filter(
      (d) => isSubgraph(d) || ['gateway', 'web'].includes(nameOf(d)),
    );
    const hpas = resources(overlay, 'HorizontalPodAutoscaler').map((h) => specOf<HpaSpec>(h));
    for (const deployment of scaled) {
      const hpa = hpas.find(
        (h) =>
          h.scaleTargetRef.kind === 'Deployment' &&
          h.scaleTargetRef.name === deployment.metadata.name,
      );
      expect(hpa, deployment.metadata.name).toBeDefined();
      expect(hpa!.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa!.maxReplicas).toBeGreaterThan(hpa!.minReplicas);
      // The autoscaler owns the count; a fixed replicas field would reset it on each apply.
      expect(specOf<Workload>(deployment).replicas, deployment.metadata.name).toBeUndefined();
    }
    for (const deployment of deployments.filter((d) => !scaled.includes(d))) {
      expect(
        specOf<Workload>(deployment).replicas,
        deployment.metadata.name,
      ).toBeGreaterThanOrEqual(2);
    }
    expect(specOf<Workload>(find(overlay, 'Deployment', 'keycloak')).replicas).toBe(2);
  });

  it('runs Keycloak clustered on PostgreSQL behind TLS', () => {
    const keycloak = config(overlay, 'keycloak-config');
    expect(keycloak).toMatchObject({
      KC_DB: 'postgres',
      KC_CACHE: 'ispn',
      KC_PROXY_HEADERS: 'xforwarded',
      KC_HEALTH_ENABLED: 'true',
    });
    expect(keycloak.KC_HOSTNAME).toMatch(/^https:\/\//);
    expect(keycloak.KC_DB_URL).toMatch(/^jdbc:postgresql:\/\/postgres\./);
    for (const ingress of resources(overlay, 'Ingress')) {
      const spec = specOf<IngressSpec>(ingress);
      expect(spec.tls?.[0]?.hosts, ingress.metadata.name).toEqual(spec.rules.map((r) => r.host));
    }
  });

  it('protects every workload with a PodDisruptionBudget', () => {
    const budgets = resources(overlay, 'PodDisruptionBudget').map(
      (p) =>
        specOf<{ selector: { matchLabels: Labels } }>(p).selector.matchLabels[
          'app.kubernetes.io/name'
        ],
    );
    const replicated = workloads(overlay)
      .filter((w) => w.kind !== 'Job' && nameOf(w) !== 'postgres')
      .map(nameOf);
    expect(budgets.sort()).toEqual(replicated.sort());
  });

  it('pins the SIPADU images to a release tag', () => {
    const images = workloads(overlay).flatMap((w) =>
      specOf<Workload>(w).template.spec.containers.map((c) => c.image),
    );
    for (const unit of [
      'identity',
      'documents',
      'notifications',
      'projects',
      'surveys',
      'consultations',
      'insights',
      'gateway',
      'web',
    ]) {
      expect(images).toContain(`sipadu/${unit}:0.1.0`);
    }
    for (const image of images) expect(image, image).toMatch(/:[\w.-]+$/);
    expect(images.filter((image) => image.endsWith(':latest') || image.endsWith(':dev'))).toEqual(
      [],
    );
  });
});

describe('overlay dev', () => {
  const overlay = 'dev';

  it('imports the dev realm and runs Mailpit with one replica per Deployment', () => {
    const realm = find(overlay, 'ConfigMap', 'keycloak-realm').data!['sipadu-realm.json']!;
    expect(realm).toBe(readFileSync(join(REPO_ROOT, 'keycloak/realm-dev.json'), 'utf8'));
    const users = (JSON.parse(realm) as { users: { username: string }[] }).users;
    expect(users.map((user) => user.username)).toContain('admin-opd');
    expect(find(overlay, 'Deployment', 'mailpit')).toBeDefined();
    expect(config(overlay, 'sipadu-config').SMTP_URL).toBe('smtp://mailpit.sipadu.svc:1025');
    for (const deployment of resources(overlay, 'Deployment')) {
      expect(specOf<Workload>(deployment).replicas, deployment.metadata.name).toBe(1);
    }
    expect(resources(overlay, 'HorizontalPodAutoscaler')).toEqual([]);
  });
});

describe('secret templates and the validator itself', () => {
  it('validates the Secret templates: placeholders only, one for each Secret key production requires', async () => {
    const dir = join(K8S_DIR, 'secret-templates');
    const result = await validateManifests(tools, [dir]);
    expect(result.ok, result.output).toBe(true);
    const text = readFileSync(join(dir, 'secrets.example.yaml'), 'utf8');
    const secrets = parseAllDocuments(text).map(
      (doc) => doc.toJS() as Resource & { stringData: Labels },
    );
    for (const secret of secrets) {
      for (const [key, value] of Object.entries(secret.stringData)) {
        if (/PASSWORD|SECRET|keyfile/.test(key)) expect(value, key).toBe('CHANGE-ME');
      }
    }
    // Every Secret key the production containers require has its template.
    const templates = new Set(
      secrets.flatMap((s) => Object.keys(s.stringData).map((key) => `${s.metadata.name}/${key}`)),
    );
    const references = workloads('production').flatMap((w) => {
      const pod = specOf<Workload>(w).template.spec;
      return [...pod.containers, ...(pod.initContainers ?? [])].flatMap((c) => c.env ?? []);
    });
    for (const ref of references.map((e) => e.valueFrom?.secretKeyRef)) {
      if (ref && !ref.optional) expect(templates).toContain(`${ref.name}/${ref.key}`);
    }
  });

  it('rejects an unknown field and a kind without a schema', async () => {
    const [deployment] = resources('production', 'Deployment');
    const broken = structuredClone(deployment!) as Resource & { spec: Workload };
    (
      broken.spec.template.spec.containers[0] as unknown as Record<string, unknown>
    ).imagePullPolice = 'Always';
    const unknownKind = { apiVersion: 'sipadu.go.id/v1', kind: 'Pemda', metadata: { name: 'x' } };
    const file = join(RENDERED_DIR, 'invalid.yaml');
    writeFileSync(file, `${stringify(broken)}---\n${stringify(unknownKind)}`);
    const result = await validateManifests(tools, [file]);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('imagePullPolice');
    expect(result.output).toMatch(/Pemda.*(schema|not found)/i);
  });
});
