"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useRef } from "react";
import {
  changeFilter,
  filterFromSearchParams,
  filterToSearch,
  isFiltered,
  nextPage,
  pageNumber,
  previousPage,
  type ExecutionFilter,
} from "@/lib/filters";
import type { ExecutionSummary } from "@/lib/api-types";
import { RUNNING_REFRESH_MS, useExecutions, useTarget } from "@/lib/queries";
import { executionPath } from "@/lib/segments";
import { useListNavigation } from "@/lib/use-list-navigation";
import { useNow } from "@/lib/use-now";
import { EmptyState } from "@/components/ui/EmptyState";
import { QueryErrorBox } from "@/components/ui/ErrorBox";
import { Kbd } from "@/components/ui/Kbd";
import { SkeletonRows } from "@/components/ui/Skeleton";
import { ListActions } from "@/components/actions/ListActions";
import { useActionsEnabled } from "@/lib/use-actions";
import { checkPath } from "@/components/check/check-path";
import { ExecutionsTable } from "./ExecutionsTable";
import { NameSearch } from "./NameSearch";
import { QualifierInput } from "./QualifierInput";
import { StatusFilter } from "./StatusFilter";
import { TimeRangeFilter } from "./TimeRangeFilter";
import { useRowSelection } from "./use-row-selection";

const NO_EXECUTIONS: readonly ExecutionSummary[] = [];

const linkButton = "text-sky-700 hover:underline disabled:cursor-default disabled:text-zinc-400 disabled:no-underline";

function NoExecutions({ functionName, filter, onClear }: { functionName: string; filter: ExecutionFilter; onClear: () => void }) {
  const { data: target } = useTarget();
  if (isFiltered(filter)) {
    return (
      <EmptyState
        title={
          filter.statuses.length > 0 && !filter.name && !filter.range && !filter.from && !filter.to
            ? `No executions with status ${filter.statuses.join(" or ")}.`
            : "No executions match these filters."
        }
        action={
          <button type="button" className={linkButton} onClick={onClear}>
            Clear filters
          </button>
        }
      >
        <p>Widen the time range, pick other statuses or change the name search.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={`${functionName} has no executions${filter.qualifier ? ` on ${filter.qualifier}` : ""} yet.`}>
      <p>
        Each invocation of a durable function starts an execution
        {target?.target === "local" ? ` (the local service at ${target.endpoint ?? "its endpoint"} records them)` : ""}. Invoke the function and it
        appears here.
      </p>
    </EmptyState>
  );
}

/**
 * A function's executions: status, name, time range, version and order filters and paging, all
 * kept in the URL. While executions run the list refreshes itself; rows are keyed by ARN, so the
 * row j/k selected and the scroll position survive each refresh.
 */
export function ExecutionsView({ functionName }: { functionName: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = useMemo(() => filterFromSearchParams(searchParams), [searchParams]);
  const { data, error, isPending, isFetching, isPlaceholderData, refetch, dataUpdatedAt } = useExecutions(functionName, filter);
  const executions = data?.executions;
  const anyRunning = executions?.some((e) => e.status === "RUNNING") ?? false;
  const now = useNow(anyRunning);
  const searchRef = useRef<HTMLInputElement>(null);

  const keys = useMemo(() => executions?.map((e) => e.arn) ?? [], [executions]);
  const { active, setActive } = useListNavigation({ keys, onOpen: (arn) => router.push(executionPath(arn)), searchRef });
  // Only running executions can be stopped, so only their rows can be ticked.
  const running = useMemo(() => executions?.filter((e) => e.status === "RUNNING").map((e) => e.arn) ?? [], [executions]);
  const selection = useRowSelection(running);
  const picked = useMemo(() => executions?.filter((e) => selection.selected.has(e.arn)) ?? NO_EXECUTIONS, [executions, selection.selected]);
  const actionsEnabled = useActionsEnabled();

  const go = (next: ExecutionFilter, how: "push" | "replace" = "replace") => {
    const search = filterToSearch(next);
    router[how](search ? `${pathname}?${search}` : pathname, { scroll: false });
  };
  const change = (patch: Parameters<typeof changeFilter>[1]) => go(changeFilter(filter, patch));
  const clear = () => go({ statuses: [], order: filter.order, prev: [], ...(filter.qualifier ? { qualifier: filter.qualifier } : {}) });

  // A disabled query (a name or range the service would reject) has nothing to show but the message by its field.
  const waiting = isPending && isFetching;
  return (
    <div className="space-y-4">
      <ListActions functionName={functionName} selected={picked} onStopped={selection.clear} />
      <p className="-mt-2 text-right text-sm">
        <Link href={checkPath(functionName)} className="text-sky-700 hover:underline" data-testid="check-code-link">
          Check running executions against code →
        </Link>
      </p>
      <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3">
        <StatusFilter selected={filter.statuses} onChange={(statuses) => change({ statuses })} />
        <div className="flex flex-wrap items-start gap-x-5 gap-y-3">
          <NameSearch value={filter.name} onChange={(name) => change({ name })} inputRef={searchRef} />
          <TimeRangeFilter filter={filter} onChange={change} />
          <QualifierInput value={filter.qualifier} onChange={(qualifier) => change({ qualifier })} />
          <label className="flex items-center gap-2 text-sm text-zinc-600">
            Order
            <select
              className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm"
              value={filter.order}
              onChange={(e) => change({ order: e.target.value === "oldest" ? "oldest" : "newest" })}
              data-testid="order-select"
            >
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
            </select>
          </label>
        </div>
      </div>

      {/* A thin bar while a new filter or page loads over the rows still shown. */}
      <div className="h-0.5 overflow-hidden rounded" aria-hidden>
        {isFetching && (isPlaceholderData || waiting) ? <div className="h-full w-1/3 animate-pulse bg-sky-500" /> : null}
      </div>

      {waiting ? (
        <SkeletonRows rows={8} columns={5} label="Loading executions…" />
      ) : error && !executions ? (
        <QueryErrorBox title={`Could not list the executions of ${functionName}`} error={error}>
          <button type="button" onClick={() => refetch()} className="rounded border border-red-300 bg-white px-3 py-1 text-sm hover:bg-red-100">
            Try again
          </button>
        </QueryErrorBox>
      ) : !executions ? (
        <EmptyState title="Fix the filters above to see executions." />
      ) : executions.length === 0 ? (
        <NoExecutions functionName={functionName} filter={filter} onClear={clear} />
      ) : (
        <ExecutionsTable
          executions={executions}
          active={active}
          onHover={setActive}
          now={now}
          stale={isPlaceholderData}
          selection={actionsEnabled ? selection : undefined}
        />
      )}

      {error && executions ? (
        <p role="alert" className="text-sm text-red-700">
          Refreshing failed: {error.message}
        </p>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <span className="flex items-center gap-3 text-xs text-zinc-500">
          {anyRunning ? (
            <span data-testid="live-indicator" className="inline-flex items-center gap-1.5">
              <span className="h-2 w-2 animate-pulse rounded-full bg-sky-500" aria-hidden />
              Refreshing every {RUNNING_REFRESH_MS / 1000} s while executions run
            </span>
          ) : dataUpdatedAt ? (
            <span>Updated {new Date(dataUpdatedAt).toLocaleTimeString()}</span>
          ) : null}
          {executions ? (
            <button type="button" className={linkButton} onClick={() => refetch()} disabled={isFetching}>
              {isFetching ? "Refreshing…" : "Refresh"}
            </button>
          ) : null}
          <span className="hidden md:inline">
            <Kbd>j</Kbd> <Kbd>k</Kbd> move · <Kbd>Enter</Kbd> open · <Kbd>/</Kbd> search
          </span>
        </span>
        <nav className="flex items-center gap-3" aria-label="Pages">
          {filter.marker ? (
            <>
              <button type="button" className={linkButton} onClick={() => go(changeFilter(filter, {}), "push")}>
                « First
              </button>
              <button type="button" className={linkButton} onClick={() => go(previousPage(filter), "push")}>
                ← Previous
              </button>
            </>
          ) : null}
          <span className="text-xs text-zinc-500" data-testid="page-number">
            Page {pageNumber(filter)}
          </span>
          <button
            type="button"
            className={linkButton}
            disabled={!data?.nextMarker || isPlaceholderData}
            onClick={() => data?.nextMarker && go(nextPage(filter, data.nextMarker), "push")}
          >
            Next →
          </button>
        </nav>
      </div>
    </div>
  );
}
