export * from './forged-tokens.js';
export * from './graphql-client.js';
export * from './keycloak-tokens.js';
export * from './keycloak-edge-tokens.js';
export * from './tus-upload.js';
export * from './sse-client.js';
export * from './eventually.js';
export * from './clamd.js';
