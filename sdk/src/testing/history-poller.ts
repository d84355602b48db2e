import { GetDurableExecutionHistoryCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import type { ErrorObject, Event } from "../protocol/index.js";
import type { ExecutionOutcome } from "./test-result.js";

/** Attempts per history call before a poll fails: throttling and blips happen against Lambda. */
const ATTEMPTS = 3;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const ENDINGS = {
  ExecutionSucceeded: "SUCCEEDED",
  ExecutionFailed: "FAILED",
  ExecutionTimedOut: "TIMED_OUT",
  ExecutionStopped: "STOPPED",
} as const;

/**
 * How the execution ended, if its history says it has (its last event ends the execution).
 *
 * @example outcomeOf(events)?.status // "SUCCEEDED"
 */
export function outcomeOf(events: readonly Event[]): ExecutionOutcome | undefined {
  const last = events.at(-1);
  const status = last?.EventType && ENDINGS[last.EventType as keyof typeof ENDINGS];
  if (!last || !status) return undefined;
  const details = (last as unknown as Record<string, { Result?: { Payload?: string }; Error?: { Payload?: ErrorObject } } | undefined>)[`${last.EventType}Details`];
  const outcome: ExecutionOutcome = { status };
  if (details?.Result?.Payload !== undefined) outcome.result = details.Result.Payload;
  if (details?.Error?.Payload !== undefined) outcome.error = details.Error.Payload;
  return outcome;
}

/**
 * Reads an execution's history through GetDurableExecutionHistory, a page at a time, picking
 * up where the last read left off: full pages are never read twice, the last one is read again
 * until the execution ends.
 *
 * @example const poller = new HistoryPoller(client, arn); const events = await poller.poll();
 */
export class HistoryPoller {
  private readonly events: Event[] = [];
  /** The marker of the page the last read ended on; undefined for the first page. */
  private resumeAt: string | undefined;
  /** How many events came before that page. */
  private before = 0;

  constructor(
    private readonly client: LambdaClient,
    private readonly arn: string,
  ) {}

  /** Reads what is new and returns the whole history so far. */
  async poll(): Promise<Event[]> {
    let marker = this.resumeAt;
    this.events.length = this.before;
    for (;;) {
      const page = await this.page(marker);
      this.events.push(...page.events);
      if (!page.next) break;
      this.resumeAt = page.next;
      this.before = this.events.length;
      marker = page.next;
    }
    return [...this.events];
  }

  private async page(marker: string | undefined): Promise<{ events: Event[]; next: string | undefined }> {
    for (let attempt = 1; ; attempt++) {
      try {
        const out = await this.client.send(
          new GetDurableExecutionHistoryCommand({ DurableExecutionArn: this.arn, IncludeExecutionData: true, MaxItems: 1000, ...(marker && { Marker: marker }) }),
        );
        return { events: (out.Events ?? []) as Event[], next: out.NextMarker };
      } catch (error) {
        if (attempt >= ATTEMPTS) throw error;
        await sleep(1000 * attempt);
      }
    }
  }
}
