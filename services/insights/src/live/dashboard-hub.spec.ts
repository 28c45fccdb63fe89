import { createLogger } from '@sipadu/service-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DashboardHub, type SignalSink } from './dashboard-hub.js';

const logger = createLogger('insights-test', 'silent');

function sink(): SignalSink & { chunks: string[]; ended: boolean } {
  const stub = {
    chunks: [] as string[],
    ended: false,
    write(chunk: string) {
      stub.chunks.push(chunk);
      return true;
    },
    end() {
      stub.ended = true;
    },
  };
  return stub;
}

const signals = (chunks: string[]) =>
  chunks
    .filter((chunk) => chunk.startsWith('event: dashboard'))
    .map((chunk) => JSON.parse(chunk.split('data: ')[1]!) as { reason: string });

afterEach(() => vi.useRealTimers());

describe('dashboard hub', () => {
  it('sends a burst of signals as one after the quiet window', () => {
    vi.useFakeTimers();
    const hub = new DashboardHub({ logger, debounceMs: 500 });
    const a = sink();
    const b = sink();
    expect(hub.attach(a)).toBe(true);
    expect(hub.attach(b)).toBe(true);
    hub.signal('projects.progress.submitted');
    hub.signal('activity');
    hub.signal('activity');
    vi.advanceTimersByTime(499);
    expect(signals(a.chunks)).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(signals(a.chunks)).toMatchObject([{ reason: 'projects.progress.submitted,activity' }]);
    expect(signals(b.chunks)).toHaveLength(1);
    expect(a.chunks[0]).toMatch(/^event: dashboard\ndata: \{"type":"dashboard",.*"at":"/);
    hub.close();
  });

  it('keeps streams alive with comments and stops when the last one leaves', () => {
    vi.useFakeTimers();
    const hub = new DashboardHub({ logger, heartbeatMs: 25_000 });
    const a = sink();
    hub.attach(a);
    vi.advanceTimersByTime(25_000);
    expect(a.chunks).toEqual([': ping\n\n']);
    hub.detach(a);
    vi.advanceTimersByTime(50_000);
    expect(a.chunks).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses streams beyond its bound and ends every stream on close', () => {
    const hub = new DashboardHub({ logger, maxConnections: 2 });
    const streams = [sink(), sink(), sink()];
    expect(streams.map((stream) => hub.attach(stream))).toEqual([true, true, false]);
    expect(hub.connections).toBe(2);
    hub.close();
    expect(streams.map((stream) => stream.ended)).toEqual([true, true, false]);
    expect(hub.connections).toBe(0);
    expect(hub.attach(sink())).toBe(false);
  });

  it('drops a stream that can no longer be written', () => {
    vi.useFakeTimers();
    const hub = new DashboardHub({ logger, debounceMs: 10 });
    const broken = {
      write: () => {
        throw new Error('EPIPE');
      },
      end: () => undefined,
    };
    const fine = sink();
    hub.attach(broken);
    hub.attach(fine);
    hub.signal('alert');
    vi.advanceTimersByTime(10);
    expect(hub.connections).toBe(1);
    expect(signals(fine.chunks)).toHaveLength(1);
    hub.close();
  });
});
