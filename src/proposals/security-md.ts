import type { ConfigProblem } from "../config/config-problem.js";
import { CONFIG_PATH } from "../config/repository-config.js";
import type { DisclosureConfig, Language } from "../config/schema.js";
import type { RepositoryRef } from "../github/refs.js";
import type { PrivateReportingState } from "../github/proposals-gateway.js";
import { renderSecurityMd, type SecurityMdConfig } from "../messages/security-md.js";
import { proposalBranch, proposalMarker, type ProposalPlan } from "./proposal.js";

/**
 * SECURITY.md kept true to the policy: when `.github/disclosure.yml` changes on a repository's default branch and
 * its policy opted in (`documents.securityMd.enabled`), Disclosure Desk proposes the SECURITY.md rendered from that
 * policy through a pull request, and says there whether private vulnerability reporting — where the page sends
 * researchers — is on. The organisation's `.github` repository gets the page every repository without its own
 * SECURITY.md shows, so it links to no single repository's reporting form. Pure.
 */

/** What a `push` webhook says, narrowed to what the decision needs. */
export interface PushFacts {
  repository: RepositoryRef;
  /** `refs/heads/main`. */
  ref: string;
  defaultBranch: string;
  /** The commit the branch points to after the push. */
  after: string;
  deleted: boolean;
  /** Every path added, modified or removed by the pushed commits. */
  changedPaths: string[];
}

/** Why a push refreshes SECURITY.md, or why not: the first step, before any config is read. */
export function pushChangesPolicy(push: PushFacts): { changes: boolean; reason: string } {
  if (push.deleted) return { changes: false, reason: "the branch was deleted" };
  if (push.ref !== `refs/heads/${push.defaultBranch}`) return { changes: false, reason: `${push.ref} is not the default branch` };
  if (!push.changedPaths.includes(CONFIG_PATH)) return { changes: false, reason: `the push does not change ${CONFIG_PATH}` };
  return { changes: true, reason: `${CONFIG_PATH} changed on ${push.defaultBranch}` };
}

export interface SecurityMdInput {
  push: Pick<PushFacts, "repository" | "after">;
  config: SecurityMdConfig & Pick<DisclosureConfig, "language" | "documents">;
  /** Problems in the policy: SECURITY.md is not rendered from a policy partly replaced by defaults. */
  errors: readonly ConfigProblem[];
  policyVersion: string | null;
  privateReporting: PrivateReportingState;
  /** False on GitHub Enterprise Server, which has no private vulnerability reporting. */
  advisories: boolean;
}

export function planSecurityMd(input: SecurityMdInput): ProposalPlan {
  const { push, config } = input;
  const settings = config.documents.securityMd;
  if (!settings.enabled) return { reasons: ["documents.securityMd is not enabled"], actions: [] };
  if (input.errors.length > 0) {
    return { reasons: [`the policy has ${input.errors.length} problem(s): SECURITY.md is not proposed until it is valid`], actions: [] };
  }
  const organisationPage = push.repository.repo === ".github";
  const linksForm = input.advisories && !organisationPage && input.privateReporting !== "disabled";
  const content = renderSecurityMd(
    config,
    settings.language ?? config.language,
    linksForm ? { repository: `${push.repository.owner}/${push.repository.repo}` } : {},
  );
  const reasons = [
    `${CONFIG_PATH} changed in ${push.after.slice(0, 7)}`,
    `private vulnerability reporting: ${input.advisories ? input.privateReporting : "not on this platform"}`,
  ];
  return {
    reasons,
    actions: [
      {
        type: "proposeFile",
        name: "security-md",
        repository: push.repository,
        path: settings.path,
        content,
        branch: proposalBranch("security-md", settings.path),
        title: TEXT[config.language].title(settings.path),
        body: pullRequestBody(config.language, { ...input, path: settings.path, organisationPage }),
        marker: proposalMarker("security-md", settings.path),
      },
    ],
  };
}

interface BodyFacts {
  path: string;
  after: string;
  policyVersion: string | null;
  privateReporting: PrivateReportingState;
  advisories: boolean;
  organisationPage: boolean;
}

function pullRequestBody(language: Language, input: SecurityMdInput & { path: string; organisationPage: boolean }): string {
  const facts: BodyFacts = { ...input, after: input.push.after };
  const text = TEXT[language];
  return [text.intro(facts), "", ...text.facts(facts).map((line) => `- ${line}`), "", text.outro(facts)].join("\n");
}

const TEXT: Record<
  Language,
  {
    title: (path: string) => string;
    intro: (facts: BodyFacts) => string;
    facts: (facts: BodyFacts) => string[];
    outro: (facts: BodyFacts) => string;
  }
> = {
  en: {
    title: (path) => `Update ${path} from the disclosure policy`,
    intro: ({ path }) =>
      `Disclosure Desk renders \`${path}\` from \`${CONFIG_PATH}\`, so that the policy researchers read is the one Disclosure Desk applies to their reports.`,
    facts: (facts) => [
      `Policy changed in ${facts.after.slice(0, 7)}${facts.policyVersion ? ` (policy version \`${facts.policyVersion}\`)` : ""}.`,
      facts.organisationPage
        ? `This is the organisation's \`.github\` repository: every repository without a ${facts.path} of its own shows this page, so it links to no single repository's reporting form.`
        : privateReportingLine("en", facts),
    ],
    outro: () => "Merge to publish it; close to keep the current version. The next change to the policy proposes it again.",
  },
  nl: {
    title: (path) => `${path} bijwerken vanuit het disclosurebeleid`,
    intro: ({ path }) =>
      `Disclosure Desk maakt \`${path}\` uit \`${CONFIG_PATH}\`, zodat het beleid dat onderzoekers lezen het beleid is dat Disclosure Desk op hun meldingen toepast.`,
    facts: (facts) => [
      `Beleid gewijzigd in ${facts.after.slice(0, 7)}${facts.policyVersion ? ` (beleidsversie \`${facts.policyVersion}\`)` : ""}.`,
      facts.organisationPage
        ? `Dit is de \`.github\`-repository van de organisatie: elke repository zonder eigen ${facts.path} toont deze pagina, dus verwijst ze niet naar het meldformulier van één repository.`
        : privateReportingLine("nl", facts),
    ],
    outro: () =>
      "Voeg samen om te publiceren; sluit om de huidige versie te houden. De volgende wijziging van het beleid stelt hem opnieuw voor.",
  },
};

function privateReportingLine(language: Language, facts: BodyFacts): string {
  if (!facts.advisories) {
    return language === "en"
      ? "Private vulnerability reporting does not exist on this GitHub Enterprise Server: researchers report through the contact in the policy."
      : "Deze GitHub Enterprise Server kent geen privé kwetsbaarheden melden: onderzoekers melden via het contact in het beleid.";
  }
  switch (facts.privateReporting) {
    case "enabled":
      return language === "en"
        ? 'Private vulnerability reporting is enabled: the page links to the repository\'s "Report a vulnerability" form.'
        : 'Privé kwetsbaarheden melden staat aan: de pagina verwijst naar het formulier "Report a vulnerability" van de repository.';
    case "disabled":
      return language === "en"
        ? '**Private vulnerability reporting is off** on this repository, so the page does not offer GitHub\'s "Report a vulnerability" form and reports cannot become cases. An administrator can turn it on under Settings → Code security (Disclosure Desk only reads that setting); the next change to the policy then adds the link.'
        : '**Privé kwetsbaarheden melden staat uit** op deze repository, dus de pagina biedt het formulier "Report a vulnerability" niet aan en meldingen worden geen zaak. Een beheerder zet het aan onder Settings → Code security (Disclosure Desk leest die instelling alleen); de volgende wijziging van het beleid voegt de link dan toe.';
    case "unknown":
      return language === "en"
        ? "Disclosure Desk could not check whether private vulnerability reporting is enabled (it needs the administration read permission): please check under Settings → Code security."
        : "Disclosure Desk kon niet nagaan of privé kwetsbaarheden melden aan staat (daarvoor is leesrecht op administration nodig): controleer het onder Settings → Code security.";
  }
}
