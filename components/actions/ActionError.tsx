"use client";
import { QueryErrorBox } from "@/components/ui/ErrorBox";

/**
 * The server's refusal of an action, with its code, or nothing.
 *
 * @example <ActionError title="Could not stop the execution" error={mutation.error} />
 */
export function ActionError({ title, error }: { title: string; error: unknown }) {
  if (!error) return null;
  return <QueryErrorBox title={title} error={error} />;
}
