// Refreshes docker/compose-spec.schema.json, the Compose Specification JSON schema that
// test/compose.spec.ts validates docker-compose.yml against. The schema ships inside the Go module
// github.com/compose-spec/compose-go/v2 (the loader Docker Compose itself uses), so it comes from
// the Go module proxy like the rest of the project's Go tooling; vendoring it keeps `npm test`
// offline and deterministic.
// Usage: tsx scripts/update-compose-schema.ts [version]   (default: latest)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

const COMPOSE_GO_MODULE = 'github.com/compose-spec/compose-go/v2';
const repoRoot = path.resolve(import.meta.dirname, '..');
const composeSchemaPath = path.join(repoRoot, 'docker', 'compose-spec.schema.json');

const version = process.argv[2] ?? 'latest';
// Outside any go.mod, so the query never touches a module of this repository.
const download = JSON.parse(
  execFileSync('go', ['mod', 'download', '-json', `${COMPOSE_GO_MODULE}@${version}`], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
  }),
) as { Dir?: string; Version: string; Error?: string };
if (download.Error || !download.Dir) {
  throw new Error(`go mod download ${COMPOSE_GO_MODULE}@${version}: ${download.Error ?? 'no Dir'}`);
}

const { $schema, ...rest } = JSON.parse(
  readFileSync(path.join(download.Dir, 'schema', 'compose-spec.json'), 'utf8'),
) as Record<string, unknown>;
const vendored = {
  $schema,
  $comment: `Vendored from ${COMPOSE_GO_MODULE}@${download.Version} schema/compose-spec.json by scripts/update-compose-schema.ts; do not edit.`,
  ...rest,
};
const options = await resolveConfig(composeSchemaPath);
writeFileSync(
  composeSchemaPath,
  await format(JSON.stringify(vendored, null, 2), { ...options, filepath: composeSchemaPath }),
);
console.log(
  `${path.relative(repoRoot, composeSchemaPath)} <- ${COMPOSE_GO_MODULE}@${download.Version}`,
);
