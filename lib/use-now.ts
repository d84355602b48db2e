"use client";
import { useEffect, useState } from "react";

/**
 * The current time, re-read every `intervalMs` while `enabled` (for live durations of running things).
 *
 * @example const now = useNow(anyRunning);
 */
export function useNow(enabled: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [enabled, intervalMs]);
  return now;
}
