import { sampleFunctions } from "../examples/index.js";
import type { Engine } from "../engine/index.js";
import type { RegisteredFunction } from "./registry.js";

/** The sample functions, ready to register. */
export function sampleRegistrations(): RegisteredFunction[] {
  return sampleFunctions.map((f) => ({
    name: f.name,
    description: f.description,
    handler: f.handler,
    ...(f.executionTimeoutSeconds !== undefined && { durableConfig: { ExecutionTimeout: f.executionTimeoutSeconds } }),
  }));
}

/**
 * Records the sample executions (one succeeds, one fails after retries, one keeps waiting)
 * unless they exist: starting by name is idempotent, so a restart records nothing twice.
 */
export function seedSampleExecutions(engine: Engine): string[] {
  const arns: string[] = [];
  for (const f of sampleFunctions) {
    for (const seed of f.seeds) {
      arns.push(engine.startExecution({ functionName: f.name, name: seed.name, payload: JSON.stringify(seed.input) }).arn);
    }
  }
  return arns;
}
