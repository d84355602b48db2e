// Types of generate-history.mjs, for the specs that import it.
export type GeneratedEvent = Record<string, unknown> & { EventId: number; EventType: string; EventTimestamp: string; Id?: string };

export declare function generateMapHistory(options?: { items?: number; extraRetries?: number; invocations?: number; start?: number }): GeneratedEvent[];

export declare const LAMBDA_MAX_OPERATIONS: number;
export declare const CHECKPOINT_PAYLOAD_BYTES: number;

export declare function payloadOfBytes(bytes: number, label: string): string;

export interface LimitsHistory {
  events: GeneratedEvent[];
  /** Distinct operation Ids, the execution's included. */
  operations: number;
  invocations: number;
  /** Payloads just under the checkpoint limit. */
  bigPayloads: number;
  /** EventIds tests look for: executionStarted, mapStarted, mapSucceeded, executionSucceeded, "<step>:retry-<n>" (the end of the invocation after that failure). */
  marks: { executionStarted: number; mapStarted: number; mapSucceeded: number; executionSucceeded: number; [retry: `${string}:retry-${number}`]: number };
}

export declare function generateLimitsHistory(options?: { operations?: number; mapItems?: number; payloadBytes?: number; start?: number }): LimitsHistory;
