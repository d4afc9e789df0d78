import { readFileSync } from "node:fs";
import { issueCommentCreatedPayload, maintainer, repositoryAdvisoryReportedPayload } from "../test/fixtures/webhook-payloads.js";
import type { RepositoryAdvisoryObject } from "../test/fixtures/github-objects.js";
import { seedFixtureWorld } from "../test/harness/standin/fixture-world.js";
import { startStandIn, type StandIn } from "../test/harness/standin/server.js";
import { startApp, type AppProcess } from "../test/e2e/support/app-process.js";
import { WEBHOOK_SECRET } from "../test/e2e/support/world.js";

/**
 * `npm run demo`: Disclosure Desk for someone with no GitHub App yet. It starts a local GitHub stand-in and the real
 * server, plays one report for each example policy through intake, a maintainer's command and resolution, and prints
 * what the researcher and the maintainers see at each step.
 */

interface DemoReport {
  policyFile: string;
  summary: string;
  description: string;
  acceptCommand: string;
}

const reports: DemoReport[] = [
  {
    policyFile: "examples/openworx.yml",
    summary: "Stored XSS in the ticket subject of the customer portal",
    description: [
      "The subject of a support ticket on https://portal.openworx.nl/tickets is rendered without escaping.",
      "",
      "Steps to reproduce:",
      "1. Create a ticket with the subject `<img src=x onerror=alert(document.domain)>`.",
      "2. Open the ticket list as a support agent: the script runs in the agent's session.",
      "",
      "Impact: session theft of support agents. cc @openworx/security",
    ].join("\n"),
    acceptCommand: "/disclosure accept severity:high resolve-by:2026-12-18",
  },
  {
    policyFile: "examples/mijnpartnergroep.yml",
    summary: "Facturen van andere klanten op te vragen via het factuurnummer (IDOR)",
    description: [
      "Op https://mijnpartnergroep.nl/api/facturen/{nummer} wordt niet gecontroleerd of de factuur bij de ingelogde klant hoort.",
      "",
      "Stappen:",
      "1. Log in met je eigen account en open een eigen factuur.",
      "2. Verhoog het nummer in de URL met 1: je ziet de factuur van een andere klant.",
      "",
      "Ik heb maximaal 1 record bekeken, zoals het beleid vraagt.",
    ].join("\n"),
    acceptCommand: "/disclosure accept severity:high",
  },
];

const rule = (title: string) => console.log(`\n${"─".repeat(8)} ${title} ${"─".repeat(Math.max(0, 100 - title.length))}`);
const indent = (text: string) =>
  text.replace(/<!-- disclosure-desk:case [^\n]*-->/, "<!-- case block (ids, times, decisions) -->").replace(/^/gm, "  │ ");

function researcherSees(github: StandIn, ghsaId: string, alreadyShown: number): number {
  const comments = github.state.repositories.get("octo-org/widgets")?.advisoryComments.get(ghsaId) ?? [];
  for (const comment of comments.slice(alreadyShown)) {
    console.log(`The researcher sees, on advisory ${ghsaId} (comment by ${comment.user.login}):`);
    console.log(indent(comment.body));
  }
  return comments.length;
}

function maintainersSee(github: StandIn, withBody: boolean, alreadyShown: number): number {
  const tracking = github.state.repositories.get("octo-org/security-cases");
  const issue = tracking?.issues.get(1);
  if (!issue) {
    console.log("The maintainers see: no tracking issue.");
    return alreadyShown;
  }
  console.log(`The maintainers see, in the private tracking issue #${issue.number} "${issue.title}":`);
  console.log(`  labels: ${issue.labels.map((label) => label.name).join(", ")}`);
  if (withBody) console.log(indent(issue.body ?? ""));
  const comments = [...(tracking?.comments.values() ?? [])].filter((comment) => comment.issue_url.endsWith(`/issues/${issue.number}`));
  for (const comment of comments.slice(alreadyShown)) {
    console.log(`  comment by ${comment.user?.login ?? "someone"}:`);
    console.log(indent(comment.body ?? ""));
  }
  return comments.length;
}

async function play(report: DemoReport): Promise<void> {
  const policyText = readFileSync(report.policyFile, "utf8");
  const config = /^tracking:/m.test(policyText) ? policyText : `${policyText}\ntracking:\n  repository: octo-org/security-cases\n`;
  const github = await startStandIn();
  const world = seedFixtureWorld(github.state, { config });
  let app: AppProcess | undefined;
  try {
    app = await startApp({
      appId: world.app.id,
      privateKey: world.app.keys.privateKey,
      webhookSecret: WEBHOOK_SECRET,
      gitHubHost: new URL(github.url).host,
      command: [process.execPath, "dist/server.js"],
      env: { LOG_LEVEL: "warn" },
    });
    const submittedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    const payload = repositoryAdvisoryReportedPayload({
      repository_advisory: { summary: report.summary, description: report.description, created_at: submittedAt, updated_at: submittedAt },
    });
    github.state.adoptAdvisory(world.advisoryRepository, payload.repository_advisory as unknown as RepositoryAdvisoryObject);
    const ghsaId = payload.repository_advisory.ghsa_id;

    rule(`${report.policyFile}: a researcher reports "${report.summary}"`);
    await app.sendWebhook("repository_advisory", payload);
    let researcherShown = researcherSees(github, ghsaId, 0);
    let maintainerShown = maintainersSee(github, true, 0);

    for (const [index, command] of [report.acceptCommand, "/disclosure resolved"].entries()) {
      rule(`a maintainer writes: ${command}`);
      // GitHub sends the issue as it is now, case block included.
      const issue = github.state.repositories.get("octo-org/security-cases")?.issues.get(1);
      const comment = issueCommentCreatedPayload({
        issue: { number: 1, title: issue?.title ?? "", body: issue?.body ?? "" },
        comment: { id: 2_400_000_100 + index, body: command, user: maintainer },
        sender: maintainer,
      });
      const response = await app.sendWebhook("issue_comment", comment);
      if (response.status !== 200) console.log(`  (the app answered ${response.status})`);
      researcherShown = researcherSees(github, ghsaId, researcherShown);
      maintainerShown = maintainersSee(github, false, maintainerShown);
    }
  } finally {
    await app?.stop();
    await github.close();
  }
}

for (const report of reports) await play(report);
rule("done");
console.log("Everything above ran against a local GitHub stand-in on 127.0.0.1. To run Disclosure Desk for real, `npm start`.");
