export * from './forged-tokens.js';
export * from './graphql-client.js';
export * from './keycloak-tokens.js';
