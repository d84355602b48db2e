import type {
  CheckpointDurableExecutionRequest,
  CheckpointDurableExecutionResponse,
  GetDurableExecutionStateRequest,
  GetDurableExecutionStateResponse,
} from "../protocol/index.js";
import type { Engine } from "./engine.js";

/**
 * The runtime's service client, answered by an engine in the same process (tests, the browser
 * simulator). Responses are deep-copied so the runtime never shares objects with the engine,
 * as it would not across the network.
 *
 * @example withDurableExecution(handler, { durableExecutionClient: new InProcessClient(engine) })
 */
export class InProcessClient {
  constructor(private readonly engine: Engine) {}

  async getExecutionState(params: GetDurableExecutionStateRequest): Promise<GetDurableExecutionStateResponse> {
    return structuredClone(this.engine.getExecutionState(structuredClone(params)));
  }

  async checkpoint(params: CheckpointDurableExecutionRequest): Promise<CheckpointDurableExecutionResponse> {
    return structuredClone(this.engine.checkpoint(structuredClone(params)));
  }
}
