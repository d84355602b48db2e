"use client";
import { createHistoryParser, type ParsedHistory } from "@durable-lens/sdk/history";
import { useMemo, useState } from "react";
import { useExecution } from "@/lib/queries";

/**
 * One execution to compare, loaded through the app's API (refreshing while it runs) and its
 * history parsed; polls that bring nothing new keep the same events, so the diff is not redone.
 *
 * @example const left = useComparedExecution(leftArn);
 */
export function useComparedExecution(arn: string) {
  const query = useExecution(arn);
  const [parse] = useState(createHistoryParser);
  const rawEvents = query.data?.events;
  const parsed: ParsedHistory | undefined = useMemo(() => (rawEvents ? parse(rawEvents) : undefined), [parse, rawEvents]);
  return { query, parsed };
}
