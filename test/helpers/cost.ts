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

/**
 * Node's `gc()`, which `npm test` exposes (`--expose-gc`, with `--single-threaded-gc` so that no background collector
 * thread adds to the process's CPU time); absent under a runner started without it.
 */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

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
    runs = 5,
  } = check;
  // The warm-up keeps compilation out of the figures. Earlier test files in the
  // same process have filled its heap: collecting it before each larger run
  // keeps a major collection of their garbage out of that run.
  work(small);
  work(large);
  let smallCost = Number.POSITIVE_INFINITY;
  let largeCost = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    smallCost = Math.min(
      smallCost,
      cpuMillisOf(() => work(small)),
    );
    collectGarbage?.();
    largeCost = Math.min(
      largeCost,
      cpuMillisOf(() => work(large)),
    );
  }
  const allowedMs = smallCost * (large / small) * slack + floorMs;
  const measured = { small, large, smallCostMs: round(smallCost), largeCostMs: round(largeCost), allowedMs: round(allowedMs) };
  expect({ ...measured, withinLinear: largeCost <= allowedMs }).toEqual({ ...measured, withinLinear: true });
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 10) / 10;
}
