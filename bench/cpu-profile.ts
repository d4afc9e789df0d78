import { readFileSync } from "node:fs";

/**
 * Self time by function in a V8 `.cpuprofile` (`node --cpu-prof`), and by package or source folder, as shares of the
 * time the process was busy (idle samples, waiting for GitHub or the next webhook, left out).
 */
export interface CpuSummary {
  busyMs: number;
  topFunctions: { name: string; where: string; selfPercent: number }[];
  byArea: { area: string; selfPercent: number }[];
  /** Busy milliseconds in every area, for comparing two profiles. */
  allAreasMs: Record<string, number>;
}

/**
 * Per intake, where the first profile spends more time than the second (both over `intakes` intakes), largest first:
 * what Disclosure Desk adds to what a bare Probot app making the same calls costs.
 */
export function extraMillisecondsByArea(ours: CpuSummary, baseline: CpuSummary, intakes: number): { area: string; extraMs: number }[] {
  const areas = new Set([...Object.keys(ours.allAreasMs), ...Object.keys(baseline.allAreasMs)]);
  return [...areas]
    .map((area) => ({
      area,
      extraMs: Math.round((((ours.allAreasMs[area] ?? 0) - (baseline.allAreasMs[area] ?? 0)) / intakes) * 100) / 100,
    }))
    .sort((left, right) => right.extraMs - left.extraMs);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a script lives: its npm package, Disclosure Desk's own folder, or Node itself. */
export function areaOf(url: string): string {
  if (url === "") return "(V8 and native: GC, built-ins, I/O)";
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1]!;
  const own = /\/dist\/(.+)\/[^/]+\.js$/.exec(url);
  if (own) return `src/${own[1]}`;
  if (url.startsWith("node:")) return "node";
  return url.replace(/^.*\//, "");
}

/** Microseconds on the machine's monotonic clock, the one V8 stamps profile samples with. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1_000n);
}

/**
 * `window` keeps only the samples taken between two `monotonicMicros()` readings, so start-up and warm-up do not
 * count in a profile of steady-state work.
 */
export function summariseCpuProfile(path: string, top = 12, window?: { fromMicros: number; toMicros: number }): CpuSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map<number, number>();
  let total = 0;
  let sampledAt = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    sampledAt += delta;
    if (window && (sampledAt < window.fromMicros || sampledAt > window.toMicros)) return;
    if (byId.get(id)?.callFrame.functionName === "(idle)") return;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + delta);
    total += delta;
  });
  const functions = new Map<string, { name: string; where: string; micros: number }>();
  const areas = new Map<string, number>();
  for (const [id, micros] of selfByNode) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const name = frame.functionName || "(anonymous)";
    const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|dist)\//, "$1/")}:${frame.lineNumber + 1}` : "";
    const key = `${name} ${where}`;
    const entry = functions.get(key) ?? { name, where, micros: 0 };
    entry.micros += micros;
    functions.set(key, entry);
    const area = areaOf(frame.url);
    areas.set(area, (areas.get(area) ?? 0) + micros);
  }
  const percent = (micros: number) => Math.round((micros / Math.max(total, 1)) * 1000) / 10;
  return {
    busyMs: Math.round(total / 1000),
    topFunctions: [...functions.values()]
      .sort((left, right) => right.micros - left.micros)
      .slice(0, top)
      .map((entry) => ({ name: entry.name, where: entry.where, selfPercent: percent(entry.micros) })),
    byArea: [...areas]
      .sort((left, right) => right[1] - left[1])
      .slice(0, top)
      .map(([area, micros]) => ({ area, selfPercent: percent(micros) })),
    allAreasMs: Object.fromEntries([...areas].map(([area, micros]) => [area, micros / 1000])),
  };
}
