// Counts every AWS request of a run by "service:Operation", and prices Cost Explorer, which bills
// each request (each page) at $0.01. The cap is checked before a request is sent, never after.
import Decimal from "decimal.js";

export class CeRequestCapReachedError extends Error {
  constructor(readonly cap: number) {
    super(
      `Cost Explorer request cap reached (${cap} requests this run); costs were not updated. Raise ORGLENS_CE_MAX_REQUESTS to fetch more.`,
    );
    this.name = "CeRequestCapReachedError";
  }
}

export interface RunUsageReport {
  apiRequests: Record<string, number>;
  ceRequests: number;
  ceCostUsd: string;
}

export class RequestMeter {
  private readonly counts = new Map<string, number>();
  private ce = 0;

  constructor(
    private readonly ceCap: number,
    private readonly cePricePerRequestUsd: string,
  ) {}

  count(operation: string): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  }

  /** Adds counts made elsewhere (a distributed run's workers). */
  add(counts: Record<string, number>): void {
    for (const [op, n] of Object.entries(counts))
      this.counts.set(op, (this.counts.get(op) ?? 0) + n);
  }

  /** Call right before sending a Cost Explorer request: throws when the cap would be exceeded. */
  takeCeRequest(): void {
    if (this.ce >= this.ceCap) throw new CeRequestCapReachedError(this.ceCap);
    this.ce += 1;
  }

  get ceRequests(): number {
    return this.ce;
  }

  report(): RunUsageReport {
    const apiRequests = Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    return {
      apiRequests,
      ceRequests: this.ce,
      ceCostUsd: new Decimal(this.cePricePerRequestUsd).times(this.ce).toFixed(2),
    };
  }
}
