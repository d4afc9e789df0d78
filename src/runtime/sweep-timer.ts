/**
 * The server's periodic SLA sweep. Runs never overlap: the next one is scheduled only when the previous one has
 * finished, and across replicas the sweep lock lets one replica sweep while the others skip that tick.
 */

export interface SweepLock {
  /** Runs `work` when this process can take the sweep lock; otherwise does nothing and says so. */
  tryRun<T>(work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

export interface SweepTimerOptions {
  intervalMs: number;
  /** Delay before the first sweep; the interval when left out. */
  initialDelayMs?: number;
  runOnce: () => Promise<void>;
  lock: SweepLock;
  /** A failed sweep is reported here and the timer carries on. */
  onError?: (error: unknown) => void;
  /** Called when another replica held the lock and this tick was skipped. */
  onSkipped?: () => void;
}

export interface SweepTimer {
  /** No new sweep starts; resolves when the one in progress, if any, has finished. */
  stop(): Promise<void>;
}

/** One sweep at a time within this process. */
export function createInProcessSweepLock(): SweepLock {
  let running = false;
  return {
    async tryRun(work) {
      if (running) return { ran: false };
      running = true;
      try {
        return { ran: true, value: await work() };
      } finally {
        running = false;
      }
    },
  };
}

export function startSweepTimer(options: SweepTimerOptions): SweepTimer {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inProgress: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      const outcome = await options.lock.tryRun(options.runOnce);
      if (!outcome.ran) options.onSkipped?.();
    } catch (error) {
      options.onError?.(error);
    }
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      inProgress = tick().then(() => schedule(options.intervalMs));
    }, delayMs);
    timer.unref();
  };
  schedule(options.initialDelayMs ?? options.intervalMs);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inProgress;
    },
  };
}
