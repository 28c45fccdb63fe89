import type { JsonWebKey } from 'node:crypto';
import type { Logger } from '@sipadu/service-kit';
import type { DocumentsEnvironment } from '../environment.js';
import { BsreProvider } from './bsre.provider.js';
import { LocalSealProvider } from './local-seal.provider.js';

export interface ProducedSignature {
  /** base64url */
  signature: string;
  algorithm: string;
  keyId: string;
}

/**
 * Who seals the canonical payload of a signature: the service's own key (default) or a
 * certified provider. Records keep `algorithm`, `keyId` and the provider name of each signature,
 * so verification asks the provider that made it.
 */
export interface SignatureProvider {
  readonly name: 'local' | 'bsre';
  readonly algorithm: string;
  readonly keyId: string;
  sign(payload: Uint8Array): Promise<ProducedSignature>;
  /** False for a wrong signature or a key this provider does not hold; throws only when it cannot tell. */
  verify(payload: Uint8Array, signature: string, keyId: string): Promise<boolean>;
  /** Public keys for `/.well-known/sipadu-signing-keys.json` (with kid, alg, use). */
  publicJwks(): Promise<JsonWebKey[]>;
}

export async function createSignatureProvider(
  env: DocumentsEnvironment,
  logger: Logger,
): Promise<SignatureProvider> {
  if (env.SIGNATURE_PROVIDER === 'bsre') {
    if (!env.BSRE_URL || !env.BSRE_CLIENT_ID) {
      throw new Error('SIGNATURE_PROVIDER=bsre memerlukan BSRE_URL dan BSRE_CLIENT_ID.');
    }
    logger.warn(
      { url: env.BSRE_URL },
      'penanda tangan BSrE dipakai: bentuk permintaannya belum dikonfirmasi dengan kontrak API BSrE',
    );
    return new BsreProvider({
      url: env.BSRE_URL,
      clientId: env.BSRE_CLIENT_ID,
      clientSecret: env.BSRE_CLIENT_SECRET ?? '',
    });
  }
  const { provider, source } = await LocalSealProvider.load({
    algorithm: env.SIGNING_ALGORITHM,
    privateKeyPem: env.SIGNING_PRIVATE_KEY,
    keyFile: env.SIGNING_KEY_FILE,
    production: env.NODE_ENV === 'production',
  });
  logger.info(
    { algorithm: provider.algorithm, keyId: provider.keyId, source },
    'kunci segel elektronik siap',
  );
  return provider;
}
