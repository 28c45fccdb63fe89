import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { GraphQLError } from 'graphql';
import type { ComplaintCatalog } from '../services/complaint-catalog.service.js';
import type {
  PublicComplaintService,
  PublicRequestView,
} from '../services/public-complaint.service.js';

// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the public complaints, for
// partner apps and city dashboards: the categories as services, the PUBLIC complaints as service
// requests (never contact data), and filing without an account (the answer's `token` is the
// tracking code). JSON only. The gateway proxies `/open311` without a token; the caller's address
// arrives as `x-sipadu-client` for the same rate limits as the GraphQL form.

const BASE = '/open311/v2';
/** GeoReport's defaults: the last 90 days, at most 1000 requests. */
const DEFAULT_SPAN_MS = 90 * 86_400_000;
const MAX_REQUESTS = 1000;
const MAX_IDS = 200;
const SERVICE_NOTICE =
  'Diverifikasi perangkat daerah dalam 3 hari kerja dan ditindaklanjuti dalam 5 hari kerja.';
const TITLE_LENGTH = 100;
/** A shorter first sentence ("Tolong.") does not name the complaint: the description does. */
const MIN_TITLE_LENGTH = 10;

type Open311Error = [{ code: number; description: string }];

class Open311Failure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

function send(res: Response, status: number, description: string): void {
  const body: Open311Error = [{ code: status, description }];
  res.status(status).json(body);
}

/** `name.json` → name; `.xml` and missing formats are refused. */
function jsonResource(file: string): string {
  const match = /^(.+)\.(json|xml)$/i.exec(file);
  if (!match) throw new Open311Failure(404, 'Alamat tidak ditemukan.');
  if (match[2]!.toLowerCase() === 'xml') {
    throw new Open311Failure(400, 'format xml tidak didukung, gunakan .json');
  }
  return match[1]!;
}

/** One query or form parameter as trimmed text ('' when absent or repeated oddly). */
function param(source: unknown, name: string): string {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function dateParam(source: unknown, name: string): Date | null {
  const value = param(source, name);
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new Open311Failure(400, `${name} harus tanggal-waktu ISO 8601 (W3C).`);
  }
  return date;
}

function numberParam(source: unknown, name: string, limit: number): number | null {
  const value = param(source, name);
  if (!value) return null;
  const number = Number(value);
  if (!Number.isFinite(number) || Math.abs(number) > limit) {
    throw new Open311Failure(400, `${name} harus angka antara -${limit} dan ${limit}.`);
  }
  return number;
}

/** The first sentence or line of the description (cut at a word) as the complaint's title. */
function titleOf(description: string): string {
  const sentence = description.split(/\r?\n|(?<=[.!?])\s/)[0]?.trim() ?? '';
  const first =
    sentence.length >= MIN_TITLE_LENGTH ? sentence : description.replace(/\s+/g, ' ').trim();
  if (first.length <= TITLE_LENGTH) return first;
  const cut = first.slice(0, TITLE_LENGTH - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).trimEnd()}…`;
}

function requestView(request: PublicRequestView) {
  return {
    service_request_id: request.number,
    status: request.open ? 'open' : 'closed',
    status_notes: request.statusLabel,
    service_name: request.categoryName,
    service_code: request.categoryCode,
    description: request.description,
    agency_responsible: request.organizationName,
    service_notice: SERVICE_NOTICE,
    requested_datetime: request.requestedAt,
    updated_datetime: request.updatedAt,
    expected_datetime: request.expectedAt,
    address: request.location?.address ?? null,
    lat: request.location?.latitude ?? null,
    long: request.location?.longitude ?? null,
    media_url: null,
  };
}

const clientOf = (req: Request) => req.header('x-sipadu-client') ?? null;

/** Mounts GeoReport v2 under /open311/v2 on the subgraph's express app. */
export function open311Routes(
  app: express.Express,
  deps: { complaints: PublicComplaintService; catalog: ComplaintCatalog },
): void {
  const router = express.Router();
  router.use(
    express.json({ limit: '64kb' }),
    express.urlencoded({ extended: false, limit: '64kb' }),
  );

  router.get('/:file', async (req, res) => {
    const resource = jsonResource(req.params.file);
    if (resource === 'services') {
      const categories = await deps.catalog.categories();
      res.json(
        categories.map((category) => ({
          service_code: category.code,
          service_name: category.name,
          description: category.description,
          metadata: false,
          type: 'realtime',
          keywords: category.keywords.join(','),
          group: category.group,
        })),
      );
      return;
    }
    if (resource !== 'requests') throw new Open311Failure(404, 'Alamat tidak ditemukan.');

    const numbers = list(param(req.query, 'service_request_id')).slice(0, MAX_IDS);
    const status = list(param(req.query, 'status').toLowerCase());
    if (status.some((value) => value !== 'open' && value !== 'closed')) {
      throw new Open311Failure(400, 'status harus open atau closed.');
    }
    const start = dateParam(req.query, 'start_date');
    const end = dateParam(req.query, 'end_date');
    const to = end ?? (start ? new Date(start.getTime() + DEFAULT_SPAN_MS) : new Date());
    const from = start ?? new Date(to.getTime() - DEFAULT_SPAN_MS);
    if (from > to) throw new Open311Failure(400, 'start_date harus sebelum end_date.');
    const requests = await deps.complaints.publicRequests({
      numbers: numbers.map((number) => number.toUpperCase()),
      categoryCodes: list(param(req.query, 'service_code')),
      from,
      to,
      open: status.length === 1 ? status[0] === 'open' : null,
      limit: MAX_REQUESTS,
    });
    res.json(requests.map(requestView));
  });

  router.get('/services/:file', async (req, res) => {
    const code = jsonResource(req.params.file);
    const category = await deps.catalog.category(code);
    if (!category) throw new Open311Failure(404, `Layanan ${code} tidak dikenal.`);
    // No extra attributes: a complaint needs only the description (and optionally a location).
    res.json({ service_code: category.code, attributes: [] });
  });

  router.get('/requests/:file', async (req, res) => {
    const number = jsonResource(req.params.file);
    const request = await deps.complaints.publicRequest(number);
    // Confidential complaints are as unknown here as missing ones.
    if (!request) throw new Open311Failure(404, `Permintaan ${number} tidak ditemukan.`);
    res.json([requestView(request)]);
  });

  router.post('/:file', async (req, res) => {
    if (jsonResource(req.params.file) !== 'requests') {
      throw new Open311Failure(404, 'Alamat tidak ditemukan.');
    }
    const body: unknown = req.body ?? {};
    const serviceCode = param(body, 'service_code');
    if (!serviceCode) throw new Open311Failure(400, 'service_code wajib diisi.');
    const category = await deps.catalog.category(serviceCode);
    if (!category) throw new Open311Failure(404, `Layanan ${serviceCode} tidak dikenal.`);
    let description = param(body, 'description');
    if (!description) throw new Open311Failure(400, 'description wajib diisi.');
    const latitude = numberParam(body, 'lat', 90);
    const longitude = numberParam(body, 'long', 180);
    const address = param(body, 'address_string') || null;
    // A location needs coordinates; an address alone is kept in the description for the handler.
    if ((latitude === null || longitude === null) && address) {
      description += `\n\nLokasi: ${address}`;
    }
    const name = [param(body, 'first_name'), param(body, 'last_name')].filter(Boolean).join(' ');
    const email = param(body, 'email');
    const phone = param(body, 'phone');
    const anonymous = !name && !email && !phone;
    const visibility = param(body, 'visibility').toUpperCase() || 'PUBLIC';
    if (visibility !== 'PUBLIC' && visibility !== 'CONFIDENTIAL') {
      throw new Open311Failure(400, 'visibility harus public atau confidential.');
    }
    const receipt = await deps.complaints.file(
      {
        submissionId: param(body, 'submission_id') || randomUUID(),
        categoryCode: category.code,
        title: titleOf(description),
        description,
        anonymous,
        contact: anonymous
          ? null
          : { name: name || null, email: email || null, phone: phone || null },
        location: latitude !== null && longitude !== null ? { latitude, longitude, address } : null,
        visibility,
      },
      clientOf(req),
    );
    const notice = receipt.verificationDueDate
      ? `${SERVICE_NOTICE} Batas verifikasi ${receipt.verificationDueDate}. Simpan token sebagai kode pelacakan.`
      : `${SERVICE_NOTICE} Simpan token sebagai kode pelacakan.`;
    res.status(201).json([
      {
        service_request_id: receipt.number,
        service_notice: notice,
        account_id: null,
        token: receipt.trackingCode,
      },
    ]);
  });

  router.use((_req, _res) => {
    throw new Open311Failure(404, 'Alamat tidak ditemukan.');
  });

  router.use((error: unknown, req: Request, res: Response, _next: express.NextFunction): void => {
    if (error instanceof Open311Failure) return send(res, error.status, error.message);
    const code = (error as GraphQLError).extensions?.code;
    const status = typeof code === 'string' ? HTTP_STATUS[code] : undefined;
    if (status) return send(res, status, (error as Error).message);
    // Body parser refusals (malformed JSON, too large) carry their own 4xx status.
    const parserStatus = (error as { status?: number }).status;
    if (typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500) {
      return send(res, parserStatus, 'Isi permintaan tidak dapat dibaca.');
    }
    req.log.error({ err: error }, 'permintaan Open311 gagal');
    send(res, 500, 'Terjadi kesalahan pada server. Silakan coba lagi.');
  });

  app.use(BASE, router);
}
