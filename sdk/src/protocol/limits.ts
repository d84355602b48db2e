/** Size limits of Lambda's durable API and of the durable SDKs (bytes or seconds as named). */
export const Limits = {
  /** A synchronous Lambda response, less 50 bytes for the envelope. */
  LAMBDA_RESPONSE_BYTES: 6 * 1024 * 1024 - 50,
  /** `InputPayload`, `OperationUpdate.Payload`, results. */
  OPERATION_PAYLOAD_BYTES: 6 * 1024 * 1024,
  /** A child context result above this is replayed from its children instead. */
  CHECKPOINT_PAYLOAD_BYTES: 256 * 1024,
  /** SendDurableExecutionCallbackSuccess `Result`. */
  CALLBACK_RESULT_BYTES: 256 * 1024,
  /** The SDK cuts a checkpoint batch at this estimated size. */
  CHECKPOINT_BATCH_BYTES: 750 * 1024,
  /** The SDK cuts a checkpoint batch at this many updates. */
  CHECKPOINT_BATCH_UPDATES: 250,
  /** `WaitSeconds`, `NextAttemptDelaySeconds`: 1 to 366 days. */
  MAX_DELAY_SECONDS: 31_622_400,
  /** Page size bounds of the list, state and history calls. */
  MAX_ITEMS: 1000,
  DEFAULT_MAX_ITEMS: 100,
  /** Operations one execution may have. */
  MAX_OPERATIONS: 3000,
} as const;

/** UTF-8 byte length of a string, computed without Node-only APIs so it runs in browsers. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
