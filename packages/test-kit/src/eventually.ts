// Polling for what crosses services asynchronously (events through NATS): a value one service
// wrote shows in another a moment later. One helper for every spec that waits on events.

/**
 * Calls `probe` until it returns a truthy value, and returns it. A probe that throws counts as
 * "not yet" while time remains; on timeout the last error (if any) is part of the message.
 */
export async function eventually<T>(
  label: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms: ${label}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
