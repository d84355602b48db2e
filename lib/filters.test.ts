import { describe, expect, it } from "vitest";
import {
  changeFilter,
  filterFromSearchParams,
  filterToSearch,
  fromLocalInput,
  functionNameMatches,
  isFiltered,
  nameProblem,
  nextPage,
  pageNumber,
  previousPage,
  rangeProblem,
  startedWindow,
  toLocalInput,
  type ExecutionFilter,
} from "./filters";

const base: ExecutionFilter = { statuses: [], order: "newest", prev: [] };
const read = (search: string) => filterFromSearchParams(new URLSearchParams(search));

describe("execution filter in the URL", () => {
  it("reads known statuses in a stable order and ignores unknown ones", () => {
    expect(read("status=FAILED&status=bogus&status=RUNNING")).toEqual({ statuses: ["RUNNING", "FAILED"], order: "newest", prev: [] });
  });

  it("round-trips every criterion, leaving defaults out", () => {
    const search = "status=STOPPED&name=order-1&range=24h&order=oldest&qualifier=prod&marker=m2&prev=&prev=m1";
    const f = read(search);
    expect(f).toEqual({ statuses: ["STOPPED"], name: "order-1", range: "24h", order: "oldest", qualifier: "prod", marker: "m2", prev: ["", "m1"] });
    expect(filterToSearch(f)).toBe(search);
    expect(filterToSearch(base)).toBe("");
  });

  it("keeps a custom range only when it is made of timestamps, and a preset wins over it", () => {
    expect(read("from=2026-01-01T00:00:00.000Z&to=nonsense")).toEqual({ ...base, from: "2026-01-01T00:00:00.000Z" });
    expect(read("range=1h&from=2026-01-01T00:00:00.000Z")).toEqual({ ...base, range: "1h" });
    expect(read("range=forever")).toEqual(base);
  });

  it("drops a trail of earlier pages that has no current page", () => {
    expect(read("prev=m1")).toEqual(base);
  });
});

describe("changing the filter and paging", () => {
  it("goes back to the first page when a criterion changes, and clears criteria set to undefined", () => {
    const onPage3 = { ...base, name: "x", range: "7d" as const, marker: "m2", prev: ["", "m1"] };
    expect(changeFilter(onPage3, { statuses: ["RUNNING"] })).toEqual({ ...base, name: "x", range: "7d", statuses: ["RUNNING"] });
    expect(changeFilter(onPage3, { range: undefined, from: "2026-01-01T00:00:00.000Z" })).toEqual({
      ...base,
      name: "x",
      from: "2026-01-01T00:00:00.000Z",
    });
    expect(changeFilter(onPage3, { name: "" })).not.toHaveProperty("name");
  });

  it("walks forward and back through pages by marker", () => {
    const p2 = nextPage(base, "m1");
    const p3 = nextPage(p2, "m2");
    expect([pageNumber(base), pageNumber(p2), pageNumber(p3)]).toEqual([1, 2, 3]);
    expect(p3).toEqual({ ...base, marker: "m2", prev: ["", "m1"] });
    expect(previousPage(p3)).toEqual(p2);
    expect(previousPage(p2)).toEqual(base);
    expect(filterToSearch(previousPage(p2))).toBe("");
  });

  it("says whether anything narrows the list", () => {
    expect(isFiltered(base)).toBe(false);
    expect(isFiltered({ ...base, order: "oldest", marker: "m", prev: [""] })).toBe(false);
    expect(isFiltered({ ...base, name: "a" })).toBe(true);
    expect(isFiltered({ ...base, range: "1h" })).toBe(true);
  });
});

describe("checks and time windows", () => {
  it("explains a name the service would reject", () => {
    expect(nameProblem(undefined)).toBeUndefined();
    expect(nameProblem("order-1_a")).toBeUndefined();
    expect(nameProblem("order 1")).toBe("Execution names contain only letters, digits, - and _.");
    expect(nameProblem("x".repeat(65))).toBe("Execution names are at most 64 characters long.");
  });

  it("explains a range that ends before it starts", () => {
    expect(rangeProblem({ from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" })).toBe("The range starts after it ends.");
    expect(rangeProblem({ from: "2026-01-01T00:00:00Z" })).toBeUndefined();
  });

  it("resolves presets against now and passes custom bounds through", () => {
    const now = Date.parse("2026-03-10T12:00:00.000Z");
    expect(startedWindow({ ...base, range: "1h" }, now)).toEqual({ startedAfter: "2026-03-10T11:00:00.000Z" });
    expect(startedWindow({ ...base, range: "7d" }, now)).toEqual({ startedAfter: "2026-03-03T12:00:00.000Z" });
    expect(startedWindow({ ...base, to: "2026-03-01T00:00:00Z" }, now)).toEqual({ startedBefore: "2026-03-01T00:00:00.000Z" });
    expect(startedWindow(base, now)).toEqual({});
  });

  it("converts between ISO timestamps and datetime-local values in local time", () => {
    const local = toLocalInput("2026-03-10T12:34:56.000Z");
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe("2026-03-10T12:34:00.000Z");
    expect(toLocalInput("garbage")).toBe("");
    expect(fromLocalInput("")).toBeUndefined();
  });
});

describe("function name filter", () => {
  it("matches part of the name, ignoring case and surrounding spaces", () => {
    expect(functionNameMatches("order-processor", " ORDER ")).toBe(true);
    expect(functionNameMatches("order-processor", "")).toBe(true);
    expect(functionNameMatches("payment-with-retries", "pay")).toBe(true);
  });

  it("does not match on anything but the name", () => {
    expect(functionNameMatches("order-processor", "pay")).toBe(false);
  });
});
