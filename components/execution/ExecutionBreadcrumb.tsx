import Link from "next/link";
import { parseDurableExecutionArn } from "@durable-lens/sdk/protocol";
import type { ReactNode } from "react";
import { functionPath } from "@/lib/segments";

/**
 * "Functions / <function>" then the page's own part, for the pages of one execution.
 *
 * @example <ExecutionBreadcrumb arn={arn}>{" / execution"}</ExecutionBreadcrumb>
 */
export function ExecutionBreadcrumb({ arn, children }: { arn: string; children: ReactNode }) {
  const fn = parseDurableExecutionArn(arn)?.functionName;
  return (
    <nav className="text-sm text-zinc-500">
      <Link href="/" className="hover:underline">
        Functions
      </Link>
      {fn ? (
        <>
          {" / "}
          <Link href={functionPath(fn)} className="font-mono hover:underline">
            {fn}
          </Link>
        </>
      ) : null}
      {children}
    </nav>
  );
}
