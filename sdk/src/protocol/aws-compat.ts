/**
 * Compile-time proof that the wire shapes here fit `@aws-sdk/client-lambda`'s, so a value of
 * ours can be handed to the AWS client without casts, and that the enums hold the same values.
 * (The AWS types mark required members `| undefined`, so the reverse direction needs a check
 * at run time, which the codecs do.) Types only: nothing of the AWS SDK is loaded at run time.
 */
import type * as Aws from "@aws-sdk/client-lambda";
import type * as Ours from "./types.js";

type Assert<T extends true> = T;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Into<A, B> = [A] extends [B] ? true : false;

export type ProtocolMatchesAwsSdk = [
  Assert<Mutual<Ours.OperationType, Aws.OperationType>>,
  Assert<Mutual<Ours.OperationStatus, Aws.OperationStatus>>,
  Assert<Mutual<Ours.OperationAction, Aws.OperationAction>>,
  Assert<Mutual<Ours.ExecutionStatus, Aws.ExecutionStatus>>,
  Assert<Mutual<Ours.EventType, Aws.EventType>>,
  Assert<Into<Ours.ErrorObject, Aws.ErrorObject>>,
  Assert<Into<Ours.OperationUpdate, Aws.OperationUpdate>>,
  Assert<Into<Ours.Operation, Aws.Operation>>,
  Assert<Into<Ours.Event, Aws.Event>>,
  Assert<Into<Ours.Execution, Aws.Execution>>,
  Assert<Into<Ours.CheckpointDurableExecutionRequest, Aws.CheckpointDurableExecutionRequest>>,
  Assert<Into<Ours.GetDurableExecutionStateRequest, Aws.GetDurableExecutionStateRequest>>,
  Assert<Into<Ours.ListDurableExecutionsByFunctionRequest, Aws.ListDurableExecutionsByFunctionRequest>>,
  Assert<Into<Ours.GetDurableExecutionHistoryRequest, Aws.GetDurableExecutionHistoryRequest>>,
  Assert<Into<Ours.GetDurableExecutionResponse, Aws.GetDurableExecutionResponse>>,
];
