import { context, propagation, trace, type Context, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';

let provider: NodeTracerProvider | undefined;

/**
 * Registers a tracer provider and the W3C propagator once per process. Without an exporter the
 * spans still exist, so trace ids flow from the gateway through subgraphs and NATS messages and
 * appear in the logs.
 */
export function startTracing(serviceName: string, exporter?: SpanExporter): Tracer {
  if (!provider) {
    provider = new NodeTracerProvider({
      spanProcessors: exporter ? [new BatchSpanProcessor(exporter)] : [],
    });
    provider.register({ propagator: new W3CTraceContextPropagator() });
  }
  return trace.getTracer(serviceName);
}

export async function stopTracing(): Promise<void> {
  await provider?.shutdown();
  provider = undefined;
}

/** Context carried by incoming HTTP headers (`traceparent`, `tracestate`). */
export function extractTraceContext(
  headers: Record<string, string | string[] | undefined>,
): Context {
  return propagation.extract(context.active(), headers, {
    get: (carrier, key) => {
      const value = carrier[key];
      return Array.isArray(value) ? value[0] : value;
    },
    keys: (carrier) => Object.keys(carrier),
  });
}

/** Headers that continue the active trace in an outgoing call. */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  return span?.spanContext().traceId;
}
