/**
 * Size limits of what the app sends to Lambda, checked before the call (in the browser for a quick
 * answer, and again in the route, which is the one that counts).
 */
import { Limits, utf8Length } from "@durable-lens/sdk/protocol";
import { formatBytes } from "./format";

const KiB = 1024;
const MiB = 1024 * KiB;

export const PAYLOAD_LIMITS = {
  /** SendDurableExecutionCallbackSuccess `Result`: 256 KB, documented. */
  callbackResult: Limits.CALLBACK_RESULT_BYTES,
  /**
   * An ErrorObject for a callback failure or a stop. Lambda documents no limit of its own; the error
   * lands in the history like a callback result, so it gets the same bound.
   */
  error: 256 * KiB,
  /** Invoke payload, RequestResponse: Lambda's 6 MB request limit. */
  syncPayload: 6 * MiB,
  /** Invoke payload, Event: asynchronous invocations accept 1 MB. */
  asyncPayload: 1 * MiB,
} as const;

/**
 * Undefined when `text` fits in `limit` bytes of UTF-8, else a message naming the field.
 *
 * @example sizeProblem("result", big, PAYLOAD_LIMITS.callbackResult) // '"result" is 300 KB; Lambda accepts at most 256 KB.'
 */
export function sizeProblem(field: string, text: string, limit: number): string | undefined {
  // Counting UTF-8 bytes is linear; a string with fewer UTF-16 units than a third of the limit always fits.
  if (text.length * 3 <= limit) return undefined;
  const bytes = utf8Length(text);
  if (bytes <= limit) return undefined;
  return `"${field}" is ${formatBytes(bytes)} (${bytes.toLocaleString("en-US")} bytes); Lambda accepts at most ${formatBytes(limit)} (${limit.toLocaleString("en-US")} bytes).`;
}

/**
 * The request body size a route reads before refusing: JSON escaping can double a payload, plus
 * room for the other fields.
 *
 * @example bodyLimit(PAYLOAD_LIMITS.callbackResult) // 589824
 */
export function bodyLimit(payloadLimit: number): number {
  return payloadLimit * 2 + 64 * KiB;
}
