# syntax=docker/dockerfile:1
# The web portal (web/, Next.js), from the repository root:
#   docker build -f docker/web.Dockerfile -t sipadu/web .
# NEXT_OUTPUT=standalone switches web/next.config.ts to `output: 'standalone'`: `next build` then writes a self-contained
# server (only the traced node_modules files) to web/.next/standalone, laid out from the monorepo
# root, so the entry point is web/server.js. Configuration is read at run time (environment of the
# container), so one image serves every deployment.
ARG NODE_IMAGE=node:22-slim

# Same manifests and install stages as node-service.Dockerfile (shared build cache).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
  && cp package.json package-lock.json /manifests/ \
  && find . -mindepth 2 -name package.json -not -path '*/node_modules/*' \
    -exec cp --parents {} /manifests/ \;

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1 \
    NEXT_OUTPUT=standalone
COPY . .
# web/src/gql (GraphQL types) is committed and checked by `npm test`, so no codegen here.
RUN npm run build -w web
RUN test -f web/.next/standalone/web/server.js \
  || { echo "web/.next/standalone/web/server.js missing: web/next.config.ts ignored NEXT_OUTPUT=standalone" >&2; exit 1; }
# The standalone server plus what it serves as files: built assets and web/public (if any).
RUN mkdir -p /out/web/.next /out/web/public \
  && cp -R web/.next/standalone/. /out/ \
  && cp -R web/.next/static /out/web/.next/static \
  && if [ -d web/public ]; then cp -R web/public/. /out/web/public/; fi

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
  NEXT_TELEMETRY_DISABLED=1 \
  PORT=3000 \
  HOSTNAME=0.0.0.0
WORKDIR /app
COPY --from=build /out/ ./
# The code stays root-owned; only Next's cache (fetch and image caches) is writable.
RUN mkdir -p web/.next/cache && chown node:node web/.next/cache
USER node
EXPOSE 3000
CMD ["node", "web/server.js"]
