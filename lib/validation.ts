/**
 * Validation of route inputs (query strings and path segments), with messages that name the field.
 */
import { z } from "zod";
import {
  DURABLE_EXECUTION_NAME,
  ExecutionStatus,
  parseDurableExecutionArn,
  parseFunctionName,
} from "@durable-lens/sdk/protocol";
import { HttpError } from "./errors";
import { decodeSegment } from "./segments";

const STATUSES = Object.values(ExecutionStatus) as [ExecutionStatus, ...ExecutionStatus[]];

/** Sort order of an execution list, by start time. */
export type ExecutionOrder = "newest" | "oldest";

/** An ISO 8601 timestamp with a time zone, as the browser sends `Date.toISOString()`. */
const timestamp = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), { error: "must be an ISO 8601 timestamp" })
  .transform((v) => new Date(v));

const executionsQuery = z.object({
  status: z.array(z.enum(STATUSES, { error: `must be one of ${STATUSES.join(", ")}` })),
  name: z.string().regex(DURABLE_EXECUTION_NAME, { error: "must be 1-64 letters, digits, - or _" }).optional(),
  marker: z.string().min(1, { error: "must not be empty" }).max(2048, { error: "is too long" }).optional(),
  maxItems: z.coerce
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(1000, { error: "must be at most 1000" })
    .optional(),
  order: z.enum(["newest", "oldest"], { error: 'must be "newest" or "oldest"' }).default("newest"),
  // Lambda's qualifier pattern: a version number, $LATEST or an alias name.
  qualifier: z
    .string()
    .regex(/^(\$LATEST|[a-zA-Z0-9_-]{1,128})$/, { error: "must be a version, $LATEST or an alias name" })
    .optional(),
  startedAfter: timestamp.optional(),
  startedBefore: timestamp.optional(),
});

export type ExecutionsQuery = z.infer<typeof executionsQuery>;

function show(value: string): string {
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
}

/**
 * Reads `status` (repeatable, or comma-separated), `name`, `marker`, `maxItems`, `order`, `qualifier`,
 * `startedAfter` and `startedBefore`. Throws an HttpError 400 naming the first bad field.
 *
 * @example parseExecutionsQuery(new URLSearchParams("status=RUNNING&order=oldest")).order // "oldest"
 */
export function parseExecutionsQuery(params: URLSearchParams): ExecutionsQuery {
  const single = (key: string) => {
    const v = params.get(key);
    return v === null || v === "" ? undefined : v;
  };
  const input = {
    status: params.getAll("status").flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== ""),
    name: single("name"),
    marker: single("marker"),
    maxItems: single("maxItems"),
    order: single("order"),
    qualifier: single("qualifier"),
    startedAfter: single("startedAfter"),
    startedBefore: single("startedBefore"),
  };
  const result = executionsQuery.safeParse(input);
  if (result.success) {
    const { startedAfter, startedBefore } = result.data;
    if (startedAfter && startedBefore && startedAfter > startedBefore) {
      throw new HttpError(400, "InvalidParameter", 'Invalid query parameter "startedAfter": must not be later than "startedBefore"');
    }
    return result.data;
  }
  const issue = result.error.issues[0]!;
  const field = String(issue.path[0] ?? "query");
  throw new HttpError(400, "InvalidParameter", `Invalid query parameter "${field}": ${issue.message}`);
}

/**
 * Validates a function name from the path (name, name:qualifier or ARN). Throws HttpError 400.
 *
 * @example parseFunctionNameParam("order-processor") // "order-processor"
 */
export function parseFunctionNameParam(raw: string): string {
  const name = decodeSegment(raw);
  if (!parseFunctionName(name)) throw new HttpError(400, "InvalidParameter", `Invalid function name: ${show(name)}`);
  return name;
}

/**
 * Validates a durable execution ARN from the path. Throws HttpError 400 "Malformed durable execution ARN: ...".
 *
 * @example parseExecutionArnParam(encodeURIComponent(arn)) === arn
 */
export function parseExecutionArnParam(raw: string): string {
  const arn = decodeSegment(raw);
  if (!parseDurableExecutionArn(arn)) {
    throw new HttpError(
      400,
      "InvalidParameter",
      `Malformed durable execution ARN: ${show(arn)}. Expected arn:aws:lambda:<region>:<account>:function:<name>:<version>/durable-execution/<name>/<id>.`,
    );
  }
  return arn;
}
