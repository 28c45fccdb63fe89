import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from './audit-chain.js';

const entry = {
  sequence: 7,
  action: 'DOWNLOAD',
  actor: { id: 'u-1', name: 'Budi', organizationCode: 'DPUPR' },
  targetType: 'file',
  targetId: 'f-1',
  organizationCode: 'DPUPR',
  detail: null,
  at: new Date('2025-03-01T02:03:04.005Z'),
  previousHash: GENESIS_HASH,
};

describe('canonical serialisation', () => {
  it('does not depend on key order and writes missing values as null', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: null }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: [new Date(0), undefined] })).toBe(
      '{"a":["1970-01-01T00:00:00.000Z",null],"b":1}',
    );
  });

  it('hashes the same content the same way, field order and extra stored fields aside', () => {
    const reordered = Object.fromEntries(Object.entries(entry).reverse());
    expect(entryHash({ ...reordered, _id: 'x', hash: 'y' })).toBe(entryHash(entry));
    expect(entryHash(entry)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['sequence', { sequence: 8 }],
    ['sequence type', { sequence: '7' }],
    ['action', { action: 'UPLOAD' }],
    ['actor name', { actor: { ...entry.actor, name: 'Badu' } }],
    ['target', { targetId: 'f-2' }],
    ['organization', { organizationCode: null }],
    ['detail', { detail: '' }],
    ['time', { at: new Date('2025-03-01T02:03:04.006Z') }],
    ['link', { previousHash: '1'.repeat(64) }],
  ])('changes when the %s changes', (_field, change) => {
    expect(entryHash({ ...entry, ...change })).not.toBe(entryHash(entry));
  });
});
