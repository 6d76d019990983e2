import { idParams, methodsNotAllowed, route } from "@/lib/http/route";
import { analyzeImageRequest } from "@/lib/media/images/schemas";
import { requestImageAnalysis } from "@/lib/media/images/vision";
import { jobStartedView } from "@/lib/jobs/schemas";

export const POST = route(
  {
    auth: "user",
    params: idParams,
    summary: "Ask a vision-capable model about my image: 202 with a job to poll",
    body: analyzeImageRequest,
    response: { status: 202, schema: jobStartedView },
  },
  async ({ principal, params, body }) => {
    const { jobId } = await requestImageAnalysis({ userId: principal.userId, imageId: params.id, ...body });
    return Response.json({ jobId, status: "queued" }, { status: 202 });
  },
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["POST"]);
