import type { ProposalOutcome, ProposalsGateway } from "../github/proposals-gateway.js";
import type { ProposalAction, ProposalPlan } from "./proposal.js";

/** The handlers' logger, narrowed to what the executor writes. */
export interface ProposalLog {
  info(fields: Record<string, unknown>, message: string): void;
}

export interface ExecutedProposal {
  action: ProposalAction;
  outcome: ProposalOutcome;
}

/** Carries out a proposal plan, one action after the other; every action is idempotent on its own. */
export async function executeProposals(
  gateway: Pick<ProposalsGateway, "proposeFile">,
  plan: ProposalPlan,
  log: ProposalLog,
): Promise<ExecutedProposal[]> {
  const executed: ExecutedProposal[] = [];
  for (const action of plan.actions) {
    switch (action.type) {
      case "proposeFile": {
        const { name, repository, path, content, branch, title, body, marker } = action;
        const outcome = await gateway.proposeFile({ repository, path, content, branch, title, body, marker });
        const pullRequest = outcome.status === "unchanged" ? undefined : outcome.pullRequest.number;
        log.info(
          {
            proposal: name,
            repository: `${action.repository.owner}/${action.repository.repo}`,
            path: action.path,
            status: outcome.status,
            pullRequest,
          },
          "document proposal carried out",
        );
        executed.push({ action, outcome });
        break;
      }
      default:
        return assertNever(action.type);
    }
  }
  return executed;
}

function assertNever(value: never): never {
  throw new Error(`unknown proposal action: ${String(value)}`);
}
