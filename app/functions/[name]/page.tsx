import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ExecutionsView } from "@/components/executions/ExecutionsView";
import { SkeletonRows } from "@/components/ui/Skeleton";
import { durableFunctionPresence } from "@/lib/function-lookup";
import { decodeSegment } from "@/lib/segments";

type Params = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `${decodeSegment((await params).name)} · Durable Lens` };
}

export default async function FunctionPage({ params }: Params) {
  const name = decodeSegment((await params).name);
  // An unknown function gets a not-found page, not a list and actions that can only fail.
  if ((await durableFunctionPresence(name)) === "absent") notFound();
  return (
    <div className="space-y-4">
      <nav className="text-sm text-zinc-500" aria-label="Breadcrumb">
        <Link href="/" className="hover:underline">
          Functions
        </Link>{" "}
        / <span className="font-mono text-zinc-800">{name}</span>
      </nav>
      <h1 className="break-all font-mono text-xl font-semibold tracking-tight">{name}</h1>
      {/* The view reads its filter from the URL, which needs a Suspense boundary. */}
      <Suspense fallback={<SkeletonRows rows={8} columns={5} label="Loading executions…" />}>
        <ExecutionsView functionName={name} />
      </Suspense>
    </div>
  );
}
