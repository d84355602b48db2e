/**
 * The two pairs a drop-in test runs one scenario through: the official SDK with the official
 * testing library, and ours with ours (both imports switched). A scenario is written once,
 * against `sdk`, and handed to `runner`; the test then compares what both saw.
 */
import * as officialSdk from "@aws/durable-execution-sdk-js";
import * as officialTesting from "@aws/durable-execution-sdk-js-testing";
import * as ourSdk from "../node.js";
import * as ourTesting from "./index.js";

/** What a scenario uses of either SDK: the official module's shape, which ours must match. */
export type Sdk = typeof officialSdk;

/** The runner class of either testing library, as a scenario uses it. */
export type Runner = typeof officialTesting.LocalDurableTestRunner;

export interface Pair {
  name: "official" | "ours";
  sdk: Sdk;
  Runner: Runner;
}

export const official: Pair = { name: "official", sdk: officialSdk, Runner: officialTesting.LocalDurableTestRunner };
// Cast so one scenario runs on both; that ours fits the official shape is sdk/type-tests' job.
export const ours: Pair = { name: "ours", sdk: ourSdk as unknown as Sdk, Runner: ourTesting.LocalDurableTestRunner as unknown as Runner };

/**
 * The events of a history as "type sub-type name", without what differs run to run (ids,
 * times) or runner to runner (Lambda names execution events after the execution, the official
 * runner leaves them unnamed).
 */
export function eventShapes(events: { EventType?: string; Name?: string; SubType?: string }[]): string[] {
  return events.map((e) => [e.EventType, e.SubType, e.EventType?.startsWith("Execution") ? undefined : e.Name].filter((x) => x !== undefined).join(" "));
}
