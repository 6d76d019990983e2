// Exports a project or every readable conversation of a workspace as a ZIP kept for 24 hours.
import { inngest } from "@/lib/jobs/client";
import { failJobOnFailure, unlessClientError } from "@/lib/jobs/function-failure";
import { completeJob, setJobProgress } from "@/lib/jobs/service";
import { exportRequested } from "@/lib/export/events";
import { runExport } from "@/lib/export/service";

export const exportZip = inngest.createFunction(
  { id: "export-zip", name: "Export conversations as a ZIP", triggers: [exportRequested], retries: 2, onFailure: failJobOnFailure },
  async ({ event, step }) => {
    const { jobId, userId, workspaceId, projectId, format, branches } = event.data;
    await step.run("start", () => setJobProgress(jobId, 2));
    const result = await step.run("build-zip", () => unlessClientError(() => runExport({ jobId, userId, workspaceId, projectId, format, branches })));
    await step.run("complete-job", () => completeJob(jobId, result));
    return result;
  },
);
