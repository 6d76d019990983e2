import { uploadImage, imageLimits } from "@/lib/media/images";
import { imageResponse } from "@/lib/media/schemas";
import { readUpload } from "@/lib/media/upload";
import { multipart, route } from "@/lib/http/route";

export const POST = route(
  {
    auth: "user",
    summary: "Upload an image or PDF (multipart field `file`)",
    body: multipart(),
    response: { status: 201, schema: imageResponse },
  },
  async ({ req, principal }) => {
    const file = await readUpload(req, { maxBytes: imageLimits().maxBytes });
    return Response.json({ image: await uploadImage({ userId: principal.userId, file }) }, { status: 201 });
  },
);
