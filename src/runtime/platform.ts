/**
 * Which GitHub the app talks to, decided once at start-up. GitHub Enterprise Server has no repository security
 * advisories (no private vulnerability reporting, no `repository_advisory` webhooks, no advisory endpoints in its
 * REST description), so there Disclosure Desk runs in private-issue mode: cases come from contained public issues
 * and live in private tracking issues.
 *
 * The decision: without GHE_HOST the app talks to github.com and asks nothing. With GHE_HOST it asks GitHub once with
 * its own JWT (`GET /app/installations`, one item: it works before any installation exists): GitHub Enterprise Server
 * names its version in the `X-GitHub-Enterprise-Version` header of every REST response, and only it does. Probing an advisory endpoint instead
 * would need an installation and a repository, and a 404 there also means "no permission" or "no such repository".
 */

export type Platform =
  | { kind: "github.com"; advisories: true }
  /** GHE_HOST names a host that is not GitHub Enterprise Server (no version header). */
  | { kind: "other-host"; host: string; advisories: true }
  | { kind: "enterprise-server"; host: string; version: string; advisories: false }
  /** GitHub did not answer at start-up: advisories are assumed, and each advisory call still falls back on a 404. */
  | { kind: "undetected"; host: string; advisories: true; reason: string };

/** The `X-GitHub-Enterprise-Version` header of a request made with the app's JWT, if GitHub sent one. */
export type ReadEnterpriseVersion = () => Promise<string | undefined>;

export async function detectPlatform(gitHubHost: string | undefined, readEnterpriseVersion: ReadEnterpriseVersion): Promise<Platform> {
  if (!gitHubHost) return { kind: "github.com", advisories: true };
  let version: string | undefined;
  try {
    version = await readEnterpriseVersion();
  } catch (error) {
    return { kind: "undetected", host: gitHubHost, advisories: true, reason: error instanceof Error ? error.message : String(error) };
  }
  return version
    ? { kind: "enterprise-server", host: gitHubHost, version, advisories: false }
    : { kind: "other-host", host: gitHubHost, advisories: true };
}

/** The one start-up log line that says how the app runs, with its fields; `level` is `warn` when detection failed. */
export function platformLogLine(platform: Platform): { level: "info" | "warn"; fields: Record<string, string | boolean>; message: string } {
  switch (platform.kind) {
    case "github.com":
      return {
        level: "info",
        fields: { platform: platform.kind, advisories: true },
        message: "running with repository security advisories",
      };
    case "other-host":
      return {
        level: "info",
        fields: { platform: platform.kind, host: platform.host, advisories: true },
        message: "running with repository security advisories",
      };
    case "enterprise-server":
      return {
        level: "info",
        fields: { platform: platform.kind, host: platform.host, version: platform.version, advisories: false },
        message: "GitHub Enterprise Server has no repository security advisories: running in private-issue mode",
      };
    case "undetected":
      return {
        level: "warn",
        fields: { platform: platform.kind, host: platform.host, advisories: true, reason: platform.reason },
        message: "could not tell which GitHub this is: assuming repository security advisories are available",
      };
    default: {
      const unknown: never = platform;
      throw new Error(`unknown platform ${JSON.stringify(unknown)}`);
    }
  }
}
