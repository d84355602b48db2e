/**
 * Turns whatever a route handler caught (AWS SDK service errors, network errors, our own
 * validation errors) into the JSON error body the browser shows. Credentials never appear in it.
 */
import type { ApiError } from "./api-types";

/** An error a route handler raises on purpose, with the status and code to answer with. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What the error messages may say about where the app was talking to. */
export interface ErrorContext {
  target: "local" | "aws";
  region: string;
  endpoint?: string;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);
const NOT_FOUND = new Set(["ResourceNotFoundException"]);
const BAD_REQUEST = new Set(["InvalidParameterValueException", "InvalidRequestContentException", "ValidationException"]);
const THROTTLED = new Set(["TooManyRequestsException", "ThrottlingException", "ThrottledException", "RequestLimitExceeded"]);
const NO_CREDENTIALS = new Set(["CredentialsProviderError"]);
const BAD_CREDENTIALS = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "ExpiredTokenException",
  "ExpiredToken",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
]);
const ACCESS_DENIED = new Set(["AccessDeniedException", "AccessDenied", "KMSAccessDeniedException"]);

const PERMISSIONS =
  "lambda:ListFunctions, lambda:ListDurableExecutionsByFunction, lambda:GetDurableExecution and lambda:GetDurableExecutionHistory";

function asErrorLike(value: unknown): ErrorLike {
  return typeof value === "object" && value !== null ? (value as ErrorLike) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Access key ids look like AKIA/ASIA + 16 characters; never echo one back. */
function redact(message: string): string {
  const clean = message.replace(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, "[redacted key id]");
  return clean.length > 500 ? `${clean.slice(0, 500)}…` : clean;
}

/** The network error code of a failed connection, looking through `cause` and AggregateError members. */
function connectionCode(err: ErrorLike, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const code = text(err.code);
  if (code && CONNECTION_CODES.has(code)) return code;
  if (text(err.name) === "TimeoutError") return "ETIMEDOUT";
  if (Array.isArray(err.errors)) {
    for (const inner of err.errors) {
      const found = connectionCode(asErrorLike(inner), depth + 1);
      if (found) return found;
    }
  }
  return err.cause === undefined ? undefined : connectionCode(asErrorLike(err.cause), depth + 1);
}

/**
 * Maps a caught error to the status, code and message the API answers with.
 *
 * @example toApiError(new ResourceNotFoundException({ message: "Function not found", $metadata: {} }), ctx).status // 404
 */
export function toApiError(error: unknown, ctx: ErrorContext): ApiError {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: redact(error.message) };
  const err = asErrorLike(error);
  const name = text(err.name) ?? "Error";
  const detail = redact(text(err.message) ?? name);
  const httpStatus = typeof err.$metadata?.httpStatusCode === "number" ? err.$metadata.httpStatusCode : undefined;

  if (name === "ConfigError") return { status: 500, code: "ConfigError", message: `Durable Lens is misconfigured: ${detail}` };
  if (NOT_FOUND.has(name) || httpStatus === 404) {
    return { status: 404, code: "NotFound", message: detail };
  }
  if (BAD_REQUEST.has(name)) return { status: 400, code: "InvalidParameter", message: detail };
  if (THROTTLED.has(name) || httpStatus === 429) {
    return { status: 429, code: "Throttled", message: `The durable service is throttling requests; try again in a moment. (${detail})` };
  }
  if (NO_CREDENTIALS.has(name)) {
    return {
      status: 401,
      code: "CredentialsMissing",
      message:
        "No AWS credentials were found. Configure the standard AWS credential chain (AWS_PROFILE, " +
        "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or `aws sso login`) and restart Durable Lens.",
    };
  }
  if (BAD_CREDENTIALS.has(name) || httpStatus === 401) {
    return {
      status: 401,
      code: "CredentialsInvalid",
      message: `AWS did not accept the credentials (${detail}). Refresh them, e.g. with \`aws sso login\`, and retry.`,
    };
  }
  if (ACCESS_DENIED.has(name) || httpStatus === 403) {
    return {
      status: 403,
      code: "AccessDenied",
      message: `Access denied: ${detail.replace(/\.?$/, ".")} Durable Lens needs ${PERMISSIONS}.`,
    };
  }
  const connection = connectionCode(err);
  if (connection) {
    const message =
      ctx.target === "local"
        ? `The local durable service is not reachable at ${ctx.endpoint ?? "its endpoint"}. Start it with \`npm start\`.`
        : `AWS Lambda in ${ctx.region} is not reachable (${connection}). Check your network connection.`;
    return { status: 503, code: "ServiceUnreachable", message };
  }
  if (name === "ServiceException" || name.startsWith("KMS") || (httpStatus !== undefined && httpStatus >= 500)) {
    return { status: 502, code: "UpstreamError", message: `The durable service failed: ${detail}` };
  }
  if (name === "SyntaxError") {
    return { status: 502, code: "UpstreamError", message: `The durable service sent a response that is not valid JSON: ${detail}` };
  }
  if (httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) {
    return { status: httpStatus, code: name, message: detail };
  }
  return { status: 500, code: "InternalError", message: `Unexpected error: ${detail}` };
}
