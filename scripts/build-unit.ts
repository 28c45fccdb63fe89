// Production build of one deployable unit (a service or the gateway), run from its folder:
// bundles src/index.ts with the workspace packages it imports (they ship as TypeScript source)
// into dist/index.js; npm dependencies stay external and are installed in the image.
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const unitDir = process.cwd();
const repoRoot = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(unitDir, 'package.json'), 'utf8')) as {
  name: string;
  dependencies?: Record<string, string>;
};
const external = Object.keys(manifest.dependencies ?? {}).filter(
  (name) => !name.startsWith('@sipadu/'),
);

await build({
  entryPoints: [path.join(unitDir, 'src/index.ts')],
  outfile: path.join(unitDir, 'dist/index.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Workspace packages' own npm dependencies are external too: node_modules serves them at runtime.
  packages: 'external',
  external,
  plugins: [
    {
      name: 'bundle-workspace-packages',
      setup(builder) {
        // Workspace packages export their TypeScript entry (`exports["."]`); bundle it in.
        builder.onResolve({ filter: /^@sipadu\/[^/]+$/ }, (args) => {
          const dir = realpathSync(path.join(repoRoot, 'node_modules', args.path));
          const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
            exports: { '.': string };
          };
          return { path: path.join(dir, pkg.exports['.']) };
        });
      },
    },
  ],
  logLevel: 'info',
});
console.log(`${manifest.name}: dist/index.js`);
