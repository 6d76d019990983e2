import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/page";
import { AppShell } from "@/components/shell/app-shell";
import { pageWorkspace } from "@/lib/workspaces/page";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const workspace = await pageWorkspace(user.userId);
  return (
    <AppShell email={user.email} workspaceId={workspace.workspaceId}>
      {children}
    </AppShell>
  );
}
