import type { CaseRecord } from "../case/case-record.js";
import { renderAcknowledgements, type AcknowledgedCase } from "../closing/hall-of-fame.js";
import type { DisclosureConfig, Language } from "../config/schema.js";
import { parseRepository } from "../github/refs.js";
import { proposalBranch, proposalMarker, type ProposalPlan, type ProposeFileAction } from "./proposal.js";

/**
 * The hall of fame kept through a pull request: each page a policy names in `publication.acknowledgements` is
 * rendered (by `renderAcknowledgements`, which decides who is named) from the cases filed under the policies that
 * name it, and proposed only once at least one of them has been published. Several policies naming the same page
 * share it. Pure: the sweep gathers the cases, the executor writes.
 */

export type HallOfFameConfig = Pick<DisclosureConfig, "language" | "publication">;

export interface HallOfFameCase extends AcknowledgedCase {
  /** The policy the case was filed under. */
  config: HallOfFameConfig;
}

interface Page {
  repository: string;
  path: string;
  language: Language;
  cases: Map<string, AcknowledgedCase>;
}

export function planAcknowledgements(cases: readonly HallOfFameCase[]): ProposalPlan {
  const pages = new Map<string, Page>();
  for (const acknowledged of cases) {
    const target = acknowledged.config.publication.acknowledgements;
    if (!target) continue;
    const key = `${target.repository}:${target.path}`.toLowerCase();
    const page = pages.get(key) ?? {
      repository: target.repository,
      path: target.path,
      language: target.language ?? acknowledged.config.language,
      cases: new Map(),
    };
    pages.set(key, page);
    // A case listed twice (it appears under every tracking repository listing) counts once.
    page.cases.set(acknowledged.record.key, {
      record: acknowledged.record,
      ...(acknowledged.researcher ? { researcher: acknowledged.researcher } : {}),
    });
  }

  const reasons: string[] = [];
  const actions: ProposeFileAction[] = [];
  for (const page of pages.values()) {
    const records = [...page.cases.values()];
    const published = records.filter(({ record }) => record.state === "published").length;
    if (published === 0) {
      reasons.push(`${page.repository}:${page.path}: no case published yet`);
      continue;
    }
    reasons.push(`${page.repository}:${page.path}: ${records.length} case(s), ${published} published`);
    actions.push({
      type: "proposeFile",
      name: "acknowledgements",
      repository: parseRepository(page.repository),
      path: page.path,
      content: renderAcknowledgements(byKey(records), page.language),
      branch: proposalBranch("acknowledgements", page.path),
      title: TEXT[page.language].title(page.path),
      body: TEXT[page.language].body(page.path, published),
      marker: proposalMarker("acknowledgements", page.path),
    });
  }
  if (pages.size === 0) reasons.push("no policy names publication.acknowledgements");
  return { reasons, actions };
}

/** A stable order whatever order the listings came in, so an unchanged page renders byte for byte the same. */
function byKey(cases: AcknowledgedCase[]): AcknowledgedCase[] {
  return [...cases].sort((left, right) => compareRecords(left.record, right.record));
}

function compareRecords(left: CaseRecord, right: CaseRecord): number {
  return left.key < right.key ? -1 : left.key > right.key ? 1 : 0;
}

const TEXT: Record<Language, { title: (path: string) => string; body: (path: string, published: number) => string }> = {
  en: {
    title: (path) => `Update ${path}: security acknowledgements`,
    body: (path, published) =>
      [
        `Disclosure Desk keeps \`${path}\` up to date with the researchers of resolved and published cases, each credited as they chose; anonymous researchers and declined credits are counted, never named.`,
        "",
        `Published cases so far: ${published}. The page names no vulnerability and quotes no report.`,
        "",
        "Merge to publish it; close to keep the current version. The next published case proposes it again.",
      ].join("\n"),
  },
  nl: {
    title: (path) => `${path} bijwerken: dankwoord aan onderzoekers`,
    body: (path, published) =>
      [
        `Disclosure Desk houdt \`${path}\` bij met de onderzoekers van opgeloste en gepubliceerde zaken, elk vermeld zoals zij kozen; anonieme onderzoekers en geweigerde vermeldingen worden geteld, nooit genoemd.`,
        "",
        `Gepubliceerde zaken tot nu toe: ${published}. De pagina noemt geen kwetsbaarheid en citeert geen melding.`,
        "",
        "Voeg samen om te publiceren; sluit om de huidige versie te houden. De volgende gepubliceerde zaak stelt hem opnieuw voor.",
      ].join("\n"),
  },
};
