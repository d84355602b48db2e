"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { ErrorBox } from "@/components/ui/ErrorBox";
import { decodeSegment } from "@/lib/segments";

/** What /functions/<name> shows for a name the target has no durable function by: no list, no actions. */
export default function FunctionNotFound() {
  // A not-found page gets no params; the name is the path segment after /functions/.
  const name = decodeSegment(usePathname().split("/")[2] ?? "");
  return (
    <div data-testid="function-not-found">
      <ErrorBox
        title="No such durable function"
        code="NotFound"
        message={`The target has no durable function named “${name}”. It may have been deleted, or the name is misspelt.`}
      >
        <Link href="/" className="text-sm text-sky-700 underline">
          See the durable functions
        </Link>
      </ErrorBox>
    </div>
  );
}
