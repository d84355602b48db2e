import { describe, expect, it } from "vitest";
import { containerSummary, readPayload } from "./payload-json";

describe("readPayload", () => {
  it("parses JSON and pretty-prints it", () => {
    expect(readPayload(' {"a":[1,"<b>"]} ')).toEqual({ kind: "json", value: { a: [1, "<b>"] }, pretty: '{\n  "a": [\n    1,\n    "<b>"\n  ]\n}' });
    expect(readPayload("42")).toEqual({ kind: "json", value: 42, pretty: "42" });
  });

  it("keeps anything else as text, markup included", () => {
    expect(readPayload("<img src=x onerror=alert(1)>")).toEqual({ kind: "text", text: "<img src=x onerror=alert(1)>" });
    expect(readPayload("")).toEqual({ kind: "text", text: "" });
  });
});

describe("containerSummary", () => {
  it("counts items and keys", () => {
    expect([containerSummary([]), containerSummary([1]), containerSummary({ a: 1, b: 2 })]).toEqual(["[0 items]", "[1 item]", "{2 keys}"]);
  });
});
