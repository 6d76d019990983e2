import type { Metadata } from "next";
import { Suspense } from "react";
import { ProjectsPage } from "@/components/projects/projects-page";

export const metadata: Metadata = { title: "Projects" };

export default function Page() {
  // useSearchParams (the ?new=1 shortcut) needs a Suspense boundary for static rendering.
  return (
    <Suspense>
      <ProjectsPage />
    </Suspense>
  );
}
