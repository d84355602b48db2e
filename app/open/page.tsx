import type { Metadata } from "next";
import { OpenHistory } from "./OpenHistory";

export const metadata: Metadata = { title: "Open a history file · Durable Lens" };

/** Shows an execution from a history file, read in the browser: nothing is sent to the server. */
export default function OpenPage() {
  return <OpenHistory />;
}
