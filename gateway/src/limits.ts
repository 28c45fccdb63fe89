import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { GatewayEnvironment } from './environment.js';

type LimitSettings = Pick<
  GatewayEnvironment,
  | 'MAX_QUERY_DEPTH'
  | 'MAX_ALIASES'
  | 'MAX_QUERY_COST'
  | 'MAX_DIRECTIVES'
  | 'MAX_FIELD_REPEATS'
  | 'NODE_ENV'
>;

export type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

/**
 * The gateway's graphql-armor settings (a fresh object per call: ApolloArmor mutates it). Shared
 * with the check that every operation of the portal stays within them (test/web-operations.spec.ts).
 */
export function armorConfig(env: LimitSettings): ArmorConfig {
  return {
    maxDepth: {
      n: env.MAX_QUERY_DEPTH,
      exposeLimits: false,
      errorMessage: `Kueri terlalu dalam (batas kedalaman ${env.MAX_QUERY_DEPTH}).`,
    },
    maxAliases: {
      n: env.MAX_ALIASES,
      exposeLimits: false,
      errorMessage: `Kueri memakai terlalu banyak alias (batas ${env.MAX_ALIASES}).`,
    },
    costLimit: {
      maxCost: env.MAX_QUERY_COST,
      exposeLimits: false,
      errorMessage: `Kueri terlalu berat (batas biaya ${env.MAX_QUERY_COST}).`,
    },
    // Enforced by graphql-js itself through Apollo's parseOptions (see tokenLimitParseOptions):
    // armor's Apollo variant throws from a hook and turns the refusal into an HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: {
      n: env.MAX_DIRECTIVES,
      exposeLimits: false,
      errorMessage: `Kueri memakai terlalu banyak direktif (batas ${env.MAX_DIRECTIVES}).`,
    },
    // Field suggestions ("Did you mean …") reveal the schema; hidden in production only.
    blockFieldSuggestion: { enabled: env.NODE_ENV === 'production', mask: '[disembunyikan]' },
  };
}

/**
 * Refuses a selection set that asks for one response key more than `max` times, counting the
 * fields of its inline fragments and fragment spreads (`{ a a a … }` ×500, or the same field
 * repeated through fragments). graphql-armor has no such limit: every copy costs only 1, so 500
 * stay under the cost limit while each one is merged, planned and answered.
 */
export function maxFieldRepeatsRule(max: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition);
      }
    }
    let reported = false;
    const check = (selectionSet: SelectionSetNode | undefined) => {
      if (reported || !selectionSet) return;
      const counts = new Map<string, number>();
      // Each named fragment once per selection set: this also stops on fragment cycles (refused
      // by NoFragmentCyclesRule, which runs alongside).
      const expanded = new Set<string>();
      const collect = (set: SelectionSetNode): boolean => {
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) {
            const key = selection.alias?.value ?? selection.name.value;
            const count = (counts.get(key) ?? 0) + 1;
            if (count > max) return false;
            counts.set(key, count);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            if (!collect(selection.selectionSet)) return false;
          } else if (!expanded.has(selection.name.value)) {
            expanded.add(selection.name.value);
            const fragment = fragments.get(selection.name.value);
            if (fragment && !collect(fragment.selectionSet)) return false;
          }
        }
        return true;
      };
      if (!collect(selectionSet)) {
        reported = true;
        context.reportError(
          new GraphQLError(`Kueri memuat kolom yang sama berulang-ulang (batas ${max}).`, {
            nodes: [selectionSet],
          }),
        );
      }
    };
    return {
      OperationDefinition: (node) => check(node.selectionSet),
      Field: (node) => check(node.selectionSet),
    };
  };
}

/**
 * graphql-armor validation rules and plugins, plus the gateway's own repeated-field rule: every
 * limit is checked while the operation is parsed or validated, so an oversized operation never
 * reaches the query planner or a subgraph.
 */
export function armorProtection(env: LimitSettings): ReturnType<ApolloArmor['protect']> {
  const armor = new ApolloArmor(armorConfig(env)).protect();
  return {
    ...armor,
    validationRules: [...armor.validationRules, maxFieldRepeatsRule(env.MAX_FIELD_REPEATS)],
  };
}

/** The parser stops at `maxTokens`, before building a document for an oversized operation. */
export function tokenLimitParseOptions(maxTokens: number): { maxTokens: number } {
  return { maxTokens };
}

/** Refusals raised in English by graphql-js and Apollo Server, rephrased for users. */
export function translateRefusal(message: string): string {
  const tokens = /Document contains more (?:than|that) (\d+) tokens/.exec(message);
  if (tokens) return `Kueri terlalu panjang (batas ${tokens[1]} token).`;
  if (
    message.startsWith('This operation has been blocked as a potential Cross-Site Request Forgery')
  ) {
    return 'Permintaan ditolak sebagai dugaan CSRF: kirim sebagai POST dengan Content-Type application/json, atau sertakan header apollo-require-preflight.';
  }
  if (message === 'Operation batching disabled.') {
    return 'Beberapa operasi dalam satu permintaan (batch) tidak didukung.';
  }
  if (message.startsWith('GraphQL introspection is not allowed')) {
    return 'Introspeksi skema tidak diizinkan.';
  }
  if (/^GET requests only support query operations/.test(message)) {
    return 'Mutasi hanya dapat dikirim dengan metode POST.';
  }
  // graphql-armor prefixes its (already Indonesian) limit messages with "Syntax Error: ".
  return message.replace(/^Syntax Error: (?=.*\(batas)/, '');
}

/**
 * Drops graphql-js's "Did you mean …?" from a message. Validation suggestions are already blocked
 * (graphql-armor, Apollo's hideSchemaDetailsFromClientErrors), but a variable's value is coerced
 * later and its error still names the enum values the caller was close to.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

function graphqlRefusal(message: string, code = 'BAD_USER_INPUT') {
  return { errors: [{ message, extensions: { code } }] };
}

/** Refuses an operation text longer than `maxChars` before it is even parsed. */
export function queryLengthLimit(maxChars: number): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    const operations = Array.isArray(body) ? body : [body];
    const texts = [
      ...operations.map((op) => (op as { query?: unknown } | undefined)?.query),
      req.query?.query,
    ];
    if (texts.some((text) => typeof text === 'string' && text.length > maxChars)) {
      res
        .status(413)
        .json(graphqlRefusal(`Kueri terlalu panjang (maksimal ${maxChars} karakter).`));
      return;
    }
    next();
  };
}

/**
 * Per-client rate limit over a one-minute window: the token subject when the caller is
 * authenticated (so users behind one NAT do not share a budget), otherwise the client address.
 * Mount after authentication.
 */
export function clientRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const subject = (res.locals.caller as { subject?: string } | null | undefined)?.subject;
      return subject ? `sub:${subject}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, res) => {
      res
        .status(429)
        .json(
          graphqlRefusal(
            'Terlalu banyak permintaan. Silakan coba lagi dalam beberapa saat.',
            'RATE_LIMITED',
          ),
        );
    },
  });
}

/** JSON answers for body-parser failures (too large, malformed) instead of Express's HTML page. */
export const bodyErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  const status = (error as { status?: number }).status;
  if (res.headersSent || typeof status !== 'number' || status < 400 || status >= 500) {
    next(error);
    return;
  }
  const type = (error as { type?: string }).type;
  const message =
    type === 'entity.too.large'
      ? 'Permintaan terlalu besar.'
      : type === 'entity.parse.failed'
        ? 'Badan permintaan bukan JSON yang valid.'
        : 'Permintaan tidak valid.';
  res.status(status).json(graphqlRefusal(message));
};
