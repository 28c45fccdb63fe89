import type { Logger } from '@sipadu/service-kit';
import { CASE_FLOWS, type CaseFlow } from '../models/case.model.js';
import type { CalendarService } from './calendar.service.js';
import type { PublishedRecapView, RecapService } from './recap.service.js';
import { dueRecapMonth } from './recap-rules.js';

export interface RecapSchedulerOptions {
  recaps: Pick<RecapService, 'publishScheduled'>;
  calendar: Pick<CalendarService, 'calendar'>;
  intervalMs: number;
  logger: Logger;
  /** The clock (tests pass their own "today"). */
  now?: () => Date;
  /** Local hour (TZ_PEMDA) from which the recaps of the first working day go out; default 7. */
  hour?: number;
}

/**
 * Publishes last month's recap of every flow on the first working day of the month (weekends,
 * holidays and cuti bersama skipped: June 2026 starts on 2 June), from 07:00 local time. Runs in
 * every replica; each recap is claimed before it is generated, so exactly one replica publishes
 * it, and a month already published (also by hand) is left alone.
 */
export class RecapScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly now: () => Date;

  constructor(private readonly options: RecapSchedulerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.timer || this.running) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops checking; resolves once a running check has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One check at `now`: the recaps this replica published (none on any other day). */
  async runOnce(now = this.now()): Promise<PublishedRecapView[]> {
    const month = dueRecapMonth(this.options.calendar.calendar(), now, this.options.hour ?? 7);
    if (!month) return [];
    const published: PublishedRecapView[] = [];
    for (const flow of CASE_FLOWS) {
      // Shutting down: the remaining flows are published by the next check (or another replica).
      if (this.stopped) break;
      const recap = await this.publish(flow, month);
      if (recap) published.push(recap);
    }
    return published;
  }

  private async publish(flow: CaseFlow, month: string): Promise<PublishedRecapView | null> {
    try {
      return await this.options.recaps.publishScheduled(flow, month);
    } catch (err) {
      // The claim's lease runs out and a later check (here or elsewhere) publishes it.
      this.options.logger.warn({ err, flow, month }, 'rekap bulanan terjadwal gagal diterbitkan');
      return null;
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((err: unknown) => {
          this.options.logger.warn({ err }, 'pemeriksaan jadwal rekap bulanan gagal');
        })
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule(this.options.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
