import { createHash } from "node:crypto";
import { renderMessage } from "../messages/render.js";
import type { Language } from "../config/schema.js";
import type { ChartFigures } from "./charts.js";
import type { DashboardView } from "./dashboard-view.js";

/**
 * The dashboard issue's body: the view through the `dashboard` template, with a hidden marker carrying the SHA-256
 * of everything above it. The marker lets the next refresh see that nothing changed without comparing bodies a
 * maintainer's client may have re-encoded, and identifies the body as the app's dashboard.
 */

const MARKER_PATTERN = /<!-- disclosure-desk:dashboard sha256:([0-9a-f]{64}) -->/;

export function renderDashboard(view: DashboardView, language: Language): { body: string; hash: string } {
  const content = renderMessage(language, "dashboard", { ...templateView(view), marker: "" }).trimEnd();
  const hash = createHash("sha256").update(content).digest("hex");
  return { body: `${content}\n\n<!-- disclosure-desk:dashboard sha256:${hash} -->\n`, hash };
}

/** The hash a dashboard body says it was rendered from, if it carries the marker. */
export function dashboardHashOf(body: string | null | undefined): string | undefined {
  return MARKER_PATTERN.exec(body ?? "")?.[1];
}

function templateView(view: DashboardView) {
  return {
    timezone: view.timezone,
    counts: view.counts,
    groups: view.groups.map((group) => ({
      name: group.name,
      rows: group.rows.map((row) => ({
        number: row.number,
        title: row.title,
        next: row.next,
        waitingDays: row.waitingDays,
        resolutionDate: row.resolutionDate,
        gate: row.gate,
        ready: row.gate !== undefined && row.gate.length === 0,
      })),
    })),
    cveRequests: view.cveRequests,
    charts: mermaidSeries(view.figures),
  };
}

/**
 * The figures as the comma-separated lists Mermaid's `xychart-beta` takes. It draws no gaps, so a duration chart
 * shows only the months in which some case got that far (an empty list: no chart), and a missing promise is 0.
 */
export function mermaidSeries(figures: ChartFigures) {
  const list = (values: readonly (number | undefined)[]) => values.map((value) => String(value ?? 0)).join(", ");
  const months = (labels: readonly string[]) => labels.map((month) => `"${month}"`).join(", ");
  return {
    months: months(figures.months),
    opened: list(figures.opened),
    closed: list(figures.closed),
    durations: figures.durations.map((series) => {
      const measured = figures.months.flatMap((_, index) => (series.median[index] === undefined ? [] : [index]));
      const pick = (values: readonly (number | undefined)[]) => measured.map((index) => values[index]);
      return {
        measure: series.measure,
        months: months(measured.map((index) => figures.months[index]!)),
        median: list(pick(series.median)),
        worst: list(pick(series.worst)),
        promise: pick(series.promise).some((value) => value !== undefined) ? list(pick(series.promise)) : "",
      };
    }),
    promises: figures.promises,
    promisesDecided: figures.promises.kept + figures.promises.broken > 0,
  };
}
