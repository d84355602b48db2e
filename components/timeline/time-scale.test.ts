import { describe, expect, it } from "vitest";
import { offsetLabel, ticks, tickStep, timeScale } from "./time-scale";

describe("timeScale", () => {
  it("maps times to fractions of the width, clamped", () => {
    const scale = timeScale(1000, 3000);
    expect([scale.at(1000), scale.at(1500), scale.at(3000), scale.at(0), scale.at(9999)]).toEqual([0, 0.25, 1, 0, 1]);
  });

  it("survives an empty range", () => {
    expect(timeScale(5, 5).at(5)).toBe(0);
    expect(timeScale(5, 5).end).toBe(6);
  });
});

describe("ticks", () => {
  it("steps by 1, 2 or 5 times a power of ten", () => {
    expect([tickStep(10_000, 8), tickStep(3014, 8), tickStep(68, 8), tickStep(86_400_000, 8)]).toEqual([2000, 500, 10, 20_000_000]);
  });

  it("starts at zero and stays within the span", () => {
    expect(ticks(10_000, 5)).toEqual([0, 2000, 4000, 6000, 8000, 10_000]);
    expect(ticks(0)).toEqual([0]);
  });
});

describe("offsetLabel", () => {
  it.each([
    [0, "+0"],
    [250, "+250 ms"],
    [1500, "+1.5 s"],
    [120_000, "+2 min"],
    [90_000, "+1 min 30 s"],
    [5_400_000, "+1 h 30 min"],
    [3 * 86_400_000, "+3 d 0 h"],
  ])("%i ms reads %s", (ms, text) => {
    expect(offsetLabel(ms)).toBe(text);
  });
});
