import type { DisclosureConfig } from "../config/schema.js";
import type { NeedsInfoId } from "./needs-info.js";
import type { Severity } from "./severity.js";

export interface RewardAdvice {
  eligible: boolean;
  /** The configured band for the severity, or the severity level itself when the policy names no bands. */
  band?: string;
  quality?: "complete" | "incomplete";
  reason: string;
}

export interface RewardInput {
  scope: "in" | "out" | "unknown";
  excluded: boolean;
  duplicateOf?: string;
  severity?: Severity;
  missing: readonly NeedsInfoId[];
}

/**
 * Reward advice when the programme offers rewards ("determined by the severity of the leak and the quality of the
 * report", and only "for every report of a security problem not yet known to us"). A maintainer decides; this
 * only says what the policy would suggest.
 */
export function adviseReward(rewards: DisclosureConfig["rewards"], input: RewardInput): RewardAdvice | undefined {
  if (!rewards.enabled) return undefined;
  if (input.duplicateOf !== undefined && rewards.newOnly) {
    return { eligible: false, reason: `Already known as ${input.duplicateOf}; the policy rewards only problems not yet known.` };
  }
  if (input.scope === "out") return { eligible: false, reason: "The report is out of scope." };
  if (input.excluded)
    return { eligible: false, reason: "An exclusion of the policy is suggested; no reward unless a maintainer rejects it." };
  const quality = input.missing.length === 0 ? "complete" : "incomplete";
  if (input.severity === undefined || input.severity.level === "none") {
    return { eligible: true, quality, reason: "Eligible; the band follows once a maintainer sets the severity." };
  }
  const level = input.severity.level;
  const band = rewards.bands?.[level] ?? level;
  return {
    eligible: true,
    band,
    quality,
    reason:
      `Eligible: ${level} severity` +
      (quality === "complete" ? " and a complete report." : `; the report lacks ${input.missing.join(", ")}, which may lower the reward.`),
  };
}
