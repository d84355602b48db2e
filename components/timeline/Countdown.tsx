"use client";
import { formatDuration } from "@/lib/format";
import { useNow } from "@/lib/use-now";

/**
 * Time left until `at`, ticking every second: "in 4 min 3 s", or "overdue by 2 s" once past.
 *
 * @example <Countdown at={deadline.at} />
 */
export function Countdown({ at, className = "" }: { at: number; className?: string }) {
  const now = useNow(true);
  const left = at - now;
  return (
    <span className={`font-mono ${left < 0 ? "text-red-700" : ""} ${className}`} data-testid="countdown">
      {left >= 0 ? `in ${formatDuration(left)}` : `overdue by ${formatDuration(-left)}`}
    </span>
  );
}
