# syntax=docker/dockerfile:1
# Disclosure Desk as a container: `docker build -t disclosure-desk .`, then run it with the variables in
# docs/deployment.md (or `docker compose up` with docker-compose.yml, which adds Redis).

# 1. Build: every dependency, then the TypeScript compile. Install scripts stay off (`prepare` would build before
#    the sources are copied); the build runs as its own step.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# 2. Run: production dependencies only, the compiled code, the message templates and the App manifest.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY templates ./templates
COPY models ./models
COPY app.yml ./app.yml
# The image's own unprivileged user: the app writes nothing to disk, so it owns nothing here either.
USER node
EXPOSE 3000
# The process answers: `/healthz` (readiness of GitHub and Redis is `/readyz`, for the orchestrator's own probe).
# Node's own fetch, so the slim image needs no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself, not `npm start`: as PID 1, npm would receive SIGTERM and report the signal, while the server's own
# handler finishes the webhooks in flight and exits 0 within 25 seconds. Give `docker stop` at least 30 s (-t 30).
# The heap flags are npm start's (docs/deployment.md, "Memory").
STOPSIGNAL SIGTERM
CMD ["node", "--max-old-space-size=1024", "--max-semi-space-size=8", "dist/server.js"]
