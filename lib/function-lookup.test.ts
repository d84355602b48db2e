// Whether a function page has a function behind it, asked of a real local durable service.
import { withDurableExecution } from "@durable-lens/sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startRouteTestService, type RouteTestService } from "@/app/api/route-test-support";

vi.mock("server-only", () => ({}));

let t: RouteTestService;
let presence: typeof import("./function-lookup").durableFunctionPresence;

beforeAll(async () => {
  t = await startRouteTestService([{ name: "quick", handler: withDurableExecution(async () => "done") }]);
  presence = (await import("./function-lookup")).durableFunctionPresence;
});

afterAll(async () => {
  await t.stop();
});

describe("durableFunctionPresence", () => {
  it("finds a registered durable function, also with a qualifier", async () => {
    expect(await presence("quick")).toBe("durable");
    expect(await presence("quick:$LATEST")).toBe("durable");
  });

  it("says absent for an unknown name and for a name Lambda would refuse", async () => {
    expect(await presence("no-such-fn")).toBe("absent");
    expect(await presence("not a name!")).toBe("absent");
  });
});
