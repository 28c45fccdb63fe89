# syntax=docker/dockerfile:1
# One image recipe for every Node unit: each service (services/<name>) and the gateway. Pick the
# unit with its workspace folder, from the repository root:
#   docker build -f docker/node-service.Dockerfile --build-arg UNIT=services/identity -t sipadu/identity .
# The unit is bundled by scripts/build-unit.ts into <unit>/dist/index.js (workspace packages
# inlined, npm dependencies external); the runtime image holds that bundle plus the unit's
# production dependencies only, and runs as the unprivileged `node` user. Native dependencies
# need nothing extra: sharp (documents) installs its prebuilt glibc binary with libvips bundled
# (@img/sharp-linux-x64 / -arm64, optional dependencies in the lockfile) on this Debian image.
ARG NODE_IMAGE=node:22-slim

# Every workspace manifest at its own path: `npm ci` needs all of them, and copying them apart from
# the sources keeps the install layers cached until a package.json or the lockfile changes.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
  && cp package.json package-lock.json /manifests/ \
  && find . -mindepth 2 -name package.json -not -path '*/node_modules/*' \
    -exec cp --parents {} /manifests/ \;

# Full install (build tools included); identical in web.Dockerfile, so the layer is shared.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ARG UNIT
COPY . .
RUN test -n "$UNIT" && test -f "$UNIT/package.json" \
  || { echo "UNIT must name a workspace folder (services/<name> or gateway), got '$UNIT'" >&2; exit 1; }
RUN npm run build -w "$UNIT"
# The gateway serves the supergraph composed from every services/*/schema.graphql.
RUN if [ "$UNIT" = gateway ]; then npm run compose; fi
# What the unit reads at run time besides its bundle: schema.graphql (services) or
# supergraph.graphql (gateway), next to dist/ as in the repository, and reference data files at
# their source paths, which the bundle looks up from dist/ (`../src/...`): the projects service's
# planning-code seed (src/planning/seed/*.csv), the surveys service's SKM questionnaire
# (src/seed/questionnaire.data.json) and the consultations service's seed data (src/seed/*.json).
# Only data files are copied (*.csv, *.json), never sources.
RUN mkdir -p "/out/$UNIT" \
  && cp -R "$UNIT/dist" "/out/$UNIT/" \
  && find "$UNIT" -maxdepth 1 -name '*.graphql' -exec cp {} "/out/$UNIT/" \; \
  && for dir in src/planning/seed src/seed; do \
       if [ -d "$UNIT/$dir" ]; then \
         find "$UNIT/$dir" -maxdepth 1 -type f \( -name '*.csv' -o -name '*.json' \) \
           -exec cp --parents {} /out/ \; ; \
       fi; \
     done

FROM ${NODE_IMAGE} AS runtime
ARG UNIT
# Inside a container the unit must listen on every interface (its own default is loopback).
ENV NODE_ENV=production \
  HOST=0.0.0.0
WORKDIR /app
COPY --from=manifests /manifests/ ./
# Only this unit's dependencies (and those of the workspace packages it uses), without dev ones.
RUN npm ci --omit=dev --workspace "$UNIT" --no-audit --no-fund && npm cache clean --force
COPY --from=build /out/ ./
# The code stays root-owned; /var/lib/sipadu is the one writable data directory (the documents
# service's partial uploads and dev seal key). Created here, owned by `node`, so a fresh named
# volume mounted on it takes that ownership instead of root's (Docker copies it on first use).
RUN mkdir -p /var/lib/sipadu && chown node:node /var/lib/sipadu
USER node
WORKDIR /app/${UNIT}
CMD ["node", "dist/index.js"]
