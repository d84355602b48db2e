// The local service closes a connection whose client sends its headers too slowly.
import { afterEach, describe, expect, it } from "vitest";
import { MemoryStore } from "../engine/index.js";
import { LocalDurableService } from "./service.js";
import { slowHeaders } from "./slow-client.test-support.js";

let service: LocalDurableService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

describe("LocalDurableService timeouts", () => {
  it("closes connections that trickle their headers, and still answers a normal request", async () => {
    service = await LocalDurableService.start({ store: new MemoryStore(), headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    const port = Number(new URL(service.endpoint).port);
    const results = await Promise.all(Array.from({ length: 5 }, () => slowHeaders(port, { everyMs: 100, giveUpMs: 15_000 })));
    expect(results.map((r) => r.closed)).toEqual([true, true, true, true, true]);
    expect(results[0]!.received).toMatch(/^HTTP\/1\.1 408/);
    expect((await fetch(`${service.endpoint}/health`)).status).toBe(200);
  });
});
