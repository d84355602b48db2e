import Link from "next/link";
import { ErrorBox } from "@/components/ui/ErrorBox";

/** What /functions/<name> shows for a name the target has no durable function by: no list, no actions. */
export default function FunctionNotFound() {
  return (
    <div data-testid="function-not-found">
      <ErrorBox title="No such durable function" message="The target has no durable function by this name. It may have been deleted, or the name is misspelt.">
        <Link href="/" className="text-sm text-sky-700 underline">
          See the durable functions
        </Link>
      </ErrorBox>
    </div>
  );
}
