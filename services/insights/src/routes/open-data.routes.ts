import { bearerToken, type Logger, type Principal, type TokenVerifier } from '@sipadu/service-kit';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { DataRow, DataValue } from '../datasets/catalog.js';
import type { DataSetField } from '../generated/graphql.js';
import type { DataSetService } from '../services/data-set.service.js';

// Open data (Satu Data Indonesia) over plain HTTP: the DCAT catalog and each data set as CSV or
// JSON, generated from the owning services on request. Open sets need no token; internal ones a
// bearer token whose caller passes the registry's reader rules.

const FILE_PATTERN = /^([a-z0-9][a-z0-9-]{0,79})\.(csv|json)$/;

const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
};

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** The caller of a request: null without a token or with one that does not verify. */
async function callerOf(req: Request, verify: TokenVerifier): Promise<Principal | null> {
  try {
    const token = bearerToken(req.header('authorization'));
    return token ? await verify(token) : null;
  } catch {
    return null;
  }
}

function csvValue(value: DataValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV: a header row of the field names, comma separated, CRLF line ends, fields with a
 * comma, quote or line break quoted (quotes doubled), empty for null. UTF-8 with a byte-order
 * mark so spreadsheet programs read the Indonesian text right.
 */
export function toCsv(fields: readonly DataSetField[], rows: readonly DataRow[]): string {
  const lines = [
    fields.map((field) => csvValue(field.name)).join(','),
    ...rows.map((row) => fields.map((field) => csvValue(row[field.name] ?? null)).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Mounts /open-data/catalog.json and /open-data/<id>.csv|.json on the subgraph's app. */
export function openDataRoutes(
  app: Express,
  options: { dataSets: DataSetService; verifyToken: TokenVerifier; logger: Logger },
): void {
  const fail = (res: Response, error: unknown) => {
    const code = error instanceof GraphQLError ? String(error.extensions.code ?? '') : '';
    const status = HTTP_STATUS[code];
    if (status) {
      refuse(res, status, code, (error as GraphQLError).message);
      return;
    }
    options.logger.error({ err: error }, 'open data request failed');
    refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Terjadi kesalahan pada server. Silakan coba lagi.');
  };

  app.get('/open-data/catalog.json', async (_req, res) => {
    try {
      const catalog = await options.dataSets.catalog();
      res
        .status(200)
        .type('application/ld+json; charset=utf-8')
        .set('cache-control', 'public, max-age=60')
        .send(JSON.stringify(catalog));
    } catch (error) {
      fail(res, error);
    }
  });

  app.get('/open-data/:file', async (req, res) => {
    const match = FILE_PATTERN.exec(req.params.file);
    if (!match) {
      refuse(res, 404, 'NOT_FOUND', 'Set data tidak ditemukan (contoh: /open-data/<id>.csv).');
      return;
    }
    const [, id, format] = match as unknown as [string, string, 'csv' | 'json'];
    const period = typeof req.query.period === 'string' ? req.query.period : null;
    if (req.query.period !== undefined && period === null) {
      refuse(res, 400, 'BAD_USER_INPUT', 'Parameter period hanya boleh satu.');
      return;
    }
    try {
      const principal = await callerOf(req, options.verifyToken);
      const content = await options.dataSets.content(principal, id, period);
      const open = content.dataSet.classification === 'TERBUKA';
      const name = content.period ? `${id}-${content.period.key}` : id;
      res.set('cache-control', open ? 'public, max-age=60' : 'private, no-store');
      if (format === 'csv') {
        res
          .status(200)
          .type('text/csv; charset=utf-8')
          .set('content-disposition', `attachment; filename="${name}.csv"`)
          .send(toCsv(content.dataSet.fields, content.rows));
        return;
      }
      res
        .status(200)
        .type('application/json; charset=utf-8')
        .set('content-disposition', `inline; filename="${name}.json"`)
        .send(JSON.stringify(content));
    } catch (error) {
      fail(res, error);
    }
  });
}
