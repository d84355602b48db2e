/**
 * The history as the official runner reads it: one GetDurableExecutionHistory call with
 * execution data and no Marker (only the first page), decoded from the wire's JSON.
 */
import type { Engine } from "@durable-lens/sdk/engine";
import { toWireJson } from "@durable-lens/sdk/protocol";

export type HistoryEvent = Record<string, unknown>;

export function firstHistoryPage(engine: Engine, arn: string): HistoryEvent[] {
  const page = engine.getExecutionHistory({ DurableExecutionArn: arn, IncludeExecutionData: true });
  return JSON.parse(JSON.stringify(toWireJson(page.Events ?? []))) as HistoryEvent[];
}
