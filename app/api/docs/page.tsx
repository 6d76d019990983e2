import type { Metadata } from "next";
import { ApiReference } from "@/components/api-docs/api-reference";
import { openApiDocument } from "./api-routes";

export const metadata: Metadata = { title: "API reference" };

// The document only changes with a new build.
export const dynamic = "force-static";

export default function ApiDocsPage() {
  return <ApiReference document={openApiDocument()} />;
}
