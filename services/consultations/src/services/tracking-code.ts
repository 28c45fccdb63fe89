import { createHash, createHmac, randomBytes } from 'node:crypto';

// The tracking code a citizen gets for a complaint: `ADU-XXXX-XXXX-XXXX`, 12 Crockford base32
// characters = 60 bits. It is derived, not stored: HMAC-SHA256(secret, submissionId|caseId), so a
// resent form gets the same code back while the database holds only its SHA-256. Guessing one
// code among a million complaints takes ~2^40 tries; lookups are rate limited per client.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'ADU';
const CHARACTERS = 12;

function encode(bytes: Buffer): string {
  // The first 60 bits of the bytes, 5 bits per character.
  let bits = bytes.readBigUInt64BE(0) >> 4n;
  let out = '';
  for (let i = 0; i < CHARACTERS; i += 1) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out;
}

const format = (chars: string) =>
  `${PREFIX}-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;

/** The code of a filed complaint (the same for every resend of its form). */
export function deriveTrackingCode(secret: Buffer, submissionId: string, caseId: string): string {
  return format(encode(createHmac('sha256', secret).update(`${submissionId}|${caseId}`).digest()));
}

/** A code that matches no complaint (the honeypot's fake receipt). */
export function randomTrackingCode(): string {
  return format(encode(randomBytes(8)));
}

/**
 * The canonical form of what a citizen typed, or null when it cannot be a code. Case, spaces
 * and dashes do not matter, the `ADU` prefix may be left out, and the letters people confuse
 * with digits (O, I, L) read as 0 and 1, as Crockford base32 prescribes.
 */
export function normalizeTrackingCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  let chars = input.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length === PREFIX.length + CHARACTERS && chars.startsWith(PREFIX)) {
    chars = chars.slice(PREFIX.length);
  }
  chars = chars.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (chars.length !== CHARACTERS || [...chars].some((c) => !ALPHABET.includes(c))) return null;
  return format(chars);
}

/** What the database keeps of a code (hex SHA-256 of its canonical form). */
export function trackingHash(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
