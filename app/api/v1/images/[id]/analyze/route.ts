import { idParams, parseJson, route } from "@/lib/http/route";
import { analyzeImageRequest } from "@/lib/media/images/schemas";
import { requestImageAnalysis } from "@/lib/media/images/vision";

// POST /api/v1/images/:id/analyze — ask a vision-capable model about my image: 202 with a job to poll
export const POST = route({ auth: "user", params: idParams }, async ({ req, principal, params }) => {
  const input = await parseJson(req, analyzeImageRequest);
  const { jobId } = await requestImageAnalysis({ userId: principal.userId, imageId: params.id, ...input });
  return Response.json({ jobId, status: "queued" }, { status: 202 });
});
