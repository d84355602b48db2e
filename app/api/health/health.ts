/**
 * Whether the durable service answers, for the banner every page shows when it does not. Kept
 * apart from the route (no server-only import) so it can be checked without a server.
 */
import { toApiError, type ErrorContext } from "@/lib/errors";

/** The body of `GET /api/health`. */
export interface HealthResponse {
  /** False when the service cannot be reached, or did not answer before the deadline. */
  answering: boolean;
  target: "local" | "aws";
  /** Where the service is, for people: the local endpoint, or "AWS Lambda in <region>". */
  service: string;
  /** Why it is not answering (a connection error in words, never a credential). */
  message?: string;
  checkedAt: string;
}

/** Long enough for a cold TLS handshake to AWS, short enough that a hung service shows within seconds. */
export const HEALTH_TIMEOUT_MS = 3_000;

/**
 * How the banner names the service.
 *
 * @example serviceLabel({ target: "aws", region: "eu-west-1" }) // "AWS Lambda in eu-west-1"
 */
export function serviceLabel(ctx: ErrorContext): string {
  return ctx.target === "local" ? (ctx.endpoint ?? "its local endpoint") : `AWS Lambda in ${ctx.region}`;
}

/**
 * Runs one cheap call against the service and says whether it answered. Any answer counts, an
 * error one too (AccessDenied, bad credentials, a throttle): the service is there, and the page
 * that needs it shows that error itself. Only a connection failure or the deadline mean it is not.
 *
 * @example await checkHealth((signal) => client.send(new ListFunctionsCommand({ MaxItems: 1 }), { abortSignal: signal }), ctx)
 */
export async function checkHealth(
  call: (signal: AbortSignal) => Promise<unknown>,
  ctx: ErrorContext,
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<HealthResponse> {
  const base = { target: ctx.target, service: serviceLabel(ctx) };
  const deadline = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Raced as well as passed on: a credential lookup or a DNS query may not honour the signal.
  const expired = new Promise<"expired">((resolve) => {
    timer = setTimeout(() => {
      deadline.abort();
      resolve("expired");
    }, timeoutMs);
  });
  try {
    const outcome = await Promise.race([call(deadline.signal).then(() => "answered" as const), expired]);
    if (outcome === "expired") return { ...base, answering: false, message: `No answer within ${timeoutMs / 1000} s.`, checkedAt: now() };
    return { ...base, answering: true, checkedAt: now() };
  } catch (error) {
    if (deadline.signal.aborted) return { ...base, answering: false, message: `No answer within ${timeoutMs / 1000} s.`, checkedAt: now() };
    const mapped = toApiError(error, ctx);
    if (mapped.code === "ServiceUnreachable") return { ...base, answering: false, message: mapped.message, checkedAt: now() };
    return { ...base, answering: true, checkedAt: now() };
  } finally {
    clearTimeout(timer);
  }
}

const now = () => new Date().toISOString();

/**
 * True when a JSON body is a health answer (and not, say, the error body of a misconfigured server).
 *
 * @example isHealthResponse({ answering: true, target: "local", service: "http://127.0.0.1:9014", checkedAt: "…" }) // true
 */
export function isHealthResponse(body: unknown): body is HealthResponse {
  if (typeof body !== "object" || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.answering === "boolean" && (b.target === "local" || b.target === "aws") && typeof b.service === "string";
}
