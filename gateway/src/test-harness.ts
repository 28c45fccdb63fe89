// Spec support: real subgraphs (Apollo Server + buildSubgraphSchema on loopback) and an
// in-process gateway on a free port. Not bundled: the production build starts from src/index.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { createLogger } from '@sipadu/service-kit';
import express from 'express';
import { parse } from 'graphql';
import { createGatewayApp, type GatewayApp, type GatewayAppOptions } from './app.js';
import { composeSubgraphs } from './composition.js';
import { loadGatewayEnvironment, type GatewayEnvironment } from './environment.js';

export const accessHeader = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@composeDirective"])
  @link(url: "https://sipadu.go.id/spec/access/v1.0", import: ["@public"])
  @composeDirective(name: "@public")
directive @public on FIELD_DEFINITION
`;

/** Context of a test subgraph's resolvers: the headers the gateway sent. */
export interface TestSubgraphContext {
  headers: http.IncomingHttpHeaders;
}

export interface RecordedRequest {
  headers: http.IncomingHttpHeaders;
  body: { query?: string; variables?: unknown };
}

export interface TestSubgraph {
  name: string;
  url: string;
  typeDefs: string;
  /** Every GraphQL request this subgraph received, in order. */
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

/** A real federated subgraph on 127.0.0.1 (free port) that records the requests it receives. */
export async function startTestSubgraph(
  name: string,
  typeDefs: string,
  resolvers: GraphQLResolverMap<TestSubgraphContext>,
): Promise<TestSubgraph> {
  const requests: RecordedRequest[] = [];
  const apollo = new ApolloServer<TestSubgraphContext>({
    schema: buildSubgraphSchema([
      { typeDefs: parse(typeDefs), resolvers: resolvers as GraphQLResolverMap<unknown> },
    ]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json(),
    (req, _res, next) => {
      requests.push({ headers: req.headers, body: req.body });
      next();
    },
    expressMiddleware(apollo, { context: async ({ req }) => ({ headers: req.headers }) }),
  );
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    typeDefs,
    requests,
    async stop() {
      await apollo.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function composeTestSupergraph(
  subgraphs: readonly Pick<TestSubgraph, 'name' | 'url' | 'typeDefs'>[],
): string {
  const outcome = composeSubgraphs(
    subgraphs.map(({ name, url, typeDefs }) => ({ name, url, typeDefs })),
  );
  if (!outcome.ok) throw new Error(`composition failed:\n${outcome.errors.join('\n')}`);
  return outcome.supergraphSdl;
}

export interface TestGateway extends GatewayApp {
  url: string;
  origin: string;
  env: GatewayEnvironment;
}

/** The real gateway app, in process, on a free loopback port. */
export async function startTestGateway(
  supergraphSdl: string,
  settings: Record<string, string> = {},
  options: Omit<GatewayAppOptions, 'supergraphSdl'> = {},
): Promise<TestGateway> {
  const env = loadGatewayEnvironment({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    // The test infrastructure's NATS (partner audit), set by test/global-setup.ts.
    ...(process.env.NATS_URL ? { NATS_URL: process.env.NATS_URL } : {}),
    ...settings,
  });
  const gateway = await createGatewayApp(env, {
    supergraphSdl,
    logger: createLogger('gateway', 'silent'),
    ...options,
  });
  const url = await gateway.start();
  return { ...gateway, url, origin: new URL(url).origin, env };
}
