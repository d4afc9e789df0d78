import type { ProbotOctokit } from "probot";

type AppOctokit = InstanceType<typeof ProbotOctokit>;

/**
 * The bot account's login (`<slug>[bot]`), named after the app's slug: what GitHub shows as the author of the app's
 * issues and comments. Undefined when GitHub does not say.
 */
export async function appBotLogin(app: AppOctokit): Promise<string | undefined> {
  const { data } = await app.request("GET /app", { request: { signal: AbortSignal.timeout(10_000) } });
  return data?.slug ? `${data.slug}[bot]` : undefined;
}

/** Fails when GitHub does not accept the app's credentials: the health check's question. */
export async function checkAppCredentials(app: AppOctokit): Promise<void> {
  await app.rest.apps.getAuthenticated();
}

/** The GitHub Enterprise Server version the host names in its answers; undefined for a host that names none. */
export async function enterpriseVersion(app: AppOctokit): Promise<string | undefined> {
  const { headers } = await app.request("GET /app/installations", { per_page: 1, request: { signal: AbortSignal.timeout(10_000) } });
  return headers["x-github-enterprise-version"]?.toString();
}
