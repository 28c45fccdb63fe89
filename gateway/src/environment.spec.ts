import { describe, expect, it } from 'vitest';
import { loadGatewayEnvironment } from './environment.js';

describe('loadGatewayEnvironment', () => {
  it('has working defaults for this machine', () => {
    const env = loadGatewayEnvironment({});
    expect(env).toMatchObject({
      PORT: 4000,
      HOST: '127.0.0.1',
      KEYCLOAK_URL: 'http://localhost:8080',
      KEYCLOAK_ISSUER: 'http://localhost:8080/realms/sipadu',
      JWT_AUDIENCE: 'sipadu-api',
      CORS_ORIGINS: ['http://localhost:3000'],
      SUBGRAPH_TIMEOUT_MS: 10_000,
      MAX_QUERY_DEPTH: 12,
      MAX_ALIASES: 15,
      MAX_QUERY_CHARS: 20_000,
      INTROSPECTION: true,
      subgraphUrls: {},
      filesTarget: 'http://127.0.0.1:4002',
      eventsTarget: 'http://127.0.0.1:4006',
      complaintsTarget: 'http://127.0.0.1:4005',
      insightsTarget: 'http://127.0.0.1:4007',
      NATS_URL: 'nats://127.0.0.1:4222',
      PARTNER_RATE_LIMIT: 120,
    });
    expect(env.SUPERGRAPH_PATH).toMatch(/gateway\/supergraph\.graphql$/);
  });

  it('maps <NAME>_URL to subgraph endpoints and proxy targets', () => {
    const env = loadGatewayEnvironment({
      IDENTITY_URL: 'http://identity:4001/',
      DOCUMENTS_URL: 'http://documents:4002/graphql',
      CONSULTATIONS_URL: 'http://consultations:4005',
      INSIGHTS_URL: 'http://insights:4007/',
      CORS_ORIGINS: 'https://sipadu.example.go.id/, http://localhost:3000',
    });
    expect(env.subgraphUrls).toEqual({
      identity: 'http://identity:4001/graphql',
      documents: 'http://documents:4002/graphql',
      consultations: 'http://consultations:4005/graphql',
      insights: 'http://insights:4007/graphql',
    });
    expect(env.filesTarget).toBe('http://documents:4002');
    expect(env.complaintsTarget).toBe('http://consultations:4005');
    expect(env.insightsTarget).toBe('http://insights:4007');
    expect(env.CORS_ORIGINS).toEqual(['https://sipadu.example.go.id', 'http://localhost:3000']);
  });

  it('is strict in production: introspection off, lower rate limit', () => {
    const env = loadGatewayEnvironment({ NODE_ENV: 'production' });
    expect(env.INTROSPECTION).toBe(false);
    expect(env.RATE_LIMIT_PER_MINUTE).toBe(600);
  });

  it('lists every invalid setting', () => {
    expect(() => loadGatewayEnvironment({ PORT: 'empat-ribu', IDENTITY_URL: 'bukan url' })).toThrow(
      /PORT[\s\S]*IDENTITY_URL/,
    );
  });

  it('takes the partner rate limit and NATS address from the environment', () => {
    const env = loadGatewayEnvironment({ PARTNER_RATE_LIMIT: '30', NATS_URL: 'nats://nats:4222' });
    expect(env).toMatchObject({ PARTNER_RATE_LIMIT: 30, NATS_URL: 'nats://nats:4222' });
    expect(() => loadGatewayEnvironment({ PARTNER_RATE_LIMIT: '0' })).toThrow(/PARTNER_RATE_LIMIT/);
  });
});
