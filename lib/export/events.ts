import { z } from "zod";
import { defineJobEvent } from "@/lib/jobs/events";
import { exportFormat } from "./schemas";

export const exportRequested = defineJobEvent("export/zip.requested", {
  workspaceId: z.string().min(1),
  projectId: z.string().min(1).nullable().describe("null: every conversation the user may read in the workspace"),
  format: exportFormat,
  branches: z.enum(["active", "all"]),
});
