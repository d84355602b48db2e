import { describe, expect, it } from "vitest";
import { createClassSerdes, createClassSerdesWithDates, defaultSerdes } from "./serdes.js";

const ctx = { entityId: "1", durableExecutionArn: "arn" };

class Article {
  title = "";
  createdAt = new Date(0);
  meta: { updatedAt?: Date; tags?: string[] } = {};
  headline() {
    return this.title.toUpperCase();
  }
}

describe("serdes", () => {
  it("maps undefined to no payload and back", async () => {
    expect(await defaultSerdes.serialize(undefined, ctx)).toBeUndefined();
    expect(await defaultSerdes.deserialize(undefined, ctx)).toBeUndefined();
    expect(await defaultSerdes.deserialize(await defaultSerdes.serialize({ a: [1] }, ctx), ctx)).toEqual({ a: [1] });
  });

  it("revives class instances and the listed date paths", async () => {
    const serdes = createClassSerdesWithDates(Article, ["createdAt", "meta.updatedAt", "meta.missing.deep"]);
    const original = Object.assign(new Article(), { title: "hi", createdAt: new Date("2026-01-02T03:04:05Z"), meta: { updatedAt: new Date("2026-02-03T00:00:00Z"), tags: ["x"] } });
    const back = (await serdes.deserialize(await serdes.serialize(original, ctx), ctx))!;
    expect(back).toBeInstanceOf(Article);
    expect(back.headline()).toBe("HI");
    expect(back.createdAt).toBeInstanceOf(Date);
    expect(back.createdAt.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    expect(back.meta.updatedAt).toBeInstanceOf(Date);
    expect(back.meta.tags).toEqual(["x"]);
    const plain = (await createClassSerdes(Article).deserialize('{"title":"t","createdAt":"2026-01-01T00:00:00Z"}', ctx))!;
    expect(plain.headline()).toBe("T");
    expect(typeof plain.createdAt).toBe("string");
  });
});

describe("a failing serdes", () => {
  it("ends the invocation for Lambda to retry instead of failing the step", async () => {
    const { runOnEngine } = await import("./engine-run.test-support.js");
    let calls = 0;
    const flaky = {
      serialize: async (v: unknown) => {
        if (++calls === 1) throw new Error("disk full");
        return JSON.stringify(v);
      },
      deserialize: async (d: string | undefined) => (d === undefined ? undefined : JSON.parse(d)),
    };
    const { done, events } = await runOnEngine(async (_e, ctx) => ctx.step("save", async () => 42, { serdes: flaky }));
    expect(done.Status).toBe("SUCCEEDED");
    expect(done.Result).toBe("42");
    const failedInvocation = events.find((e) => e.EventType === "InvocationCompleted" && e.InvocationCompletedDetails?.Error);
    expect(failedInvocation?.InvocationCompletedDetails?.Error?.Payload).toMatchObject({
      ErrorType: "SerdesFailedError",
      ErrorMessage: 'Serialization failed for step "save" (1): disk full',
    });
    expect(events.some((e) => e.EventType === "StepFailed")).toBe(false);
  });
});
