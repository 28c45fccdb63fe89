import {
  ROOT_CONTEXT,
  context,
  isSpanContextValid,
  propagation,
  trace,
  type Context,
  type TextMapGetter,
} from '@opentelemetry/api';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export const TRACEPARENT_HEADER = 'traceparent';

export function isTraceparent(value: string): boolean {
  return TRACEPARENT.test(value);
}

/**
 * The W3C `traceparent` of the active OpenTelemetry context. Uses the registered propagator; when
 * none is registered (no SDK) but a span context is active, formats it directly so the trace still
 * crosses the bus.
 */
export function currentTraceparent(ctx: Context = context.active()): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  const injected = carrier[TRACEPARENT_HEADER];
  if (injected && isTraceparent(injected)) return injected;
  const span = trace.getSpanContext(ctx);
  if (!span || !isSpanContextValid(span)) return undefined;
  return `00-${span.traceId}-${span.spanId}-${(span.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

const recordGetter: TextMapGetter<Record<string, string>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/** A context whose remote parent is the given `traceparent` (ROOT when absent or malformed). */
export function contextFromTraceparent(traceparent: string | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  const extracted = propagation.extract(
    ROOT_CONTEXT,
    { [TRACEPARENT_HEADER]: traceparent },
    recordGetter,
  );
  if (trace.getSpanContext(extracted)) return extracted;
  const match = TRACEPARENT.exec(traceparent);
  if (!match || match[1] === 'ff') return ROOT_CONTEXT;
  const spanContext = {
    traceId: match[2]!,
    spanId: match[3]!,
    traceFlags: parseInt(match[4]!, 16),
    isRemote: true,
  };
  return isSpanContextValid(spanContext)
    ? trace.setSpanContext(ROOT_CONTEXT, spanContext)
    : ROOT_CONTEXT;
}
