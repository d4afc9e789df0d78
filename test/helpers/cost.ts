import { existsSync, readFileSync } from "node:fs";
import { expect } from "@jest/globals";

/**
 * CPU time this process spent in `work`, in milliseconds. Unlike wall time it
 * does not grow while the test waits for a core on a busy machine, so a bound
 * on it fails for slow code, not for a slow neighbour.
 */
export function cpuMillisOf(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1_000;
}

/** Node's `gc()`, which `npm test` exposes (`--expose-gc`); absent under a runner started without it. */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

/** Each thread's own run time, which Linux keeps; V8's background collector threads are not in it. */
const threadClock = "/proc/thread-self/schedstat";
const hasThreadClock = existsSync(threadClock);
/** The thread clock advances in scheduler ticks: a measurement runs the work until the clock has seen this much. */
const THREAD_CLOCK_SPAN_MS = 100;
const MAX_CALLS_PER_MEASUREMENT = 1_000;

function threadMillis(): number {
  return Number(readFileSync(threadClock, "utf8").split(" ")[0]) / 1_000_000;
}

/**
 * CPU milliseconds per call of `work` on this thread, where Linux keeps a thread's run time: the process's CPU time
 * would also count V8's background threads collecting the garbage that earlier test files in the same worker left.
 * Elsewhere the process's CPU time of one call.
 */
function costPerCall(work: () => void): number {
  if (!hasThreadClock) return cpuMillisOf(work);
  const start = threadMillis();
  let calls = 0;
  let spent = 0;
  do {
    work();
    calls += 1;
    spent = threadMillis() - start;
  } while (spent < THREAD_CLOCK_SPAN_MS && calls < MAX_CALLS_PER_MEASUREMENT);
  return spent / calls;
}

export interface GrowthCheck {
  /** The smaller and the larger input size handed to `work`. */
  sizes: [small: number, large: number];
  /** How far above proportional growth the larger run may cost; 3 leaves room for noise and still fails quadratic growth at a size ratio of 10. */
  slack?: number;
  /** CPU milliseconds below which any cost counts as noise. */
  floorMs?: number;
  /** Measured runs per size, after one warm-up of each; the cheapest counts. */
  runs?: number;
}

/**
 * Holds `work` to at most linear growth in its input size: quadratic or
 * exponential work (a backtracking pattern, a nested scan) costs the square of
 * the size ratio or more and fails, on a quiet machine or a loaded one.
 */
export function expectAtMostLinearGrowth(work: (size: number) => void, check: GrowthCheck): void {
  const {
    sizes: [small, large],
    slack = 3,
    floorMs = 25,
    runs = 3,
  } = check;
  // The warm-up keeps compilation out of the figures. Earlier test files in the
  // same process have filled its heap: collecting it before each larger run
  // keeps a major collection of their garbage, on this thread, out of that run.
  work(small);
  work(large);
  let smallCost = Number.POSITIVE_INFINITY;
  let largeCost = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    smallCost = Math.min(
      smallCost,
      costPerCall(() => work(small)),
    );
    collectGarbage?.();
    largeCost = Math.min(
      largeCost,
      costPerCall(() => work(large)),
    );
  }
  const allowedMs = smallCost * (large / small) * slack + floorMs;
  const measured = { small, large, smallCostMs: round(smallCost), largeCostMs: round(largeCost), allowedMs: round(allowedMs) };
  expect({ ...measured, withinLinear: largeCost <= allowedMs }).toEqual({ ...measured, withinLinear: true });
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 10) / 10;
}
