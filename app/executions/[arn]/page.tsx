import { ExecutionView } from "@/components/execution/ExecutionView";
import { decodeSegment } from "@/lib/segments";

export default async function ExecutionPage({ params }: { params: Promise<{ arn: string }> }) {
  const arn = decodeSegment((await params).arn);
  return <ExecutionView arn={arn} />;
}
