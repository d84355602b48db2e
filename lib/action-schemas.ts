/**
 * The JSON bodies of the mutating routes, validated with zod. Messages name the field, so a form
 * can show them next to it and an API user knows what to fix. Browser-safe: the forms check with
 * the same schemas before sending.
 */
import { z } from "zod";
import { DURABLE_EXECUTION_NAME, parseDurableExecutionArn } from "@durable-lens/sdk/protocol";
import { HttpError } from "./errors";
import { jsonProblem } from "./json-text";

/** Lambda's CallbackId: 1-1024 characters of base64. */
const CALLBACK_ID = /^[A-Za-z0-9+/]+={0,2}$/;

/** Most executions one bulk stop takes: a page of the list. */
export const MAX_BULK_STOP = 100;

const callbackId = z
  .string({ error: "must be a string" })
  .min(1, { error: "must not be empty" })
  .max(1024, { error: "must be at most 1024 characters" })
  .regex(CALLBACK_ID, { error: "must be a callback id: base64 characters (A-Z, a-z, 0-9, + and /), then at most two =" });

/** Optional text where an empty field means "not given", as forms send it. */
const optionalText = z
  .string({ error: "must be a string" })
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v));

/** Text that must be JSON when given; an empty field means "not given". */
const optionalJsonText = optionalText.superRefine((v, ctx) => {
  const problem = v === undefined ? undefined : jsonProblem(v);
  if (problem) ctx.addIssue({ code: "custom", message: `must be valid JSON (${problem})` });
});

const errorObject = z
  .strictObject({
    ErrorType: optionalText,
    ErrorMessage: optionalText,
    ErrorData: optionalText,
    StackTrace: z.array(z.string({ error: "must be a string" }), { error: "must be a list of strings" }).optional(),
  }, { error: "must be an object with ErrorType, ErrorMessage, ErrorData and StackTrace" })
  .transform((e) => {
    const out: { ErrorType?: string; ErrorMessage?: string; ErrorData?: string; StackTrace?: string[] } = {};
    if (e.ErrorType !== undefined) out.ErrorType = e.ErrorType;
    if (e.ErrorMessage !== undefined) out.ErrorMessage = e.ErrorMessage;
    if (e.ErrorData !== undefined) out.ErrorData = e.ErrorData;
    const trace = e.StackTrace?.filter((line) => line.trim() !== "");
    if (trace && trace.length > 0) out.StackTrace = trace;
    return out;
  });

/** What a stop may say about why; a stop records no data or trace. */
const stopError = z.strictObject({ ErrorType: optionalText, ErrorMessage: optionalText }, { error: "must be an object with ErrorType and ErrorMessage" });

const executionArn = z
  .string({ error: "must be a string" })
  .refine((v) => parseDurableExecutionArn(v) !== undefined, { error: "must be a durable execution ARN" });

const body = <T extends z.core.$ZodLooseShape>(shape: T) => z.strictObject(shape, { error: "must be a JSON object" });

/** `POST /api/callbacks/succeed`: `result` is JSON text (empty or absent: no result). */
export const callbackSuccessBody = body({ callbackId, result: optionalJsonText });

/** `POST /api/callbacks/fail`. */
export const callbackFailureBody = body({ callbackId, error: errorObject.optional() });

/** `POST /api/callbacks/heartbeat`. */
export const callbackHeartbeatBody = body({ callbackId });

/** `POST /api/executions/{arn}/stop`. */
export const stopBody = body({ error: stopError.optional() });

/** `POST /api/executions/bulk-stop`. */
export const bulkStopBody = body({
  arns: z
    .array(executionArn, { error: "must be a list of execution ARNs" })
    .min(1, { error: "must name at least one execution" })
    .max(MAX_BULK_STOP, { error: `must name at most ${MAX_BULK_STOP} executions` }),
  error: stopError.optional(),
});

/** `POST /api/functions/{name}/start`: `payload` is JSON text (empty or absent: `{}`). */
export const startBody = body({
  payload: optionalJsonText,
  executionName: optionalText.refine((v) => v === undefined || DURABLE_EXECUTION_NAME.test(v), {
    error: "must be 1-64 letters, digits, - or _",
  }),
  mode: z.enum(["async", "sync"], { error: 'must be "async" or "sync"' }).default("async"),
  qualifier: optionalText.refine((v) => v === undefined || /^(\$LATEST|[a-zA-Z0-9_-]{1,128})$/.test(v), {
    error: "must be a version, $LATEST or an alias name",
  }),
});

export type CallbackSuccessBody = z.output<typeof callbackSuccessBody>;
export type CallbackFailureBody = z.output<typeof callbackFailureBody>;
export type StopBody = z.output<typeof stopBody>;
export type BulkStopBody = z.output<typeof bulkStopBody>;
export type StartBody = z.output<typeof startBody>;

/** One validation problem: the field as a path (`error.StackTrace[2]`) and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `${out ? "." : ""}${String(key)}`;
  return out;
}

/**
 * Every problem with `value`, or the parsed data.
 *
 * @example checkBody(startBody, { mode: "later" }) // { ok: false, problems: [{ field: "mode", message: 'must be "async" or "sync"' }] }
 */
export function checkBody<S extends z.ZodType>(schema: S, value: unknown): { ok: true; data: z.output<S> } | { ok: false; problems: FieldProblem[] } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const problems = result.error.issues.flatMap((issue): FieldProblem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: fieldPath([...issue.path, key]), message: "is not a field of this request" }));
    }
    return [{ field: fieldPath(issue.path), message: issue.message }];
  });
  return { ok: false, problems };
}

/**
 * The parsed body, or an HttpError 400 naming the first bad field.
 *
 * @example const { callbackId } = parseBody(callbackHeartbeatBody, await readJsonBody(request, limit));
 */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const checked = checkBody(schema, value);
  if (checked.ok) return checked.data;
  const first = checked.problems[0]!;
  const message = first.field ? `Invalid field "${first.field}": ${first.message}` : `Invalid request body: ${first.message}`;
  throw new HttpError(400, "InvalidParameter", message);
}
