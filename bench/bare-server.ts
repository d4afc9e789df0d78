import { ProbotOctokit, run, type Context } from "probot";

/**
 * The baseline for `npm run bench`: a bare Probot app that makes the same GitHub calls as one Disclosure Desk intake
 * of a new report once config and visibility are cached (case look-up, acknowledgement, tracking issue), with none
 * of the policy engine, SLA arithmetic, templates, seals or locks. The ratio between the two is the cost of
 * Disclosure Desk itself.
 */
// Exits on SIGTERM as Disclosure Desk's server does, so that `--cpu-prof` writes the bare app's profile too.
process.once("SIGTERM", () => process.exit(0));

const Octokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, throttle: { enabled: false } }));

await run(
  (app) => {
    app.on("repository_advisory.reported", async (context: Context<"repository_advisory.reported">) => {
      const advisory = context.payload.repository_advisory;
      const [owner, repo] = context.payload.repository.full_name.split("/") as [string, string];
      const tracking = { owner, repo: "security-cases" };
      await context.octokit.rest.search.issuesAndPullRequests({
        q: `repo:${owner}/security-cases is:issue in:title "${advisory.ghsa_id}"`,
      });
      await context.octokit.request("POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/comments", {
        owner,
        repo,
        ghsa_id: advisory.ghsa_id,
        body: "Thank you",
      });
      await context.octokit.rest.issues.create({
        ...tracking,
        title: `${advisory.ghsa_id}: ${advisory.summary}`,
        body: "case, acknowledged",
        labels: ["disclosure"],
      });
    });
  },
  { Octokit },
);
