/**
 * Reads a mutating request's JSON body with a size cap, so an oversized body is refused before it
 * is buffered whole, parsed, or sent anywhere.
 */
import { HttpError } from "./errors";
import { formatBytes } from "./format";
import { jsonProblem } from "./json-text";

function tooLarge(limit: number): HttpError {
  return new HttpError(413, "PayloadTooLarge", `The request body is larger than ${formatBytes(limit)}, the most this action accepts.`);
}

async function readCapped(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    // Decoding leniently would turn the bad bytes into U+FFFD and send a changed result or error to Lambda.
    throw new HttpError(400, "InvalidEncoding", "The request body is not valid UTF-8.");
  }
}

/**
 * The parsed JSON body. Throws HttpError 415 unless it is labelled JSON (a cross-site form cannot
 * send that label without a preflight), 413 past `limit` bytes, 400 when it is not UTF-8 or not JSON.
 *
 * @example const body = await readJsonBody(request, 64 * 1024);
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(415, "UnsupportedMediaType", 'The request body must be JSON, sent with "Content-Type: application/json".');
  }
  const text = await readCapped(request, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "InvalidJson", `The request body is not valid JSON (${jsonProblem(text) ?? "unreadable"}).`);
  }
}
