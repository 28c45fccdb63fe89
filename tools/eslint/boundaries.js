// Import boundaries: services and the gateway never import each other; only packages/* are shared,
// and only by package name. Kept local so the rule has no plugin to go stale.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const isolated = ['services', 'gateway', 'web'];

/** The unit (e.g. "services/identity", "gateway", "packages/events") a file belongs to. */
function unitOf(file) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === 'services' || rel[0] === 'packages') return rel.slice(0, 2).join('/');
  return rel[0];
}

/** Workspace package names that belong to a deployable unit (not shareable). */
const unitPackages = new Set([
  '@sipadu/gateway',
  '@sipadu/web',
  '@sipadu/identity',
  '@sipadu/documents',
  '@sipadu/projects',
  '@sipadu/surveys',
  '@sipadu/consultations',
  '@sipadu/notifications',
]);

export const boundaries = {
  rules: {
    'no-cross-unit-imports': {
      meta: {
        type: 'problem',
        messages: {
          relative:
            "'{{source}}' climbs out of {{unit}}: shared code belongs in packages/ and is imported by package name.",
          unit: "'{{source}}' is a deployable unit; services, gateway and web never import each other.",
        },
        schema: [],
      },
      create(context) {
        const file = context.filename;
        const unit = unitOf(file);
        function check(node) {
          const source = node.source && node.source.value;
          if (typeof source !== 'string') return;
          if (source.startsWith('.')) {
            const target = path.resolve(path.dirname(file), source);
            const targetUnit = unitOf(target);
            const guarded = isolated.includes(unit.split('/')[0]) || unit.startsWith('packages/');
            if (guarded && targetUnit !== unit) {
              context.report({ node, messageId: 'relative', data: { source, unit } });
            }
            return;
          }
          const name = source.split('/').slice(0, 2).join('/');
          if (unitPackages.has(name)) context.report({ node, messageId: 'unit', data: { source } });
        }
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};
