/** How a local run moves through time: in real time, or with waits and retry delays skipped. */
export interface TimeDriver {
  /** Applies input from outside the execution (a callback answer) when the driver sees fit; settles with what `apply` returned or threw. */
  input<T>(apply: () => T): Promise<T>;
  /** Resolves once execution `arn` has ended. */
  runUntilEnded(arn: string): Promise<void>;
}
