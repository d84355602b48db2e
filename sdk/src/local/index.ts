export { LocalDurableService } from "./service.js";
export type { LocalServiceOptions } from "./service.js";
export { FunctionRegistry } from "./registry.js";
export type { RegisteredFunction } from "./registry.js";
export { SqliteStore, DataDirectoryError } from "./sqlite-store.js";
export { sampleRegistrations, seedSampleExecutions } from "./seed.js";
