import { ROOT_CONTEXT, context, trace } from '@opentelemetry/api';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createEvent,
  InvalidEventError,
  parseEnvelope,
  type AnyEventEnvelope,
  type EventMeta,
} from './envelope.js';
import { eventSchemas, isEventType, type EventData, type EventType } from './registry.js';
import {
  DUPLICATE_WINDOW_MS,
  serviceOfType,
  streamConfig,
  streamName,
  streamSubject,
  subjectForType,
  typeFromSubject,
} from './subjects.js';
import { contextFromTraceparent, currentTraceparent } from './tracing.js';

const meta: EventMeta = {
  actor: { type: 'user', id: 'kc-123', org: 'DISKOMINFO' },
  subject: { type: 'user', id: 'u-1' },
  org: 'DISKOMINFO',
};

describe('subjects', () => {
  it('maps an event type to sipadu.<service>.<entity>.<verbPastTense> and back', () => {
    expect(subjectForType('identity.user.created')).toBe('sipadu.identity.user.created');
    expect(subjectForType('projects.loanProject.stageChanged')).toBe(
      'sipadu.projects.loanProject.stageChanged',
    );
    expect(typeFromSubject('sipadu.identity.user.activationChanged')).toBe(
      'identity.user.activationChanged',
    );
    expect(serviceOfType('identity.organization.profileUpdated')).toBe('identity');
  });

  it('rejects malformed types and foreign subjects', () => {
    for (const bad of [
      'identity.user',
      'Identity.user.created',
      'identity.user.created.now',
      'identity.user-x.created',
      '',
    ]) {
      expect(() => subjectForType(bad)).toThrow();
    }
    expect(() => typeFromSubject('other.identity.user.created')).toThrow();
  });

  it('gives each producing service one file-backed stream with a duplicate window of at least 2 minutes', () => {
    expect(streamName('identity')).toBe('SIPADU_IDENTITY');
    expect(streamSubject('identity')).toBe('sipadu.identity.>');
    const config = streamConfig('documents');
    expect(config).toMatchObject({
      name: 'SIPADU_DOCUMENTS',
      subjects: ['sipadu.documents.>'],
      storage: 'file',
    });
    expect(config.duplicate_window).toBeGreaterThanOrEqual(120 * 1e9);
    expect(DUPLICATE_WINDOW_MS).toBeGreaterThanOrEqual(120_000);
    expect(() => streamName('Identity')).toThrow();
  });
});

describe('envelope', () => {
  it('builds a complete envelope with a uuid v4 id and an ISO timestamp', () => {
    const event = createEvent(
      'identity.user.created',
      { userId: 'u-1', username: 'budi', organizationCode: 'DISKOMINFO', roles: ['operator'] },
      meta,
    );
    expect(event.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
    expect(event).toMatchObject({
      type: 'identity.user.created',
      org: 'DISKOMINFO',
      actor: meta.actor,
      subject: meta.subject,
    });
    expect(event.traceparent).toBeUndefined();
    expect(parseEnvelope(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('accepts system actors without id or org', () => {
    const event = createEvent(
      'identity.user.mirrored',
      { userId: 'u-2', organizationCode: 'BAPPEDA' },
      { actor: { type: 'system', id: null }, subject: { type: 'user', id: 'u-2' }, org: null },
    );
    expect(event.actor).toEqual({ type: 'system', id: null });
    expect(event.org).toBeNull();
  });

  it('rejects a payload that does not match its type, at compile time and at runtime', () => {
    const withoutRoles = { userId: 'u-1', username: 'budi', organizationCode: 'X' };
    const activeAsText = { userId: 'u', active: 'yes' };
    // @ts-expect-error roles is required for identity.user.created
    expect(() => createEvent('identity.user.created', withoutRoles, meta)).toThrow(
      InvalidEventError,
    );
    // @ts-expect-error active is a boolean
    expect(() => createEvent('identity.user.activationChanged', activeAsText, meta)).toThrow(
      /active/,
    );
    // @ts-expect-error unknown event type
    expect(() => createEvent('identity.user.deleted', {}, meta)).toThrow(/Unknown event type/);
  });

  it('rejects envelopes with a bad id, timestamp, actor, traceparent or type', () => {
    const good = JSON.parse(
      JSON.stringify(
        createEvent('identity.user.mirrored', { userId: 'u', organizationCode: 'O' }, meta),
      ),
    ) as Record<string, unknown>;
    const variants: Record<string, unknown>[] = [
      { ...good, id: 'not-a-uuid' },
      { ...good, id: '0190a5c4-7b1e-7c2a-9f00-000000000000' }, // v7, not v4
      { ...good, occurredAt: '22/11/2026' },
      { ...good, actor: { type: 'robot', id: null } },
      { ...good, subject: { type: 'user' } },
      { ...good, traceparent: 'abc' },
      { ...good, type: 'identity.user.vanished' },
      { ...good, data: { userId: 'u' } },
    ];
    for (const variant of variants) expect(() => parseEnvelope(variant)).toThrow(InvalidEventError);
  });

  it('types data per event type in the registry and the envelope union', () => {
    expectTypeOf<EventData<'identity.user.rolesChanged'>>().toEqualTypeOf<{
      userId: string;
      roles: string[];
      previousRoles: string[];
    }>();
    expectTypeOf<'identity.organization.profileUpdated'>().toExtend<EventType>();
    const received: AnyEventEnvelope = parseEnvelope(
      createEvent(
        'identity.user.activationChanged',
        { userId: 'u', active: false, reason: 'pindah tugas' },
        meta,
      ),
    );
    if (received.type === 'identity.user.activationChanged')
      expectTypeOf(received.data.active).toEqualTypeOf<boolean>();
    expect(Object.keys(eventSchemas).every(isEventType)).toBe(true);
    expect(isEventType('identity.user.deleted')).toBe(false);
  });
});

describe('trace context', () => {
  const spanContext = {
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: '00f067aa0ba902b7',
    traceFlags: 1,
  };
  const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it('captures the W3C traceparent of the active span into the envelope', () => {
    const ctx = trace.setSpanContext(ROOT_CONTEXT, spanContext);
    expect(currentTraceparent(ctx)).toBe(traceparent);
    const event = createEvent(
      'identity.user.mirrored',
      { userId: 'u', organizationCode: 'O' },
      { ...meta, traceparent },
    );
    expect(event.traceparent).toBe(traceparent);
    expect(currentTraceparent(context.active())).toBeUndefined();
  });

  it('restores a remote parent from a traceparent', () => {
    expect(trace.getSpanContext(contextFromTraceparent(traceparent))).toMatchObject({
      ...spanContext,
      isRemote: true,
    });
    expect(trace.getSpanContext(contextFromTraceparent('garbage'))).toBeUndefined();
    expect(trace.getSpanContext(contextFromTraceparent(undefined))).toBeUndefined();
  });
});
