import type { Probot, ProbotOctokit } from "probot";

export interface Installation {
  id: number;
  /** The account's login; the installation's id when GitHub names no account. */
  account: string;
  /** The installation's own client. Asked for when used, so a refused token fails this installation, not the run. */
  octokit(): Promise<ProbotOctokit>;
}

/**
 * Every installation of the app, as the app's JWT lists them, a page of 100 at a time. A suspended installation is
 * left out — GitHub refuses its tokens, and its owner has said the app is not to act there — and the skip is logged
 * with the app's logger, so a run over every installation says why one is missing. `appOctokit` is the caller's app client when it counts
 * the requests it makes.
 */
export async function* everyInstallation(probot: Probot, appOctokit?: ProbotOctokit): AsyncGenerator<Installation> {
  const app = appOctokit ?? (await probot.auth());
  for await (const { data } of app.paginate.iterator(app.rest.apps.listInstallations, { per_page: 100 })) {
    for (const installation of data) {
      if (installation.suspended_at) {
        probot.log.info({ installation: installation.id }, "installation suspended: skipped");
        continue;
      }
      yield {
        id: installation.id,
        account: installation.account && "login" in installation.account ? installation.account.login : String(installation.id),
        octokit: () => probot.auth(installation.id),
      };
    }
  }
}

/** What a failed installation's line says after its id. */
export function failureReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
