import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckView } from "@/components/check/CheckView";
import { durableFunctionPresence } from "@/lib/function-lookup";
import { decodeSegment, functionPath } from "@/lib/segments";

type Params = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Check ${decodeSegment((await params).name)} against code · Durable Lens` };
}

export default async function CheckPage({ params }: Params) {
  const name = decodeSegment((await params).name);
  // An unknown function gets a not-found page, not a list and actions that can only fail.
  if ((await durableFunctionPresence(name)) === "absent") notFound();
  return (
    <div className="space-y-4">
      <nav className="text-sm text-zinc-500" aria-label="Breadcrumb">
        <Link href="/" className="hover:underline">
          Functions
        </Link>{" "}
        /{" "}
        <Link href={functionPath(name)} className="font-mono hover:underline">
          {name}
        </Link>{" "}
        / check
      </nav>
      <div>
        <h1 className="text-xl font-semibold tracking-tight">
          Check running executions of <span className="break-all font-mono">{name}</span> against code
        </h1>
        <p className="max-w-3xl text-sm text-zinc-600">
          Each running execution&apos;s recorded history is replayed against the code in your browser, checkpoint by checkpoint; steps are answered
          from the record and never run. Where the code asks for an operation the history did not record, the execution diverges: deployed, this
          code would fail it on its next replay.
        </p>
      </div>
      <CheckView functionName={name} />
    </div>
  );
}
