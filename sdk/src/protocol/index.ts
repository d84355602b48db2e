export * from "./types.js";
export * from "./codec.js";
export * from "./arn.js";
export * from "./limits.js";
export * from "./errors.js";
