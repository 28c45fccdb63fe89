import { createHash } from 'node:crypto';

/** previousHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Deterministic JSON: object keys sorted, `undefined` written as null, dates as ISO strings.
 * The same content therefore always hashes the same, whatever order the database returns fields in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The hashed content of an entry, built field by field from whatever is stored (values are not
 * trusted to have their declared types: a tampered field must change the hash, not crash).
 */
function chainPayload(entry: Record<string, unknown>): Record<string, unknown> {
  const actor = entry.actor;
  return {
    sequence: entry.sequence ?? null,
    action: entry.action ?? null,
    actor:
      actor !== null && typeof actor === 'object'
        ? {
            id: (actor as Record<string, unknown>).id ?? null,
            name: (actor as Record<string, unknown>).name ?? null,
            organizationCode: (actor as Record<string, unknown>).organizationCode ?? null,
          }
        : null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    organizationCode: entry.organizationCode ?? null,
    detail: entry.detail ?? null,
    at: entry.at ?? null,
    previousHash: entry.previousHash ?? null,
  };
}

/** SHA-256 (lowercase hex) of the canonical serialisation of an entry's content and link. */
export function entryHash(entry: Record<string, unknown>): string {
  return createHash('sha256')
    .update(canonicalJson(chainPayload(entry)), 'utf8')
    .digest('hex');
}
