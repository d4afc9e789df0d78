import type { Language } from "../config/schema.js";
import { renderMessage } from "../messages/render.js";
import type { DurationMeasure } from "./charts.js";
import type { RepositoryOverview } from "./overview.js";
import { barChart, lineChart, shareChart } from "./svg-charts.js";

/**
 * The overview of every installation's tracking repositories: as Markdown after the metrics of `disclosure-desk
 * report`, or as one self-contained HTML page with the charts drawn as inline SVG (`--format html`).
 */

const MEASURES: readonly DurationMeasure[] = ["acknowledgement", "evaluation", "resolution"];
/** The same colours as the legends in the `report-html` template. */
const COLOURS = { opened: "#1f6feb", closed: "#cf222e", median: "#1f6feb", worst: "#cf222e", promise: "#8250df" };

function figure(value: number | undefined): string {
  return value === undefined ? "" : value.toFixed(1);
}

function keptShare(kept: number, broken: number): string {
  return kept + broken === 0 ? "" : `${Math.round((100 * kept) / (kept + broken))}%`;
}

function repositoryView(overview: RepositoryOverview) {
  const { figures } = overview;
  const series = (measure: DurationMeasure) => figures.durations.find((one) => one.measure === measure)!;
  return {
    account: overview.account,
    repository: overview.repository,
    timezone: overview.config.calendar.timezone,
    states: overview.states,
    months: figures.months.map((month, index) => ({
      month,
      opened: figures.opened[index] ?? 0,
      closed: figures.closed[index] ?? 0,
      durations: MEASURES.map((measure) => ({
        median: figure(series(measure).median[index]),
        worst: figure(series(measure).worst[index]),
        promise: figure(series(measure).promise[index]),
      })),
    })),
    promises: { ...figures.promises, share: keptShare(figures.promises.kept, figures.promises.broken) },
  };
}

export function renderOverviewMarkdown(overviews: readonly RepositoryOverview[], language: Language): string {
  return renderMessage(language, "report-overview", { repositories: overviews.map(repositoryView) });
}

export function renderOverviewHtml(overviews: readonly RepositoryOverview[], language: Language, now: Date): string {
  const repositories = overviews.map((overview) => {
    const { figures } = overview;
    const durations = figures.durations.map((series) => {
      const hasPromise = series.promise.some((value) => value !== undefined);
      const lines = [
        { name: "worst", colour: COLOURS.worst, values: series.worst },
        ...(hasPromise ? [{ name: "promise", colour: COLOURS.promise, values: series.promise }] : []),
        { name: "median", colour: COLOURS.median, values: series.median },
      ];
      return { measure: series.measure, hasPromise, svg: lineChart(series.measure, figures.months, lines) };
    });
    return {
      ...repositoryView(overview),
      casesChart: barChart("cases", figures.months, [
        { name: "opened", colour: COLOURS.opened, values: figures.opened },
        { name: "closed", colour: COLOURS.closed, values: figures.closed },
      ]),
      durations,
      promisesChart: shareChart("promises", figures.promises.kept, figures.promises.broken),
    };
  });
  return renderMessage(language, "report-html", { generatedAt: now.toISOString(), repositories });
}
