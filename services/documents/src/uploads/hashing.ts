import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Passes `source` through unchanged while hashing it, so bytes are hashed and stored in one
 * pass. Errors travel both ways: a failing source fails the consumer, a consumer that gives up
 * (destroys the returned stream) releases the source.
 */
export function sha256Passthrough(source: Readable): { stream: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  // Failures surface to whoever reads `tap`; this promise only wires the two streams.
  pipeline(source, tap).catch(() => undefined);
  return { stream: tap, sha256: () => hash.digest('hex') };
}
