// The sample functions as test cases: an input each (the first seed's) and the answers to
// their callbacks, run on the local runner with the answers sent through operation handles.
import { sampleFunctions, taxCalculator, type SampleFunction } from "../examples/index.js";
import { LocalDurableTestRunner, WaitingOperationStatus, type TestResult } from "./index.js";

export interface SampleCase {
  fn: SampleFunction;
  input: unknown;
  /** Callback answers by the name of the callback (or of its waitForCallback). */
  answers: Record<string, unknown>;
}

export const sampleCases: SampleCase[] = sampleFunctions.map((fn) => ({
  fn,
  input: fn.seeds[0]?.input ?? { amount: 1000, country: "FR" },
  // The seed leaves the expense waiting for a manager; here the manager answers.
  answers: { ...fn.seeds[0]?.callbacks, ...(fn.name === "expense-approval" && { "manager-approval": { approved: true } }) },
}));

/** Runs a sample on the local runner (in whatever time the environment is set up for). */
export async function runSampleLocally({ fn, input, answers }: SampleCase): Promise<TestResult> {
  const runner = new LocalDurableTestRunner({
    handlerFunction: fn.handler,
    functionName: fn.name,
    ...(fn.executionTimeoutSeconds && { durableConfig: { ExecutionTimeout: fn.executionTimeoutSeconds } }),
  }).registerDurableFunction("tax-calculator", taxCalculator);
  const answering = Object.entries(answers).map(async ([name, answer]) => {
    const callback = await runner.getOperation(name).waitForData();
    if (callback.isWaitForCallback()) await callback.waitForData(WaitingOperationStatus.SUBMITTED);
    await callback.sendCallbackSuccess(JSON.stringify(answer));
  });
  const execution = await runner.run({ payload: input });
  await Promise.all(answering);
  return execution;
}
