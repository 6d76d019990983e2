import { uploadImage, imageLimits } from "@/lib/media/images/service";
import { readUpload } from "@/lib/media/uploads/read-upload";
import { route } from "@/lib/http/route";

// POST /api/v1/images/upload — upload an image or PDF (multipart field `file`)
export const POST = route({ auth: "user" }, async ({ req, principal }) => {
  const file = await readUpload(req, { maxBytes: imageLimits().maxBytes });
  return Response.json(await uploadImage({ userId: principal.userId, file }), { status: 201 });
});
