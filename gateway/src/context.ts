import type { Context as TraceContext } from '@opentelemetry/api';

/** A caller whose bearer token the gateway verified. */
export interface VerifiedCaller {
  /** Token subject (user or service-account id). */
  subject: string;
  /** Client that obtained the token (`azp`). */
  clientId: string | null;
  /** The original `Authorization` header, forwarded as is to subgraphs. */
  authorization: string;
  /** Set when the token is a partner system's (client credentials): audited and rate-limited. */
  partner?: PartnerIdentity;
}

/** A partner system as its client-credentials token names it. */
export interface PartnerIdentity {
  clientId: string;
  /** `org` claim (a lender's client carries its organization). */
  organizationCode: string | null;
  /** The token's SIPADU scopes (`sipadu:*`). */
  scopes: string[];
}

/** Per-request GraphQL context of the gateway; `caller` is null for anonymous requests. */
export interface GatewayContext {
  requestId: string;
  caller: VerifiedCaller | null;
  /** Trace context of the incoming request, continued in every subgraph call. */
  traceContext: TraceContext;
  /**
   * The caller's address (`trust proxy` applied), passed to the subgraphs as `x-sipadu-client` for
   * per-client limits of anonymous operations such as the satisfaction survey.
   */
  clientAddress: string | null;
}
