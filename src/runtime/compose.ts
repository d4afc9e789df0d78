import type { ApplicationFunction } from "probot";
import { createRequire } from "node:module";
import type { Redis } from "ioredis";
import { getPrivateKey } from "@probot/get-private-key";
import { disclosureDesk } from "../app.js";
import { caseSecretFrom, type CaseSecret } from "../case/trust.js";
import { checkAppCredentials, enterpriseVersion } from "../github/app-client.js";
import { learnBotLogin, type CaseTrust } from "../github/case-trust.js";
import { emailChannel } from "../email/email-channel.js";
import { readEmailSettings } from "../email/email-settings.js";
import { sweepEveryInstallation } from "../sweep/every-installation.js";
import { createGatewayCache, createInProcessPendingAcknowledgements } from "../github/gateway-cache.js";
import type { HandlerDependencies } from "../handlers/dependencies.js";
import { collectCasesOfEveryInstallation } from "../sweep/collect-cases.js";
import { computeMetrics, renderPrometheusMetrics } from "../dashboard/metrics.js";
import { createInProcessLocks } from "../case/case-locks.js";
import { createRedisLocks } from "./redis-locks.js";
import { createRedisCodeCache } from "./redis-code-cache.js";
import { createRedisPendingAcknowledgements } from "./redis-pending-acknowledgements.js";
import { createRedisRecentCases } from "./redis-recent-cases.js";
import { createRedisCaseIndex } from "./redis-case-index.js";
import { createRedisSendQuota } from "./redis-send-quota.js";
import { metricsAccessLogLine, readMetricsAccess, type MetricsAccess } from "./metrics-access.js";
import { startMetricsListener, type MetricsListener } from "./metrics-listener.js";
import { detectPlatform, platformLogLine } from "./platform.js";
import { metricsRoute, operatorRoutes } from "./routes.js";
import { createInProcessSweepLock, startSweepTimer, type SweepLock, type SweepTimer } from "./sweep-timer.js";
import { limitWebhookBodies, readWebhookMaxBytes } from "./webhook-body-limit.js";

/**
 * Builds the running server from its settings: where locks, the recent-case index and the code check's trees live (Redis when REDIS_URL is
 * set, so replicas behave as one; this process otherwise), the SLA sweep timer, the operator routes, where metrics
 * are served, and the size limit on webhook bodies.
 */

export interface ServerSettings {
  redisUrl: string | undefined;
  /** 0 turns the in-server sweep off (run `disclosure-desk sweep` from a scheduler instead). */
  sweepIntervalMinutes: number;
  sweepMaxRequests: number;
  /** GHE_HOST: when set, one request at start-up tells GitHub Enterprise Server (private-issue mode) from other hosts. */
  gitHubHost: string | undefined;
  /** APP_ID: the app's own issues and comments are told from look-alikes by it. */
  appId: number;
  /** The key of case seals: CASE_SECRET, else derived from the private key; absent in setup mode (no credentials). */
  caseSecret: CaseSecret | undefined;
  /** METRICS_TOKEN, METRICS_PORT, METRICS_HOST: who may read /metrics, and on which port. */
  metrics: MetricsAccess;
  /** WEBHOOK_MAX_BYTES: larger webhook bodies are refused with 413 before they are read whole. */
  webhookMaxBytes: number;
}

export interface ComposedServer {
  application: ApplicationFunction;
  /** Who the app is and its seal key: the GitHub client is built with them, so every request is judged. */
  trust: CaseTrust;
  /** Stops the sweep timer (finishing a running sweep) and releases Redis. */
  shutdown(): Promise<void>;
}

export function readServerSettings(env: NodeJS.ProcessEnv): ServerSettings {
  return {
    redisUrl: env.REDIS_URL || undefined,
    sweepIntervalMinutes: env.SWEEP_INTERVAL_MINUTES === undefined ? 15 : Number(env.SWEEP_INTERVAL_MINUTES),
    sweepMaxRequests: env.SWEEP_MAX_REQUESTS === undefined ? 1_000 : Number(env.SWEEP_MAX_REQUESTS),
    gitHubHost: env.GHE_HOST || undefined,
    appId: Number(env.APP_ID ?? 0),
    caseSecret: readCaseSecret(env),
    metrics: readMetricsAccess(env),
    webhookMaxBytes: readWebhookMaxBytes(env),
  };
}

function readCaseSecret(env: NodeJS.ProcessEnv): CaseSecret | undefined {
  const privateKey = env.CASE_SECRET ? undefined : (getPrivateKey({ env }) ?? undefined);
  if (!env.CASE_SECRET && !privateKey) return undefined;
  return caseSecretFrom({ caseSecret: env.CASE_SECRET, privateKey });
}

const BOT_LOGIN_RETRY_MS = 60_000;

/** The Redis client, loaded only when REDIS_URL is set: a single replica never holds it in memory. */
function connectRedis(url: string): Redis {
  const { Redis: RedisClient } = createRequire(import.meta.url)("ioredis") as typeof import("ioredis");
  return new RedisClient(url, { maxRetriesPerRequest: 3, lazyConnect: false });
}

export function composeServer(settings: ServerSettings, now: () => number = Date.now): ComposedServer {
  const redis = settings.redisUrl ? connectRedis(settings.redisUrl) : undefined;
  const redisLocks = redis ? createRedisLocks(redis) : undefined;
  const dependencies: HandlerDependencies = {
    cache: createGatewayCache(
      redis
        ? {
            recentCases: createRedisRecentCases(redis),
            pendingAcknowledgements: createRedisPendingAcknowledgements(redis, now),
            caseIndex: createRedisCaseIndex(redis),
            code: createRedisCodeCache(redis),
          }
        : { pendingAcknowledgements: createInProcessPendingAcknowledgements(now()) },
    ),
    locks: redisLocks ?? createInProcessLocks(),
    now,
    platform: { advisories: true },
    trust: { identity: { appId: settings.appId }, secret: settings.caseSecret ?? Buffer.alloc(0) },
  };
  const sweepLock: SweepLock = redisLocks?.sweepLock ?? createInProcessSweepLock();
  let sweepTimer: SweepTimer | undefined;
  let stopEmail: () => Promise<void> = async () => undefined;
  let botLoginRetry: NodeJS.Timeout | undefined;
  let metricsListener: MetricsListener | undefined;

  const application: ApplicationFunction = async (app, options) => {
    if (!settings.caseSecret) throw new Error("case seals need CASE_SECRET or the app's private key (PRIVATE_KEY or PRIVATE_KEY_PATH)");
    limitWebhookBodies(app, settings.webhookMaxBytes);
    await disclosureDesk(dependencies)(app, options);
    // The bot account's login tells the app's own issues from look-alikes; GitHub names it after the app's slug.
    const learnIdentity = async () => {
      try {
        await learnBotLogin(await app.auth(), dependencies.trust.identity);
      } catch (error) {
        app.log.error(
          { err: error },
          "could not read the app's slug: no issue can be judged, so events and sweeps that read issues fail until it can (asked again every minute)",
        );
        botLoginRetry = setTimeout(() => void learnIdentity(), BOT_LOGIN_RETRY_MS);
        botLoginRetry.unref();
      }
    };
    await learnIdentity();
    const readEnterpriseVersion = async () => enterpriseVersion(await app.auth());
    const detected = await detectPlatform(settings.gitHubHost, readEnterpriseVersion);
    dependencies.platform.advisories = detected.advisories;
    const platform = platformLogLine(detected);
    app.log[platform.level](platform.fields, platform.message);
    options.addHandler(
      operatorRoutes({
        now,
        checks: {
          github: async () => checkAppCredentials(await app.auth()),
          ...(redis ? { redis: async () => void (await redis.ping()) } : {}),
        },
      }),
    );
    const metricsOptions = {
      now,
      onError: (error: unknown) => app.log.error({ err: error }, "metrics could not be collected"),
      metrics: async () => {
        const at = new Date(now());
        return renderPrometheusMetrics(computeMetrics(await collectCasesOfEveryInstallation(app, dependencies.cache, at), at));
      },
    };
    if (settings.metrics.kind === "bearer") options.addHandler(metricsRoute({ ...metricsOptions, token: settings.metrics.token }));
    if (settings.metrics.kind === "listener") {
      const { host, port, token } = settings.metrics;
      metricsListener = await startMetricsListener({
        host,
        port,
        route: metricsRoute({ ...metricsOptions, token }),
        onError: metricsOptions.onError,
      });
    }
    const metricsLine = metricsAccessLogLine(settings.metrics);
    app.log.info(metricsLine.fields, metricsLine.message);
    const emailSettings = readEmailSettings(process.env);
    if (emailSettings) {
      const channel = emailChannel(
        app,
        dependencies,
        emailSettings,
        redis ? createRedisSendQuota(redis, emailSettings.messagesPerRecipientPerHour, now) : undefined,
      );
      stopEmail = channel.stop;
      if (channel.mailer) dependencies.mailer = channel.mailer;
      options.addHandler(channel.route);
    }
    if (settings.sweepIntervalMinutes > 0) {
      const log = app.log.child({ name: "sweep" });
      sweepTimer = startSweepTimer({
        intervalMs: settings.sweepIntervalMinutes * 60_000,
        initialDelayMs: 30_000,
        lock: sweepLock,
        runOnce: async () => {
          const result = await sweepEveryInstallation(app, {
            now: new Date(now()),
            dryRun: false,
            maxRequests: settings.sweepMaxRequests,
            locks: dependencies.locks,
            cache: dependencies.cache,
            advisories: dependencies.platform.advisories,
            ...(dependencies.mailer ? { mailer: dependencies.mailer } : {}),
            log,
            report: (line) => log.info(line),
            secret: dependencies.trust.secret,
          });
          log.info({ installations: result.installations, failed: result.failed, ...result.totals }, "sweep finished");
        },
        onError: (error) => log.error({ err: error }, "sweep failed"),
        onSkipped: () => log.debug("another replica is sweeping"),
      });
    }
  };

  return {
    application,
    trust: dependencies.trust,
    async shutdown() {
      clearTimeout(botLoginRetry);
      await Promise.all([sweepTimer?.stop(), stopEmail(), metricsListener?.close()]);
      await redis?.quit();
    },
  };
}
