import Link from "next/link";
import { ErrorBox } from "@/components/ui/ErrorBox";

export default function NotFound() {
  return (
    <ErrorBox title="Page not found" message="There is nothing at this address.">
      <Link href="/" className="text-sm text-sky-700 underline">
        Back to the functions
      </Link>
    </ErrorBox>
  );
}
