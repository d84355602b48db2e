/** The execution whose chained invoke started another one. */
export interface ParentExecution {
  arn: string;
  name: string;
  functionName: string;
  /** The chained-invoke operation in the parent that started the child. */
  operationId: string;
  operationName?: string;
}

/** `GET /api/executions/{arn}/parent`. */
export interface ParentLookupResponse {
  /** Absent when no execution searched invoked this one. */
  parent?: ParentExecution;
  /** Candidate executions whose histories were read. */
  executionsSearched: number;
  functionsSearched: number;
  functionsTotal: number;
  /** True when the search stopped before the last candidate: an unseen parent may exist. */
  partial: boolean;
}
