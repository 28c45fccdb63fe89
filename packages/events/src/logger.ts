import { pino, type Logger } from 'pino';

/** The slice of a pino logger this package writes to; services pass their own logger. */
export type EventsLogger = Pick<Logger, 'error' | 'warn' | 'info' | 'debug'>;

export function defaultLogger(): EventsLogger {
  return pino({ name: '@sipadu/events', level: process.env.LOG_LEVEL ?? 'info' });
}
