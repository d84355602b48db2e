import "server-only";
import { guardMutation } from "./mutation-guard";
import { respond } from "./route";

/**
 * Runs a mutating route's work behind the mutation guard (read-only mode, same origin, CSRF
 * token) and answers with its JSON or the mapped error. Nothing reaches Lambda before the guard.
 *
 * @example export const POST = (request: Request) => respondToMutation(request, async () => stop(arn));
 */
export function respondToMutation<T>(request: Request, work: () => Promise<T>): Promise<Response> {
  return respond(async () => {
    guardMutation(request, process.env);
    return work();
  });
}
