import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { mayUse, menuItemFor } from '@/navigation/menu';
import type { SessionUser } from './next-auth';
import { readSession } from './session';

/**
 * Checks the signed-in user against the page's menu entry before any data is fetched:
 * signed out → sign in; role not allowed → 403 with the "Akses ditolak" page.
 */
export async function requirePage(href: string): Promise<SessionUser> {
  const user = await readSession();
  if (!user) redirect(`/masuk?callbackUrl=${encodeURIComponent(href)}`);
  const item = menuItemFor(href);
  if (!item || !mayUse(item, user.roles)) forbidden();
  return user;
}
