import { describe, expect, it } from "vitest";
import type { CheckResult } from "@/components/simulator/worker-protocol";
import { divergenceKindText, shapeRows, stoppedAtText, summarizeCheck } from "./check-format";

const result = (verdict: CheckResult["verdict"]): Pick<CheckResult, "verdict"> => ({ verdict });

describe("summarizeCheck", () => {
  it("passes when every execution is consistent", () => {
    const s = summarizeCheck([result("consistent"), result("consistent")]);
    expect(s).toEqual({ total: 2, consistent: 2, diverged: 0, crashed: 0, errors: 0, passed: true, text: "2 of 2 consistent" });
  });

  it("counts divergences and errors after the consistent ones", () => {
    const s = summarizeCheck([result("consistent"), result("diverged"), result("error"), result("diverged")]);
    expect(s.passed).toBe(false);
    expect(s.text).toBe("1 of 4 consistent (2 diverged, 1 error)");
    expect(summarizeCheck([result("error"), result("error")]).text).toBe("0 of 2 consistent (2 errors)");
  });

  it("counts the code's exceptions apart from divergences", () => {
    const s = summarizeCheck([result("crashed"), result("diverged"), result("consistent")]);
    expect(s).toMatchObject({ diverged: 1, crashed: 1, passed: false, text: "1 of 3 consistent (1 diverged, the code threw in 1)" });
  });

  it("does not call an empty check a pass", () => {
    expect(summarizeCheck([])).toMatchObject({ total: 0, passed: false, text: "0 of 0 consistent" });
  });
});

describe("shapeRows", () => {
  it("lines up both sides and marks the fields that differ", () => {
    const rows = shapeRows(
      { id: "c4ca", type: "STEP", subType: "Step", name: "prepare-request" },
      { id: "c4ca", type: "STEP", subType: "Step", name: "prepare-something-else" },
    );
    expect(rows).toEqual([
      { field: "type", label: "type", expected: "STEP", actual: "STEP", differs: false },
      { field: "subType", label: "sub type", expected: "Step", actual: "Step", differs: false },
      { field: "name", label: "name", expected: "prepare-request", actual: "prepare-something-else", differs: true },
    ]);
  });

  it("shows one side alone for an operation the other never had", () => {
    const rows = shapeRows({ id: "a", type: "WAIT", subType: "Wait", name: "cool-off" }, undefined);
    expect(rows.map((r) => [r.field, r.expected, r.actual, r.differs])).toEqual([
      ["type", "WAIT", undefined, true],
      ["subType", "Wait", undefined, true],
      ["name", "cool-off", undefined, true],
    ]);
  });

  it("keeps the detail a retry or outcome divergence compares", () => {
    const rows = shapeRows({ id: "a", type: "STEP", detail: "try again" }, { id: "a", type: "STEP", detail: "stop trying" });
    expect(rows.find((r) => r.field === "detail")).toEqual({ field: "detail", label: "detail", expected: "try again", actual: "stop trying", differs: true });
  });
});

describe("words", () => {
  it("say where a replay stopped and what kind a divergence is", () => {
    expect(stoppedAtText("idle")).toBe("where the execution waits now");
    expect(divergenceKindText("name")).toBe("renamed");
    expect(divergenceKindText("removed")).toBe("an operation the code no longer runs");
  });
});
