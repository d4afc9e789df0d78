import { describe, expect, it } from "@jest/globals";
import { createInProcessSweepLock, startSweepTimer, type SweepLock } from "../../src/runtime/sweep-timer.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `reached` holds, for at most five seconds: a loaded machine runs fewer ticks in a fixed pause. */
async function until(reached: () => boolean): Promise<void> {
  for (let waited = 0; !reached() && waited < 5_000; waited += 10) await pause(10);
}

describe("startSweepTimer", () => {
  it("never overlaps two sweeps, even when a sweep takes longer than the interval", async () => {
    let running = 0;
    let overlapped = false;
    let runs = 0;
    const timer = startSweepTimer({
      intervalMs: 5,
      initialDelayMs: 0,
      lock: createInProcessSweepLock(),
      runOnce: async () => {
        running += 1;
        overlapped ||= running > 1;
        runs += 1;
        await pause(25);
        running -= 1;
      },
    });
    await until(() => runs >= 3);
    await timer.stop();
    expect(overlapped).toBe(false);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(running).toBe(0);
  });

  it("stops: no sweep starts after stop() and the one in progress is awaited", async () => {
    let runs = 0;
    let finished = false;
    const timer = startSweepTimer({
      intervalMs: 5,
      initialDelayMs: 0,
      lock: createInProcessSweepLock(),
      runOnce: async () => {
        runs += 1;
        await pause(30);
        finished = true;
      },
    });
    await until(() => runs >= 1);
    await timer.stop();
    expect(finished).toBe(true);
    const runsAtStop = runs;
    await pause(40);
    expect(runs).toBe(runsAtStop);
  });

  it("keeps going after a failed sweep and skips a tick when another replica holds the lock", async () => {
    const errors: unknown[] = [];
    let skipped = 0;
    let attempts = 0;
    const heldElsewhereEveryOtherTime: SweepLock = {
      async tryRun(work) {
        attempts += 1;
        return attempts % 2 === 0 ? { ran: false } : { ran: true, value: await work() };
      },
    };
    const timer = startSweepTimer({
      intervalMs: 5,
      initialDelayMs: 0,
      lock: heldElsewhereEveryOtherTime,
      runOnce: async () => {
        throw new Error("GitHub is down");
      },
      onError: (error) => errors.push(error),
      onSkipped: () => {
        skipped += 1;
      },
    });
    await until(() => errors.length >= 2 && skipped >= 2);
    await timer.stop();
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(skipped).toBeGreaterThanOrEqual(2);
  });

  it("lets only one caller sweep at a time with the in-process lock", async () => {
    const lock = createInProcessSweepLock();
    const first = lock.tryRun(() => pause(20).then(() => "first"));
    const second = await lock.tryRun(async () => "second");
    expect(second).toEqual({ ran: false });
    expect(await first).toEqual({ ran: true, value: "first" });
    expect(await lock.tryRun(async () => "third")).toEqual({ ran: true, value: "third" });
  });
});
