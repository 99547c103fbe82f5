// Shares one read among concurrent callers without ever handing a caller an answer older than its
// call: a caller joins only a read that has not been sent yet. While a read runs, later callers queue
// for the next one, sent as soon as the running one ends, so at most one read runs at a time and
// each caller's answer was read after it asked (what the response cache's data version rests on).
export function createFreshSingleFlight<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const current: Promise<T> = read().finally(() => {
      if (running === current) running = null;
    });
    running = current;
    return current;
  };
  return () => {
    // Not sent yet: it will be, after this call.
    if (queued) return queued;
    if (!running) return start();
    const next = running.then(
      () => undefined,
      () => undefined,
    );
    const mine: Promise<T> = next.then(() => {
      queued = null;
      return start();
    });
    queued = mine;
    return mine;
  };
}

/**
 * The read's answer, or `fallback` once `ms` have passed without one: a read that hangs (a stalled
 * connection) then ends its turn, so the callers queued behind it are not held with it.
 */
export function settleWithin<T>(read: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([read, late]).finally(() => clearTimeout(timer));
}
