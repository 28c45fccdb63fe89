/** Runs once when the server starts: a missing or invalid setting stops it right away. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { environment, sessionSecret } = await import('@/config/environment');
  environment();
  sessionSecret();
}
