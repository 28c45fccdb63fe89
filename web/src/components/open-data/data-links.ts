// Open data downloads reach the browser through the portal's own origin (/api/data/…), which
// forwards them to the gateway's /open-data/…: the public pages know no browser-reachable gateway
// address, and a signed-in user's internal data sets need the session's token, added on the server.

/** Where the portal serves data files, and where the gateway does. */
export const BFF_DATA_PATH = '/api/data';
const GATEWAY_DATA_PATH = '/open-data';

/** A data file's name: `<id>.csv`, `<id>.json` or `catalog.json`. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}\.(csv|json)$/;

export function isDataFileName(name: string): boolean {
  return FILE_NAME.test(name) && !name.includes('..');
}

/** The DCAT catalog of every open data set, as the browser downloads it. */
export const CATALOG_HREF = `${BFF_DATA_PATH}/catalog.json`;

/**
 * The portal link of a download the API names relative to the gateway (`/open-data/<id>.csv`,
 * or absolute on the gateway's public address): `/api/data/<id>.csv`. Null for anything else.
 */
export function dataDownloadHref(url: string): string | null {
  const { pathname, search } = new URL(url, 'http://gateway.invalid');
  if (!pathname.startsWith(`${GATEWAY_DATA_PATH}/`)) return null;
  const file = pathname.slice(GATEWAY_DATA_PATH.length + 1);
  return isDataFileName(file) ? `${BFF_DATA_PATH}/${file}${search}` : null;
}

/** A portal download link for one period (`?period=2026-S1`). */
export function withPeriod(href: string, period: string): string {
  const url = new URL(href, 'http://portal.invalid');
  url.searchParams.set('period', period);
  return `${url.pathname}${url.search}`;
}

/**
 * The gateway's URL of a data file, from its GraphQL endpoint; of the query only the period
 * (`?period=2026-S1`) goes along.
 */
export function dataUpstreamUrl(
  gatewayGraphqlUrl: string,
  file: string,
  period?: string | null,
): string {
  const query = period ? `?period=${encodeURIComponent(period)}` : '';
  return `${new URL(gatewayGraphqlUrl).origin}${GATEWAY_DATA_PATH}/${encodeURIComponent(file)}${query}`;
}

/** Rows of a data set's JSON for a preview: the array itself, or the first array it holds. */
export function previewRows(json: unknown, limit: number): Record<string, unknown>[] {
  const isRow = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  let rows: unknown[] | undefined;
  if (Array.isArray(json)) rows = json;
  else if (isRow(json)) {
    const preferred = ['data', 'rows', 'records', 'items'].map((key) => json[key]);
    rows = [...preferred, ...Object.values(json)].find((value): value is unknown[] =>
      Array.isArray(value),
    );
  }
  return (rows ?? []).filter(isRow).slice(0, limit);
}

/** A cell of the preview as text (objects as JSON, nothing as a dash). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
