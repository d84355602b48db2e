import type {
  CheckpointDurableExecutionRequest,
  CheckpointDurableExecutionResponse,
  DurableExecutionInvocationInput,
  GetDurableExecutionStateRequest,
  GetDurableExecutionStateResponse,
} from "../protocol/index.js";
import type { LambdaClient } from "@aws-sdk/client-lambda";
import type { AttemptInfo } from "./plugins.js";
import type { InvocationClock } from "./invocation-clock.js";

/**
 * Stands in for the user's function in one attempt of a step or a waitForCondition check: the
 * replay simulator answers with the outcome the history recorded (a serialized payload, or by
 * throwing the recorded error) so that no step ever runs for real while code is replayed
 * against a history. The runtime serializes nothing and runs no wrapper when one is given.
 */
export type AttemptStandIn = (attempt: AttemptInfo) => Promise<{ payload?: string }>;

/** The two service calls a durable function makes while it runs. */
export interface DurableExecutionClient {
  getExecutionState(params: GetDurableExecutionStateRequest): Promise<GetDurableExecutionStateResponse>;
  checkpoint(params: CheckpointDurableExecutionRequest): Promise<CheckpointDurableExecutionResponse>;
}

/**
 * Calls Lambda's durable API through `@aws-sdk/client-lambda`, loaded on first use so a caller
 * that brings its own {@link DurableExecutionClient} never loads the AWS SDK.
 *
 * @example new DurableExecutionApiClient(new LambdaClient({ endpoint: "http://127.0.0.1:9014" }))
 */
export class DurableExecutionApiClient implements DurableExecutionClient {
  private clientPromise?: Promise<LambdaClient>;
  private sdk?: Promise<typeof import("@aws-sdk/client-lambda")>;

  constructor(private readonly client?: LambdaClient) {}

  private load() {
    // Not bundled for browsers (the simulator never calls Lambda; Node and server bundles load it as is).
    this.sdk ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "@aws-sdk/client-lambda");
    this.clientPromise ??= this.client
      ? Promise.resolve(this.client)
      : this.sdk.then((m) => new m.LambdaClient({}));
    return Promise.all([this.sdk, this.clientPromise]);
  }

  async getExecutionState(params: GetDurableExecutionStateRequest): Promise<GetDurableExecutionStateResponse> {
    const [m, client] = await this.load();
    const out = await client.send(new m.GetDurableExecutionStateCommand(params));
    return out as unknown as GetDurableExecutionStateResponse;
  }

  async checkpoint(params: CheckpointDurableExecutionRequest): Promise<CheckpointDurableExecutionResponse> {
    const [m, client] = await this.load();
    const out = await client.send(new m.CheckpointDurableExecutionCommand(params));
    return out as unknown as CheckpointDurableExecutionResponse;
  }
}

/**
 * An invocation event that carries its own service client: how test runners and the local
 * service point a function at a durable service other than the one in its environment.
 *
 * @example await handler(new DurableExecutionInvocationInputWithClient(event, client), context)
 */
export class DurableExecutionInvocationInputWithClient implements DurableExecutionInvocationInput {
  readonly DurableExecutionArn: string;
  readonly CheckpointToken: string;
  readonly InitialExecutionState: DurableExecutionInvocationInput["InitialExecutionState"];
  readonly UpdatedOperationIds?: string[];

  constructor(
    params: DurableExecutionInvocationInput,
    readonly durableExecutionClient: DurableExecutionClient,
    /** Set by the replay simulator only; see {@link AttemptStandIn}. */
    readonly attemptStandIn?: AttemptStandIn,
    /** Set by a test runner that skips time; see {@link InvocationClock}. */
    readonly invocationClock?: InvocationClock,
  ) {
    this.DurableExecutionArn = params.DurableExecutionArn;
    this.CheckpointToken = params.CheckpointToken;
    this.InitialExecutionState = params.InitialExecutionState;
    if (params.UpdatedOperationIds) this.UpdatedOperationIds = params.UpdatedOperationIds;
  }

  // The official SDK recognises an event carrying its client by this tag and the class name,
  // so handlers written with it run on our test runner and local service too.
  get [Symbol.toStringTag](): string {
    return "DurableExecutionInvocationInputWithClient";
  }
}
