import type { Logger } from '@sipadu/service-kit';
import type { CaseEngine } from './case-engine.service.js';

/**
 * Runs the engine's service-time sweep every `intervalMs` (overdue steps, complaints closing by
 * themselves). One run at a time: the next one is scheduled when the previous has finished. Every
 * replica runs it; the engine's claimed writes make each report and close happen once.
 */
export class SlaSweeper {
  private readonly engine: Pick<CaseEngine, 'sweep'>;
  private readonly intervalMs: number;
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(options: { engine: Pick<CaseEngine, 'sweep'>; intervalMs: number; logger: Logger }) {
    this.engine = options.engine;
    this.intervalMs = options.intervalMs;
    this.logger = options.logger;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.run().finally(() => {
        this.running = null;
        this.schedule();
      });
    }, this.intervalMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      const { overdue, autoClosed } = await this.engine.sweep(new Date());
      if (overdue > 0 || autoClosed > 0) {
        this.logger.info({ overdue, autoClosed }, 'jam layanan kasus diperiksa');
      }
    } catch (error) {
      this.logger.error({ err: error }, 'pemeriksaan jam layanan kasus gagal');
    }
  }
}
