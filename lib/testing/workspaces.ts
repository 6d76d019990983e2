// Rows made directly in tests live in their creator's personal workspace, as the app's own do by default.
import { personalWorkspaceId } from "@/lib/workspaces/personal";

export async function inPersonalWorkspace<T extends { userId: string }>(data: T): Promise<T & { workspaceId: string }> {
  return { ...data, workspaceId: await personalWorkspaceId(data.userId) };
}
