import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeactivatedAccounts, followDeactivations } from './deactivated-accounts.js';
import { createEvent } from './envelope.js';
import { connectNats } from './nats-connection.js';
import { startNatsServer, type NatsServer } from './spec-infra.js';
import { ensureStream, subjectForType } from './subjects.js';

const logger = pino({ level: process.env.EVENTS_SPEC_LOG_LEVEL ?? 'silent' });
const at = (second: number) => new Date(second * 1000 + 400);

describe('DeactivatedAccounts', () => {
  it('refuses tokens issued up to the deactivation second, and again after a re-activation', () => {
    const accounts = new DeactivatedAccounts();
    expect(accounts.isRevoked('u1', 100)).toBe(false);
    accounts.apply('u1', true, at(90));
    expect(accounts.isRevoked('u1', 80)).toBe(false);

    accounts.apply('u1', false, at(100));
    expect(accounts.isRevoked('u1', 50)).toBe(true);
    expect(accounts.isRevoked('u1', 100)).toBe(true);
    expect(accounts.isRevoked('u1', 101)).toBe(false);
    expect(accounts.isRevoked('u2', 50)).toBe(false);

    // Re-activated: new tokens pass, the ones from before the deactivation stay refused.
    accounts.apply('u1', true, at(200));
    expect(accounts.isRevoked('u1', 200)).toBe(false);
    expect(accounts.isRevoked('u1', 100)).toBe(true);

    // Deactivated again: everything issued up to then is refused.
    accounts.apply('u1', false, at(300));
    expect(accounts.isRevoked('u1', 250)).toBe(true);
  });
});

describe('followDeactivations', () => {
  let nats: NatsServer;
  let nc: NatsConnection;

  async function publish(userId: string, active: boolean, occurredAt: Date): Promise<void> {
    const event = createEvent(
      'identity.user.activationChanged',
      { userId, active },
      {
        actor: { type: 'user', id: 'admin' },
        subject: { type: 'user', id: userId },
        org: 'DINKES',
        occurredAt,
      },
    );
    await jetstream(nc).publish(subjectForType(event.type), JSON.stringify(event), {
      msgID: event.id,
    });
  }

  async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    nats = await startNatsServer();
    nc = await connectNats(nats.url, 'deactivated-accounts-spec');
    await ensureStream(await jetstreamManager(nc), 'identity');
  }, 60_000);

  afterAll(async () => {
    await nc?.close();
    await nats?.destroy();
  });

  it('knows deactivations published before it started, then follows new ones', async () => {
    await publish('past', false, at(1_000));
    const follower = followDeactivations(nc, logger);
    try {
      await until(() => follower.isRevoked('past', 1_000));
      expect(follower.isRevoked('now', 2_000)).toBe(false);
      await publish('now', false, at(2_000));
      await until(() => follower.isRevoked('now', 2_000));
      await publish('now', true, at(2_100));
      await until(() => !follower.isRevoked('now', 2_100));
      expect(follower.isRevoked('now', 1_999)).toBe(true);
    } finally {
      await follower.stop();
    }
  });

  it('answers from memory while NATS is down and catches up once it is back', async () => {
    // Its own connection (as the gateway has), so the outage is seen from both sides.
    const follower = followDeactivations(nats.url, logger);
    try {
      await until(() => follower.isRevoked('past', 1_000));
      await nats.stop();
      // Fail-open: no error, the last known list still applies.
      expect(follower.isRevoked('past', 1_000)).toBe(true);
      expect(follower.isRevoked('later', 3_000)).toBe(false);
      await nats.start();
      await until(() => !nc.isClosed() && nc.info !== undefined);
      await eventuallyPublished('later', false, at(3_000));
      await until(() => follower.isRevoked('later', 3_000), 30_000);
      expect(follower.isRevoked('past', 1_000)).toBe(true);
    } finally {
      await follower.stop();
    }
  }, 60_000);

  /** Publishes once the spec's own connection has reconnected to the restarted server. */
  async function eventuallyPublished(userId: string, active: boolean, occurredAt: Date) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        await publish(userId, active, occurredAt);
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  it('stops at once, also right after it started', async () => {
    for (const source of [nc, nats.url]) {
      const follower = followDeactivations(source, logger);
      await follower.stop();
    }
  });

  it('stops without a server ever having answered', async () => {
    const follower = followDeactivations('nats://127.0.0.1:1', logger);
    expect(follower.isRevoked('past', 1_000)).toBe(false);
    await follower.stop();
  });
});
