/**
 * Replay in the browser: re-runs a durable function's code on the sdk runtime against a
 * recorded history, checkpoint by checkpoint, with divergence detection and what-ifs.
 * Browser-safe: no Node APIs.
 */
export {
  ReplaySimulator,
  type SimulatorOptions,
  type SimulationPause,
  type SimulationSnapshot,
  type SimulatedInvocation,
  type CheckpointView,
  type UpdateView,
  type OutcomeRequest,
  type Outcome,
  type PendingWork,
  type LogLine,
  type AppliedWhatIf,
} from "./simulator.js";
export { describeThrown, isOperationFailure, reportingThrows, thrownByCode, type CodeError } from "./code-error.js";
export {
  checkNewOperation,
  checkAttemptDecision,
  checkContextOutcome,
  checkExecutionOutcome,
  checkRemoved,
  shapeOfView,
  type Divergence,
  type DivergenceKind,
  type OperationShape,
} from "./divergence.js";
export { rebuildOperations, seedExecution, type RebuiltState, type SeedTarget, type SeededExecution } from "./seed-state.js";
