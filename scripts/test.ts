// `npm test`: every quality gate of SIPADU in one command — generated types current, type check,
// lint, formatting, supergraph composition, then every Vitest spec (unit and integration against
// the real local infrastructure, which the Vitest global setup starts). Ends with the plain line
// `N passed, N failed` that CI reads; each gate counts as one test.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { generateResolverTypes } from './codegen.js';
import { generateWebDocuments } from '../web/scripts/codegen.js';
import { composeSupergraphFile } from './compose-supergraph.js';
import { REPO_ROOT, INFRA_DIR } from './lib/infra/paths.js';

const bin = (name: string) => path.join(REPO_ROOT, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
let skipped = 0;

function gate(name: string, ok: boolean, detail = ''): void {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
}

function command(name: string, cmd: string, args: string[]): void {
  console.log(`\n▶ ${name}: ${path.basename(cmd)} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  gate(name, result.status === 0);
}

console.log('▶ codegen: tipe resolver dan dokumen web sesuai schema.graphql');
const generated = [
  ...(await generateResolverTypes()),
  ...(await generateWebDocuments()).map((file) => ({ ...file, service: 'web' })),
];
const stale = generated.filter(
  (file) => !existsSync(file.file) || readFileSync(file.file, 'utf8') !== file.content,
);
gate(
  'codegen',
  stale.length === 0,
  stale.length
    ? `jalankan npm run codegen (${[...new Set(stale.map((f) => f.service))].join(', ')})`
    : '',
);

console.log('\n▶ composition: supergraph dari semua subgraph');
const composition = composeSupergraphFile();
for (const error of composition.errors) console.error(`  - ${error}`);
gate('composition', composition.ok, composition.subgraphs.join(', '));

command('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
// The portal compiles with Next's settings (bundler resolution, JSX), so it has its own project.
command('typecheck web', bin('tsc'), ['-p', 'web/tsconfig.json', '--noEmit']);
command('lint', bin('eslint'), ['.', '--max-warnings=0']);
command('format', bin('prettier'), ['--check', '.', '--log-level=warn']);

const report = path.join(INFRA_DIR, 'vitest-report.json');
rmSync(report, { force: true });
console.log('\n▶ vitest: unit dan integrasi terhadap infrastruktur lokal yang nyata');
const vitest = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  },
);
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    success: boolean;
  };
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + results.numTodoTests;
  // A suite that crashed outside a test (setup, import) fails the run without a failed test.
  if (!results.success && results.numFailedTests === 0) gate('vitest (setup)', false);
} else {
  gate('vitest', false, `tidak ada laporan (status ${vitest.status})`);
}

console.log('');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && vitest.status === 0 ? 0 : 1);
