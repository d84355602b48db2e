// The Vitest example of the README's "Testing your durable functions", as written there.
import { afterAll, beforeAll, expect, it } from "vitest";
import { orderProcessor } from "../examples/index.js";
import { LocalDurableTestRunner, WaitingOperationStatus } from "./index.js";

beforeAll(() => LocalDurableTestRunner.setupTestEnvironment({ skipTime: true }));
afterAll(() => LocalDurableTestRunner.teardownTestEnvironment());

it("ships an order once the warehouse confirms", async () => {
  const runner = new LocalDurableTestRunner({ handlerFunction: orderProcessor });
  const warehouse = runner.getOperation("warehouse-confirmation"); // may be taken before the run
  const running = runner.run({ payload: { orderId: "1002", items: ["lamp"] } });

  await warehouse.waitForData(WaitingOperationStatus.SUBMITTED); // the callback exists, its submitter ran
  await warehouse.sendCallbackSuccess(JSON.stringify({ dock: "D3" }));

  const execution = await running;
  expect(execution.getResult()).toMatchObject({ orderId: "1002", dock: "D3" });
  expect(runner.getOperation("charge-payment").getStepDetails()?.attempt).toBe(2); // retried once
  expect(runner.getOperation("cool-off").getWaitDetails()?.waitSeconds).toBe(2);
});
