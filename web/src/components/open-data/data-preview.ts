import 'server-only';
import { readAccessToken } from '@/auth/session';
import { environment } from '@/config/environment';
import { dataUpstreamUrl, previewRows } from './data-links';

/** Larger files are not read for a preview (the download still works). */
const PREVIEW_MAX_BYTES = 2_000_000;

export interface DataPreview {
  rows: Record<string, unknown>[];
  /** Why there is no preview, or null. */
  problem: 'unavailable' | 'tooLarge' | null;
}

/** The first rows of a data set's JSON, read from the gateway as the visitor. */
export async function loadPreview(
  id: string,
  period: string | undefined,
  limit: number,
): Promise<DataPreview> {
  const headers = new Headers({ accept: 'application/json' });
  const token = await readAccessToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  try {
    const response = await fetch(dataUpstreamUrl(environment().GATEWAY_URL, `${id}.json`, period), {
      headers,
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return { rows: [], problem: 'unavailable' };
    if (Number(response.headers.get('content-length') ?? 0) > PREVIEW_MAX_BYTES) {
      await response.body?.cancel();
      return { rows: [], problem: 'tooLarge' };
    }
    return { rows: previewRows(await response.json(), limit), problem: null };
  } catch {
    return { rows: [], problem: 'unavailable' };
  }
}
