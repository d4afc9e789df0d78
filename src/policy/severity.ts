import { createRequire } from "node:module";
import type cvssModule from "ae-cvss-calculator";
import { LruMap } from "../sla/lru.js";
import type { AdvisorySeverity, Report } from "./report.js";

export type SeverityLevel = AdvisorySeverity | "none";

export interface Severity {
  level: SeverityLevel;
  score?: number;
  vector?: string;
  version?: "3.0" | "3.1" | "4.0";
  source: "cvss" | "advisory";
}

const require = createRequire(import.meta.url);
let cvss: typeof cvssModule | undefined;

/** The CVSS calculators, loaded at the first vector: most reports have none, and loading them takes a process some 10 ms. */
function calculators() {
  cvss ??= require("ae-cvss-calculator") as typeof cvssModule;
  return { "3.0": cvss.Cvss3P0, "3.1": cvss.Cvss3P1, "4.0": cvss.Cvss4P0 } as const;
}

/**
 * The severity of a report: from a complete CVSS 3.0, 3.1 or 4.0 base vector when it has one (the qualitative
 * rating of the specification: 0 none, 0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0–10 critical), else the
 * severity chosen in the advisory form.
 */
export function assessSeverity(report: Pick<Report, "cvssVector" | "severity">): Severity | undefined {
  const fromVector = report.cvssVector === undefined ? undefined : scoreVector(report.cvssVector);
  if (fromVector !== undefined) return fromVector;
  return report.severity === undefined ? undefined : { level: report.severity, source: "advisory" };
}

/**
 * Scores of the vectors used last (null for a text that is not one): most reports of a programme share a few vectors,
 * and scoring one builds a calculator each time. Bounded in entries and in the length of a vector remembered, so
 * reports cannot grow it.
 */
const scoredVectors = new LruMap<string, Severity | null>(256);
const LONGEST_REMEMBERED_VECTOR = 512;

/** Scores a CVSS vector, or undefined when it is not a complete 3.0, 3.1 or 4.0 base vector. */
export function scoreVector(vector: string): Severity | undefined {
  const trimmed = vector.trim();
  if (trimmed.length > LONGEST_REMEMBERED_VECTOR) return computeScore(trimmed);
  let severity = scoredVectors.get(trimmed);
  if (severity === undefined) {
    severity = computeScore(trimmed) ?? null;
    scoredVectors.set(trimmed, severity);
  }
  return severity === null ? undefined : { ...severity };
}

function computeScore(trimmed: string): Severity | undefined {
  const version = /^CVSS:(3\.0|3\.1|4\.0)\//.exec(trimmed)?.[1] as keyof ReturnType<typeof calculators> | undefined;
  if (version === undefined) return undefined;
  let score: number;
  try {
    const calculator = new (calculators()[version])(trimmed);
    if (!calculator.isBaseFullyDefined()) return undefined;
    score = calculator.calculateScores().base ?? Number.NaN;
  } catch {
    return undefined;
  }
  if (!Number.isFinite(score)) return undefined;
  return { level: levelOf(score), score, vector: trimmed, version, source: "cvss" };
}

function levelOf(score: number): SeverityLevel {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "none";
}
