import { SimulateExecutionView } from "@/components/simulator/SimulateExecutionView";
import { decodeSegment } from "@/lib/segments";

export default async function SimulateExecutionPage({ params }: { params: Promise<{ arn: string }> }) {
  const arn = decodeSegment((await params).arn);
  return <SimulateExecutionView arn={arn} />;
}
