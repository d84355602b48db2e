export { Engine, newCallbackId } from "./engine.js";
export type { EngineOptions, FunctionInfo, Invoker, PendingTimer, StartExecutionRequest, StartExecutionResult, TimerKind } from "./engine.js";
export { RealClock, VirtualClock } from "./clock.js";
export type { Clock, TimerHandle } from "./clock.js";
export { MemoryStore, matchesExecutionQuery } from "./memory-store.js";
export type { Store, ExecutionRecord, ExecutionQuery, EventQuery } from "./store.js";
export { InProcessClient } from "./in-process-client.js";
export { encodeMarker, decodeMarker } from "./tokens.js";
export { VirtualTime } from "./virtual-time.js";
