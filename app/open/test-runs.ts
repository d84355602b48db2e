/**
 * The histories the test runners of `@durable-lens/sdk/testing` wrote to DURABLE_LENS_HISTORY_DIR,
 * as the server lists and serves them: so the run a test just failed opens in one click.
 */
import { useQuery } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-types";
import type { HistoryDirResponse } from "@/lib/history-dir-types";
import { getJson } from "@/lib/queries";

/**
 * The folder's listing; refreshed when the window gets the focus back (after a test run).
 *
 * @example const { data } = useTestRuns(); data?.files[0]?.name
 */
export function useTestRuns() {
  return useQuery({
    queryKey: ["history-files"],
    queryFn: ({ signal }) => getJson<HistoryDirResponse>("/api/history-files", signal),
    refetchOnWindowFocus: true,
  });
}

/**
 * How the run ended, from the status the runner put in the file name.
 *
 * @example runStatus("20260101-000000-000_orders_FAILED_1a2b3c4d.json") // "FAILED"
 */
export function runStatus(fileName: string): string | undefined {
  return /_(SUCCEEDED|FAILED|TIMED_OUT|STOPPED|RUNNING)_/.exec(fileName)?.[1];
}

/**
 * Downloads one file of the folder as a File, for the page's usual read-and-check path.
 *
 * @example open(await fetchTestRun("20260101-…_FAILED_….json"))
 */
export async function fetchTestRun(name: string): Promise<File> {
  let response: Response;
  try {
    response = await fetch(`/api/history-files/${encodeURIComponent(name)}`);
  } catch {
    throw new Error("Could not reach the Durable Lens server. Is it still running?");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as Partial<ApiError> | undefined;
    throw new Error(typeof body?.message === "string" ? body.message : `The server answered ${response.status} ${response.statusText}`.trim());
  }
  return new File([await response.blob()], name, { type: "application/json" });
}
