import type { Metadata } from "next";
import { WorkspacesPage } from "@/components/workspaces/workspaces-page";
import { requireUser } from "@/lib/auth/page";
import { pageWorkspace } from "@/lib/workspaces/page";

export const metadata: Metadata = { title: "Workspaces" };

export default async function Page() {
  const user = await requireUser();
  const workspace = await pageWorkspace(user.userId);
  return <WorkspacesPage currentId={workspace.workspaceId} />;
}
