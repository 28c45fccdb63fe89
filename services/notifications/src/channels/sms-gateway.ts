import type { Logger } from '@sipadu/service-kit';
import type { SentMessage } from './email-transport.js';

export interface SmsGateway {
  /** False when messages are only recorded on the server (shown to users in their preferences). */
  readonly delivering: boolean;
  readonly description: string;
  send(to: string, text: string): Promise<SentMessage>;
}

/** One SMS segment in the GSM 7-bit alphabet. */
export const SMS_MAX_LENGTH = 160;

/**
 * Mobile numbers only (SMS): `08…`, `628…` or `+628…` with 8–11 digits after the `8`, spaces,
 * dots, dashes and brackets ignored. Returns E.164 (`+628…`), or null for anything else.
 */
export function normalizeIndonesianPhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  const national = /^(?:0|\+62|62)(8\d{8,11})$/.exec(compact)?.[1];
  return national ? `+62${national}` : null;
}

/**
 * `SIPADU: <title> <url>` in one segment: the title is shortened to make room for the link, and
 * the inbox link replaces a notification link too long to fit beside a readable title.
 * ASCII `...` rather than `…`, which is outside GSM 7-bit and would cut the segment to 70.
 */
export function smsText(title: string, url: string, inboxUrl: string): string {
  const prefix = 'SIPADU: ';
  const flat = title.replace(/\s+/g, ' ').trim();
  const minimumTitle = 40;
  const link = prefix.length + minimumTitle + 1 + url.length <= SMS_MAX_LENGTH ? url : inboxUrl;
  const room = SMS_MAX_LENGTH - prefix.length - 1 - link.length;
  const shown = flat.length > room ? `${flat.slice(0, Math.max(room - 3, 0)).trimEnd()}...` : flat;
  return `${prefix}${shown} ${link}`;
}

/** The default: nothing leaves the server; the message is written to the log. */
export class RecordingSmsGateway implements SmsGateway {
  readonly delivering = false;
  readonly description = 'SMS belum tersambung ke gerbang SMS; pesan hanya dicatat di server.';

  constructor(private readonly logger: Logger) {}

  async send(to: string, text: string): Promise<SentMessage> {
    this.logger.info({ to, text }, 'SMS recorded, not sent (no SMS gateway configured)');
    return { provider: 'recording', reference: null };
  }
}

/** A failed gateway call; `status` is the HTTP status, null when no answer came. */
export class SmsGatewayError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'SmsGatewayError';
  }
}

export interface HttpSmsGatewayOptions {
  url: string;
  token: string;
  timeoutMs?: number;
}

/**
 * The deployment's SMS gateway: `POST <url>` with JSON `{to, text}` and a bearer token. A JSON
 * answer carrying `id` or `reference` (string) is kept as the message reference.
 */
export class HttpSmsGateway implements SmsGateway {
  readonly delivering = true;
  readonly description = 'SMS dikirim melalui gerbang SMS Pemda.';
  private readonly timeoutMs: number;

  constructor(private readonly options: HttpSmsGatewayOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async send(to: string, text: string): Promise<SentMessage> {
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.options.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new SmsGatewayError(
        timedOut
          ? `Gerbang SMS tidak menjawab dalam ${Math.round(this.timeoutMs / 1000)} detik.`
          : `Gerbang SMS tidak dapat dihubungi: ${(error as Error).message}`,
        null,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new SmsGatewayError(
        `Gerbang SMS menolak pesan (HTTP ${response.status}).`,
        response.status,
      );
    }
    return { provider: 'sms-http', reference: await referenceOf(response) };
  }
}

async function referenceOf(response: Response): Promise<string | null> {
  if (!response.headers.get('content-type')?.includes('json')) {
    await response.body?.cancel();
    return null;
  }
  // A malformed body does not undo a message the gateway accepted.
  const body: unknown = await response.json().catch(() => null);
  if (typeof body !== 'object' || body === null) return null;
  const { id, reference } = body as Record<string, unknown>;
  if (typeof id === 'string') return id;
  return typeof reference === 'string' ? reference : null;
}

export interface SmsGatewayConfig {
  /** SMS_GATEWAY_URL; absent → RecordingSmsGateway. */
  url?: string;
  /** SMS_GATEWAY_TOKEN, required with a URL. */
  token?: string;
  timeoutMs?: number;
}

export function createSmsGateway(config: SmsGatewayConfig, logger: Logger): SmsGateway {
  if (!config.url) return new RecordingSmsGateway(logger);
  if (!config.token) throw new Error('SMS_GATEWAY_URL memerlukan SMS_GATEWAY_TOKEN.');
  return new HttpSmsGateway({ url: config.url, token: config.token, timeoutMs: config.timeoutMs });
}
