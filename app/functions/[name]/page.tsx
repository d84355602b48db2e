import Link from "next/link";
import { Suspense } from "react";
import { ExecutionsView } from "@/components/executions/ExecutionsView";
import { Loading } from "@/components/ui/Loading";
import { decodeSegment } from "@/lib/segments";

export default async function FunctionPage({ params }: { params: Promise<{ name: string }> }) {
  const name = decodeSegment((await params).name);
  return (
    <div className="space-y-4">
      <nav className="text-sm text-zinc-500">
        <Link href="/" className="hover:underline">
          Functions
        </Link>{" "}
        / <span className="font-mono text-zinc-800">{name}</span>
      </nav>
      <h1 className="font-mono text-xl font-semibold tracking-tight">{name}</h1>
      {/* The view reads its filter from the URL, which needs a Suspense boundary. */}
      <Suspense fallback={<Loading label="Loading executions…" />}>
        <ExecutionsView functionName={name} />
      </Suspense>
    </div>
  );
}
