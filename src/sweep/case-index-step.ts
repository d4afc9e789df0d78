import type { RepositoryConfig } from "../config/repository-config.js";
import type { GitHubGateway } from "../github/gateway.js";
import { parseRepository } from "../github/refs.js";
import { indexedCase, type CaseIndex } from "../case/case-index.js";
import type { Logger } from "probot";

/**
 * The sweep's case-index step for one installation: every case, open or closed, in every private tracking repository
 * it swept goes into the index that reporter history and the duplicate check read — only the app's cases with an
 * intact seal (`readTrustedCase`), filed under a policy that keeps its cases there. A case from before seals waits
 * until the sweep has sealed it. The listing pages are conditional requests, so an unchanged repository costs no quota.
 */

export interface CaseIndexScope {
  gateway: GitHubGateway;
  policies: ReadonlyMap<string, RepositoryConfig>;
  trackingRepositories: readonly string[];
  log: Logger;
  now: Date;
}

export type CaseIndexStep = (scope: CaseIndexScope) => Promise<{ indexed: number }>;

export function caseIndexStep(index: CaseIndex, installationId: number): CaseIndexStep {
  return async ({ gateway, policies, trackingRepositories, log, now }) => {
    let indexed = 0;
    for (const trackingName of trackingRepositories) {
      for (const issue of await gateway.listCases(parseRepository(trackingName))) {
        const { reading } = issue;
        if (reading.status !== "found" || !reading.sealed) continue;
        const policy = policies.get(reading.record.source.repository.toLowerCase());
        if (policy?.config.tracking.repository?.toLowerCase() !== trackingName) continue;
        await index.put(installationId, indexedCase(trackingName, issue.number, reading.record));
        indexed += 1;
      }
    }
    await index.markBuilt(installationId, now);
    log.info({ indexed, trackingRepositories: trackingRepositories.length }, "case index built");
    return { indexed };
  };
}
