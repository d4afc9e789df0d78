import { pino } from "pino";
import { createGatewayCache } from "../github/gateway-cache.js";
import { computeMetrics, renderMetricsCsv, renderMetricsMarkdown, renderPrometheusMetrics } from "../dashboard/metrics.js";
import { overviewOf } from "../dashboard/overview.js";
import { collectEveryTrackedRepository } from "../sweep/collect-cases.js";
import { renderOverviewHtml, renderOverviewMarkdown } from "../dashboard/render-overview.js";
import { appCredentials, commandProbot, type SweepCommandIo, type SweepCommandOverrides } from "./sweep-command.js";

const USAGE = "usage: disclosure-desk report [--format markdown|md|csv|prometheus|html] [--language en|nl] [--now <ISO time>]";
const RENDERERS = {
  markdown: renderMetricsMarkdown,
  md: renderMetricsMarkdown,
  csv: renderMetricsCsv,
  prometheus: renderPrometheusMetrics,
} as const;
type Format = keyof typeof RENDERERS | "html";

/**
 * `disclosure-desk report`: the programme's metrics over every installation's cases — time to acknowledgement, to
 * first response, to evaluation and to resolution, and each promise kept or broken, per repository and per policy —
 * on stdout; as Markdown followed by every installation's tracking repositories with the dashboard's figures, or
 * (`html`) those as a self-contained page.
 */
export async function runReportCommand(args: string[], io: SweepCommandIo, overrides: SweepCommandOverrides = {}): Promise<number> {
  let format: Format = "markdown";
  let now = io.now();
  let language: "en" | "nl" = "en";
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const value = args[index + 1];
    if (arg === "--format" && value !== undefined && (value in RENDERERS || value === "html")) {
      format = value as Format;
      index += 1;
    } else if (arg === "--language" && (value === "en" || value === "nl")) {
      language = value;
      index += 1;
    } else if (arg === "--now" && value !== undefined && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))) {
      now = new Date(value);
      index += 1;
    } else {
      io.stderr(`unknown or incomplete argument: ${arg}\n${USAGE}\n`);
      return 2;
    }
  }
  const credentials = await appCredentials(io);
  if (typeof credentials === "string") {
    io.stderr(`disclosure-desk report: ${credentials}\n`);
    return 2;
  }
  const log = overrides.log ?? pino({ level: io.env.LOG_LEVEL ?? "info" }, pino.destination(2));
  const probot = await commandProbot(io, credentials, overrides, log);
  const tracked = await collectEveryTrackedRepository(probot, createGatewayCache(), now);
  const overviews = overviewOf(tracked, now);
  if (format === "html") io.stdout(renderOverviewHtml(overviews, language, now));
  else {
    io.stdout(
      RENDERERS[format](
        computeMetrics(
          tracked.flatMap((repository) => repository.cases),
          now,
        ),
      ),
    );
    if (format === "markdown" || format === "md") io.stdout(`\n${renderOverviewMarkdown(overviews, language)}`);
  }
  return 0;
}
