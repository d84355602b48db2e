import "server-only";
import { GetDurableExecutionHistoryCommand } from "@aws-sdk/client-lambda";
import { getLambdaClient } from "./lambda";

const HISTORY_PAGE_SIZE = 1000;
const MAX_HISTORY_PAGES = 20;

/**
 * An execution's history events without payloads (names, ids, timeouts and links are not
 * execution data, so the payloads can stay on the service), up to 20 pages of 1,000.
 *
 * @example parseHistory(await readEventsWithoutData(arn)).events
 */
export async function readEventsWithoutData(arn: string): Promise<unknown[]> {
  const events: unknown[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    const out = await getLambdaClient().send(
      new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, IncludeExecutionData: false, MaxItems: HISTORY_PAGE_SIZE, Marker: marker }),
    );
    events.push(...(out.Events ?? []));
    if (!out.NextMarker || out.NextMarker === marker) break;
    marker = out.NextMarker;
  }
  return events;
}
