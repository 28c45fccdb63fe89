import { nanos } from '@nats-io/nats-core';
import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
  type StreamInfo,
} from '@nats-io/jetstream';

/**
 * Naming. An event `type` is `<service>.<entity>.<verbPastTense>` (e.g. `identity.user.created`);
 * its NATS subject is the type prefixed with `sipadu.` (`sipadu.identity.user.created`). The
 * envelope carries the short `type` because the prefix is the same for every event and the type
 * is the key of the payload schema registry.
 */
export const SUBJECT_PREFIX = 'sipadu';

const segment = '[a-z][a-zA-Z0-9]*';
/** `<service>.<entity>.<verbPastTense>`, each segment camelCase starting with a lower-case letter. */
export const EVENT_TYPE_PATTERN = new RegExp(`^${segment}\\.${segment}\\.${segment}$`);
const SERVICE_PATTERN = /^[a-z][a-z0-9]*$/;

/** Duplicate window of every stream: a relay retrying within it is de-duplicated by Nats-Msg-Id. */
export const DUPLICATE_WINDOW_MS = 2 * 60_000;

export function subjectForType(type: string): string {
  if (!EVENT_TYPE_PATTERN.test(type)) throw new Error(`Invalid event type '${type}'`);
  return `${SUBJECT_PREFIX}.${type}`;
}

export function typeFromSubject(subject: string): string {
  const type = subject.startsWith(`${SUBJECT_PREFIX}.`)
    ? subject.slice(SUBJECT_PREFIX.length + 1)
    : '';
  if (!EVENT_TYPE_PATTERN.test(type)) throw new Error(`Not a SIPADU event subject: '${subject}'`);
  return type;
}

/** The producing service of an event type (its first segment). */
export function serviceOfType(type: string): string {
  if (!EVENT_TYPE_PATTERN.test(type)) throw new Error(`Invalid event type '${type}'`);
  return type.slice(0, type.indexOf('.'));
}

function checkService(service: string): void {
  if (!SERVICE_PATTERN.test(service)) throw new Error(`Invalid service name '${service}'`);
}

/** `SIPADU_<SERVICE>`: one stream per producing service. */
export function streamName(service: string): string {
  checkService(service);
  return `SIPADU_${service.toUpperCase()}`;
}

/** Every subject a service's stream captures: `sipadu.<service>.>`. */
export function streamSubject(service: string): string {
  checkService(service);
  return `${SUBJECT_PREFIX}.${service}.>`;
}

export function streamConfig(
  service: string,
): Partial<StreamConfig> & { name: string; subjects: string[] } {
  return {
    name: streamName(service),
    subjects: [streamSubject(service)],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  };
}

function isApiError(err: unknown, code: number): boolean {
  return err instanceof JetStreamApiError && err.code === code;
}

/**
 * Creates the service's stream, or brings an existing one to the expected subjects and duplicate
 * window. Safe to call from every producer and consumer at start-up, concurrently.
 */
export async function ensureStream(jsm: JetStreamManager, service: string): Promise<StreamInfo> {
  const wanted = streamConfig(service);
  let info: StreamInfo;
  try {
    info = await jsm.streams.info(wanted.name);
  } catch (err) {
    if (!isApiError(err, JetStreamApiCodes.StreamNotFound)) throw err;
    try {
      return await jsm.streams.add(wanted);
    } catch (addErr) {
      // Another process created it between our info and add: fall through to the check below.
      info = await jsm.streams.info(wanted.name).catch(() => {
        throw addErr;
      });
    }
  }
  const subjects = info.config.subjects ?? [];
  const hasSubject = subjects.includes(streamSubject(service));
  const windowOk = (info.config.duplicate_window ?? 0) >= wanted.duplicate_window!;
  if (hasSubject && windowOk) return info;
  return jsm.streams.update(wanted.name, {
    subjects: hasSubject ? subjects : [...subjects, streamSubject(service)],
    duplicate_window: windowOk ? info.config.duplicate_window : wanted.duplicate_window,
  });
}
