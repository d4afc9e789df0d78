import type { DisclosureConfig } from "../config/schema.js";
import type { MeasuredCase } from "./metrics.js";
import { computeChartFigures, type ChartFigures } from "./charts.js";

/**
 * The organisation-wide overview of `disclosure-desk report`: every installation's private tracking repositories
 * (collected as the metrics are), each with its counts and the dashboard's figures.
 */

/** One private tracking repository of an installation, with its cases (collected by src/sweep/collect-cases.ts). */
export interface TrackedRepository {
  /** The installation's account. */
  account: string;
  repository: string;
  /** The tracking repository's policy: its zone counts the months, its language names things. */
  config: Pick<DisclosureConfig, "calendar" | "language">;
  cases: MeasuredCase[];
}

export interface RepositoryOverview extends TrackedRepository {
  states: { state: string; count: number }[];
  figures: ChartFigures;
}

export function overviewOf(tracked: readonly TrackedRepository[], now: Date): RepositoryOverview[] {
  return tracked.map((repository) => {
    const counts = new Map<string, number>();
    for (const { record } of repository.cases) counts.set(record.state, (counts.get(record.state) ?? 0) + 1);
    return {
      ...repository,
      states: [...counts].map(([state, count]) => ({ state, count })),
      figures: computeChartFigures(repository.cases, repository.config.calendar.timezone, now),
    };
  });
}
