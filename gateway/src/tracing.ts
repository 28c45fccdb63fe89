import type { IncomingHttpHeaders } from 'node:http';
import {
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';

export interface RequestTrace {
  /** Context holding the gateway's server span; subgraph calls continue it. */
  context: Context;
  end(statusCode: number): void;
}

export interface GatewayTracing {
  startRequest(name: string, headers: IncomingHttpHeaders): RequestTrace;
  /** `traceparent`/`tracestate` continuing the given context in a subgraph call. */
  headersFor(context: Context): Record<string, string>;
}

/**
 * W3C trace propagation for the gateway with an explicit, unregistered tracer provider. The
 * context travels in the GraphQL context instead of a global AsyncLocalStorage context manager:
 * on Node 20 that manager switches on async hooks for every promise, which measurably slows
 * the gateway's hot path (see scripts/bench-gateway.ts). @apollo/gateway's own spans stay no-ops.
 */
export function createGatewayTracing(serviceName = 'gateway'): GatewayTracing {
  const tracer = new BasicTracerProvider().getTracer(serviceName);
  const propagator = new W3CTraceContextPropagator();
  return {
    startRequest(name, headers) {
      const parent = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
      const span = tracer.startSpan(name, { kind: SpanKind.SERVER }, parent);
      return {
        context: trace.setSpan(parent, span),
        end(statusCode) {
          span.setAttribute('http.response.status_code', statusCode);
          if (statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
      };
    },
    headersFor(context) {
      const carrier: Record<string, string> = {};
      propagator.inject(context, carrier, defaultTextMapSetter);
      return carrier;
    },
  };
}
