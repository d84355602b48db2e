import { ServiceError, type CheckpointDurableExecutionResponse } from "../protocol/index.js";

/**
 * What is kept for a checkpoint applied with a ClientToken: its answer, and digests of what it
 * was asked, so a retry is told from a different request that reuses the token.
 */
interface KeptAnswer {
  /** Digest of the CheckpointToken. */
  t: string;
  /** Digest of the Updates. */
  u: string;
  response: CheckpointDurableExecutionResponse;
}

/** The parts of a checkpoint request a ClientToken vouches for. */
export interface IdempotentRequest {
  CheckpointToken: string;
  Updates?: unknown[];
}

/**
 * cyrb53: a fast 53-bit string digest. It only has to tell a retried request from a different
 * one, and the engine runs in browsers too, where no synchronous crypto digest exists.
 */
function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const updatesDigest = (req: IdempotentRequest) => digest(JSON.stringify(req.Updates ?? []));

/**
 * The stored form of a checkpoint's answer under its ClientToken.
 *
 * @example store.putCheckpointResponse(arn, token, keepAnswer(req, res))
 */
export function keepAnswer(req: IdempotentRequest, response: CheckpointDurableExecutionResponse): string {
  const kept: KeptAnswer = { t: digest(req.CheckpointToken), u: updatesDigest(req), response };
  return JSON.stringify(kept);
}

/**
 * The answer to give a request whose ClientToken was used before: the first answer when the
 * request is the same (a retry), Lambda's 400 naming what differs otherwise, as AWS
 * idempotency tokens do. Answers stored before digests were kept are trusted as they are.
 *
 * @example const res = replayAnswer(clientToken, req, stored, reviveDates)
 */
export function replayAnswer(
  clientToken: string,
  req: IdempotentRequest,
  stored: string,
  reviver: (key: string, value: unknown) => unknown,
): CheckpointDurableExecutionResponse {
  const kept = JSON.parse(stored, reviver) as KeptAnswer | CheckpointDurableExecutionResponse;
  if (!("response" in kept)) return kept;
  const differs = [kept.t !== digest(req.CheckpointToken) && "CheckpointToken", kept.u !== updatesDigest(req) && "Updates"].filter(Boolean);
  if (differs.length > 0) {
    throw new ServiceError(
      "InvalidParameterValueException",
      `ClientToken ${JSON.stringify(clientToken)} was already used for a checkpoint with different ${differs.join(" and ")}; a retry must resend the same request, a new request needs a new ClientToken`,
    );
  }
  return kept.response;
}
