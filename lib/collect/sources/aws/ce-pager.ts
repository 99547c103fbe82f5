// GetCostAndUsage has no SDK paginator. Every page is a billed request: the token is passed back
// (a collector that forgets re-bills page 1 forever), the cap is checked before each request, and
// LimitExceededException is retried with backoff, each retry being a request too.
import {
  GetCostAndUsageCommand,
  type CostExplorerClient,
  type GetCostAndUsageCommandInput,
  type ResultByTime,
} from "@aws-sdk/client-cost-explorer";
import { awsErrorName } from "./errors";
import type { RequestMeter } from "./meter";

const RETRYABLE = new Set([
  "LimitExceededException",
  "ThrottlingException",
  "TooManyRequestsException",
  "ServiceUnavailableException",
  "InternalServerException",
]);

export interface PagerOptions {
  maxRetries?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One billed Cost Explorer request (any operation), counted before it is sent and retried with backoff. */
export async function sendCeRequest<T>(
  meter: RequestMeter,
  send: () => Promise<T>,
  opts: PagerOptions = {},
): Promise<T> {
  const maxRetries = opts.maxRetries ?? 6;
  const baseDelayMs = opts.baseDelayMs ?? 1_000;
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    meter.takeCeRequest();
    try {
      return await send();
    } catch (err) {
      if (!RETRYABLE.has(awsErrorName(err)) || attempt >= maxRetries) throw err;
      // Full jitter: concurrent collectors of one payer do not retry in lockstep.
      await sleep(Math.random() * baseDelayMs * 2 ** attempt);
    }
  }
}

function sendWithBackoff(
  client: CostExplorerClient,
  meter: RequestMeter,
  input: GetCostAndUsageCommandInput,
  opts: PagerOptions,
) {
  return sendCeRequest(meter, () => client.send(new GetCostAndUsageCommand(input)), opts);
}

/**
 * Every page of a query whose pages are chained by a token (NextToken or NextPageToken, per
 * operation): the token goes back with the next request, and a token seen twice stops the loop.
 */
export async function allCePages<P>(
  meter: RequestMeter,
  fetchPage: (token: string | undefined) => Promise<P>,
  nextOf: (page: P) => string | undefined,
  opts: PagerOptions = {},
): Promise<P[]> {
  const pages: P[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await sendCeRequest(meter, () => fetchPage(token), opts);
    pages.push(page);
    token = nextOf(page) || undefined;
    if (token !== undefined) {
      if (seen.has(token))
        throw new Error(
          "Cost Explorer returned a page token twice; stopped rather than re-bill the same pages",
        );
      seen.add(token);
    }
  } while (token !== undefined);
  return pages;
}

/** All pages of one query, in order. */
export async function getCostAndUsageAll(
  client: CostExplorerClient,
  meter: RequestMeter,
  input: Omit<GetCostAndUsageCommandInput, "NextPageToken">,
  opts: PagerOptions = {},
): Promise<ResultByTime[]> {
  const results: ResultByTime[] = [];
  await forEachCostAndUsagePage(client, meter, input, (page) => void results.push(...page), opts);
  return results;
}

/**
 * Every page of one query, in order, handed to `onPage` as it arrives and awaited before the next
 * request: a collector that streams pages away holds one page at a time.
 */
export async function forEachCostAndUsagePage(
  client: CostExplorerClient,
  meter: RequestMeter,
  input: Omit<GetCostAndUsageCommandInput, "NextPageToken">,
  onPage: (results: ResultByTime[]) => Promise<void> | void,
  opts: PagerOptions = {},
): Promise<void> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await sendWithBackoff(client, meter, { ...input, NextPageToken: token }, opts);
    await onPage(page.ResultsByTime ?? []);
    token = page.NextPageToken || undefined;
    if (token !== undefined) {
      if (seen.has(token))
        throw new Error(
          "Cost Explorer returned a page token twice; stopped rather than re-bill the same pages",
        );
      seen.add(token);
    }
  } while (token !== undefined);
}
