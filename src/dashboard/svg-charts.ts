/**
 * Charts as inline SVG for the HTML report: no script, no font, no external reference, so the page renders the same
 * anywhere and can be mailed or archived. Every data point is an element of its own (`rect` for a bar, `circle` for
 * a point on a line) carrying `data-series` and `data-value`. Only month labels and numbers are drawn.
 */

export interface Series {
  name: string;
  colour: string;
  values: readonly (number | undefined)[];
}

const WIDTH = 560;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 16, bottom: 32, left: 44 };
const KEPT = "#1a7f37";
const BROKEN = "#cf222e";

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function niceMax(values: readonly (number | undefined)[]): number {
  const max = Math.max(1, ...values.filter((value): value is number => value !== undefined));
  const magnitude = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / magnitude) * magnitude;
}

function frame(labels: readonly string[], max: number, title: string, body: string): string {
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, labels.length);
  const ticks = [0, 0.5, 1].map((share) => {
    const y = MARGIN.top + plotHeight * (1 - share);
    return `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y}" y2="${y}" stroke="#d0d7de"/><text x="${MARGIN.left - 6}" y="${y + 4}" text-anchor="end">${escapeXml(String(Math.round(max * share * 10) / 10))}</text>`;
  });
  const xLabels = labels.map(
    (label, index) => `<text x="${MARGIN.left + step * (index + 0.5)}" y="${HEIGHT - 10}" text-anchor="middle">${escapeXml(label)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="system-ui, sans-serif" font-size="11">${ticks.join("")}${xLabels.join("")}${body}</svg>`;
}

/** Bars side by side per month, one colour per series. */
export function barChart(title: string, labels: readonly string[], series: readonly Series[]): string {
  const max = niceMax(series.flatMap((one) => one.values));
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, labels.length);
  const barWidth = (step * 0.7) / Math.max(1, series.length);
  const bars = series.flatMap((one, seriesIndex) =>
    labels.map((label, index) => {
      const value = one.values[index] ?? 0;
      const height = (value / max) * plotHeight;
      const x = MARGIN.left + step * index + step * 0.15 + barWidth * seriesIndex;
      return `<rect class="point" data-series="${escapeXml(one.name)}" data-label="${escapeXml(label)}" data-value="${value}" x="${x.toFixed(1)}" y="${(MARGIN.top + plotHeight - height).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}" fill="${one.colour}"/>`;
    }),
  );
  return frame(labels, max, title, bars.join(""));
}

/** A line per series, the last drawn on top; a month without a value breaks the line and has no point. */
export function lineChart(title: string, labels: readonly string[], series: readonly Series[]): string {
  const max = niceMax(series.flatMap((one) => one.values));
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, labels.length);
  const lines = series.map((one) => {
    const { colour } = one;
    const points = labels.flatMap((label, index) => {
      const value = one.values[index];
      return value === undefined
        ? []
        : [{ label, value, x: MARGIN.left + step * (index + 0.5), y: MARGIN.top + plotHeight * (1 - value / max) }];
    });
    const path = points.map((point, index) => `${index === 0 ? "M" : "L"}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(" ");
    const dash = one.name === "promise" ? ' stroke-dasharray="4 3"' : "";
    return `${path ? `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>` : ""}${points
      .map(
        (point) =>
          `<circle class="point" data-series="${escapeXml(one.name)}" data-label="${escapeXml(point.label)}" data-value="${point.value}" cx="${point.x.toFixed(1)}" cy="${point.y.toFixed(1)}" r="3.5" fill="${colour}"/>`,
      )
      .join("")}`;
  });
  return frame(labels, max, title, lines.join(""));
}

/** One bar split into kept and broken. */
export function shareChart(title: string, kept: number, broken: number): string {
  if (kept + broken === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${WIDTH} 60" width="${WIDTH}" height="60" font-family="system-ui, sans-serif" font-size="11"><rect class="point" data-series="none" data-value="0" x="${MARGIN.left}" y="10" width="${WIDTH - MARGIN.left - MARGIN.right}" height="24" fill="#d0d7de"/><text x="${MARGIN.left}" y="50">–</text></svg>`;
  }
  const total = kept + broken;
  const width = WIDTH - MARGIN.left - MARGIN.right;
  const keptWidth = (kept / total) * width;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${WIDTH} 60" width="${WIDTH}" height="60" font-family="system-ui, sans-serif" font-size="11"><rect class="point" data-series="kept" data-value="${kept}" x="${MARGIN.left}" y="10" width="${keptWidth.toFixed(1)}" height="24" fill="${KEPT}"/><rect class="point" data-series="broken" data-value="${broken}" x="${(MARGIN.left + keptWidth).toFixed(1)}" y="10" width="${(width - keptWidth).toFixed(1)}" height="24" fill="${BROKEN}"/><text x="${MARGIN.left}" y="50">${Math.round((100 * kept) / total)}%</text></svg>`;
}
