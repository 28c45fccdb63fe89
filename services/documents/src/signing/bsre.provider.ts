import type { JsonWebKey } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { ProducedSignature, SignatureProvider } from './signature-provider.js';

export type SigningProviderErrorCode = 'SIGNING_PROVIDER_UNAVAILABLE' | 'SIGNING_PROVIDER_REFUSED';

/**
 * The certified signer could not be reached, or refused: said in Indonesian, as the platform's
 * SERVICE_UNAVAILABLE with the provider's situation as `reason`.
 */
export class SigningProviderError extends GraphQLError {
  constructor(
    readonly code: SigningProviderErrorCode,
    message: string,
  ) {
    super(message, {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        reason: code,
        http: { status: code === 'SIGNING_PROVIDER_REFUSED' ? 502 : 503 },
      },
    });
    this.name = 'SigningProviderError';
  }
}

export interface BsreOptions {
  url: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
}

/**
 * Certified signatures by BSrE (Balai Sertifikasi Elektronik, BSSN) behind the provider interface.
 *
 * NOT CONFIRMED AGAINST A REAL BSrE: no BSrE endpoint was available while this was written. The
 * paths, the Basic client authentication and the JSON fields below are assumptions and must be
 * checked against the deployment's BSrE API contract before SIGNATURE_PROVIDER=bsre is used.
 * BSrE's published services sign PDFs (PAdES) with a certificate holder's credentials rather than
 * raw payloads; if the contract is like that, the signer's passphrase and the PDF itself must
 * travel through this interface, which then needs to grow. What is knowable is implemented:
 * a bounded HTTP client and typed errors when BSrE is unreachable or refuses. The local seal stays
 * the default.
 */
export class BsreProvider implements SignatureProvider {
  readonly name = 'bsre' as const;
  readonly algorithm = 'BSrE';
  readonly keyId: string;
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;

  constructor(options: BsreOptions) {
    this.baseUrl = options.url.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    // Replaced by the certificate serial BSrE returns with each signature.
    this.keyId = `bsre:${options.clientId}`;
  }

  async sign(payload: Uint8Array): Promise<ProducedSignature> {
    const body = await this.post('/api/v1/sign', { data: Buffer.from(payload).toString('base64') });
    const { signature, algorithm, keyId } = body as Record<string, unknown>;
    if (
      typeof signature !== 'string' ||
      typeof algorithm !== 'string' ||
      typeof keyId !== 'string'
    ) {
      throw new SigningProviderError(
        'SIGNING_PROVIDER_UNAVAILABLE',
        'Jawaban BSrE tidak dapat dibaca; tanda tangan tidak dibuat.',
      );
    }
    // Stored as base64url like the local seal's signatures.
    return { signature: Buffer.from(signature, 'base64').toString('base64url'), algorithm, keyId };
  }

  async verify(payload: Uint8Array, signature: string, keyId: string): Promise<boolean> {
    const body = await this.post('/api/v1/verify', {
      data: Buffer.from(payload).toString('base64'),
      signature: Buffer.from(signature, 'base64url').toString('base64'),
      keyId,
    });
    return (body as { valid?: unknown }).valid === true;
  }

  /** BSrE certificates chain to the Indonesian root CA; they are not published as our JWKS. */
  async publicJwks(): Promise<JsonWebKey[]> {
    return [];
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          authorization: this.authorization,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new SigningProviderError(
        'SIGNING_PROVIDER_UNAVAILABLE',
        timedOut
          ? `Layanan BSrE tidak menjawab dalam ${Math.round(this.timeoutMs / 1000)} detik. Coba lagi nanti.`
          : 'Layanan BSrE tidak dapat dihubungi. Coba lagi nanti.',
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new SigningProviderError(
        'SIGNING_PROVIDER_REFUSED',
        'BSrE menolak permintaan: kredensial layanan (BSRE_CLIENT_ID/SECRET) tidak diterima.',
      );
    }
    if (response.status >= 500) {
      throw new SigningProviderError(
        'SIGNING_PROVIDER_UNAVAILABLE',
        `Layanan BSrE sedang bermasalah (HTTP ${response.status}). Coba lagi nanti.`,
      );
    }
    if (!response.ok) {
      throw new SigningProviderError(
        'SIGNING_PROVIDER_REFUSED',
        `BSrE menolak permintaan (HTTP ${response.status}).`,
      );
    }
    try {
      return await response.json();
    } catch {
      throw new SigningProviderError(
        'SIGNING_PROVIDER_UNAVAILABLE',
        'Jawaban BSrE tidak dapat dibaca.',
      );
    }
  }
}
