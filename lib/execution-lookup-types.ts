import type { ExecutionSummary } from "./api-types";

/** An execution the header search found, with the function it belongs to. */
export interface FoundExecution extends ExecutionSummary {
  functionName: string;
}

/** `GET /api/lookup?q=`: executions by ARN or by name across the listed functions. */
export interface ExecutionLookupResponse {
  /** How the text was read: as an execution ARN or as (part of) an execution name. */
  by: "arn" | "name";
  executions: FoundExecution[];
  /** Functions whose executions were searched by name (0 for an ARN). */
  functionsSearched: number;
  /** Durable functions the target lists (0 for an ARN). */
  functionsTotal: number;
  /** True when the search stopped early: functions left unsearched, or more matches than were read. */
  partial: boolean;
}
