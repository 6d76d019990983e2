// The media page: an image upload read by OCR with visible progress, refusals by real file type,
// and an audio file transcribed (by the stub provider's Whisper endpoint) then summarised.
import sharp from "sharp";
import { expect, test } from "../fixtures/auth";
import { resetStub } from "../fixtures/stub";

// Another spec may have left scripted failures in the shared stub provider.
test.beforeEach(async () => {
  await resetStub();
});

async function textPng(text: string): Promise<Buffer> {
  const glyphs = await sharp({ text: { text: `<span foreground="black">${text}</span>`, font: "sans 36", dpi: 144, rgba: true } })
    .png()
    .toBuffer({ resolveWithObject: true });
  return sharp({ create: { width: glyphs.info.width + 80, height: glyphs.info.height + 80, channels: 3, background: "#ffffff" } })
    .composite([{ input: glyphs.data, left: 40, top: 40 }])
    .png()
    .toBuffer();
}

function silentWav(seconds: number): Buffer {
  const data = Buffer.alloc(seconds * 32_000);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVEfmt ", 8, "latin1");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "latin1");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

test.describe("media page", () => {
  test("uploads an image, shows OCR progress and the text read from it", async ({ page, auth }) => {
    await auth.signUpAndIn("media-ocr");
    await page.goto("/media");
    await page.getByTestId("image-file").setInputFiles({ name: "note.png", mimeType: "image/png", buffer: await textPng("Hello BaatCheet 2026") });
    await page.getByTestId("image-upload").click();
    await expect(page.getByTestId("image-uploaded")).toBeVisible();
    await expect(page.getByRole("img", { name: "note.png" })).toBeVisible();

    await page.getByTestId("ocr-language-select").selectOption("eng");
    const polled = page.waitForResponse((response) => /\/api\/v1\/jobs\//.test(response.url()) && response.ok());
    await page.getByTestId("ocr-start").click();
    await expect(page.getByTestId("ocr-progress")).toBeVisible();
    expect(["queued", "running", "done"]).toContain((await (await polled).json()).status);
    await expect(page.getByTestId("ocr-text")).toHaveText("Hello BaatCheet 2026", { timeout: 30_000 });
    await expect(page.getByTestId("ocr-language")).toHaveText("eng");
  });

  test("refuses a program named .png, by what the file really is", async ({ page, auth }) => {
    await auth.signUpAndIn("media-415");
    await page.goto("/media");
    const program = Buffer.alloc(512);
    program.write("MZ", 0, "latin1");
    program.writeUInt32LE(0x80, 0x3c);
    program.write("PE\0\0", 0x80, "latin1");
    await page.getByTestId("image-file").setInputFiles({ name: "cat.png", mimeType: "image/png", buffer: program });
    await page.getByTestId("image-upload").click();
    await expect(page.getByTestId("form-error")).toContainText("whatever its name says");
    await expect(page.getByTestId("image-uploaded")).toHaveCount(0);
  });

  test("transcribes an audio file and summarises the transcript", async ({ page, auth }) => {
    await auth.signUpAndIn("media-audio");
    await page.goto("/media");
    await page.getByTestId("audio-file").setInputFiles({ name: "memo.wav", mimeType: "audio/wav", buffer: silentWav(2) });
    await page.getByTestId("audio-language").selectOption("ur");
    await page.getByTestId("audio-transcribe").click();
    await expect(page.getByTestId("audio-transcript")).toHaveText("Transcript of audio.wav.", { timeout: 30_000 });

    await page.getByTestId("audio-analyze-summary").click();
    await expect(page.getByTestId("audio-analysis-summary-done")).toContainText("Transcript of audio.wav.", { timeout: 30_000 });
  });
});
