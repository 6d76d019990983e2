// Server components: the workspace the switcher remembered (its cookie), else the personal one.
import "server-only";
import { cookies } from "next/headers";
import { resolveWorkspace, WORKSPACE_COOKIE, type WorkspaceScope } from "./current";

export async function pageWorkspace(userId: string): Promise<WorkspaceScope> {
  const remembered = (await cookies()).get(WORKSPACE_COOKIE)?.value ?? null;
  return resolveWorkspace({ userId, remembered });
}
