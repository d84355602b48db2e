import { describe, expect, it } from "vitest";
import { filterFromSearchParams, filterToSearch } from "./filters";

describe("execution filter in the URL", () => {
  it("reads known statuses in a stable order and ignores unknown ones", () => {
    const f = filterFromSearchParams(new URLSearchParams("status=FAILED&status=bogus&status=RUNNING"));
    expect(f).toEqual({ statuses: ["RUNNING", "FAILED"], order: "newest" });
  });

  it("round-trips order and marker, leaving defaults out", () => {
    const f = filterFromSearchParams(new URLSearchParams("order=oldest&marker=m1&status=STOPPED"));
    expect(f).toEqual({ statuses: ["STOPPED"], order: "oldest", marker: "m1" });
    expect(filterToSearch(f)).toBe("status=STOPPED&order=oldest&marker=m1");
    expect(filterToSearch({ statuses: [], order: "newest" })).toBe("");
  });
});
