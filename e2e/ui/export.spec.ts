// Export in a real browser: a conversation as Markdown from the sidebar menu (a download whose
// content is checked), and a project as a ZIP job with progress and a download link.
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { newConversation } from "../fixtures/api-account";
import { expect, test } from "../fixtures/auth";
import { resetStub } from "../fixtures/stub";

test.beforeEach(async () => {
  await resetStub();
});

test("export a conversation as Markdown from its menu, and a project as a ZIP", async ({ page, auth }) => {
  await auth.signUpAndIn("export");
  const conversationId = await newConversation(page.request, "tell me about the markhor of Chitral", "Markhor notes");
  await page.reload();

  const item = page.getByTestId("sidebar").getByTestId("conversation-item").filter({ hasText: "Markhor notes" }).first();
  await item.hover();
  await item.getByTestId("conversation-menu-button").click();
  await page.getByTestId("conversation-menu").getByTestId("menu-export").click();
  const dialog = page.getByTestId("export-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("export-format-md").check();
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByTestId("export-submit").click()]);
  expect(download.suggestedFilename()).toBe("Markhor-notes.md");
  const markdown = await readFile((await download.path())!, "utf8");
  expect(markdown.startsWith("# Markhor notes\n")).toBe(true);
  expect(markdown).toMatch(/### You · \d{4}-\d\d-\d\d \d\d:\d\d UTC\n\ntell me about the markhor of Chitral/);
  // The stub's reply, with the model that wrote it.
  const view = await (await page.request.get(`/api/v1/chat/${conversationId}`)).json();
  const reply = view.messages.at(-1);
  expect(markdown).toContain(`### Assistant (${reply.modelId}) · `);
  expect(markdown).toContain(reply.content);
  await expect(dialog).toBeHidden();

  // The production build renders PDFs too (react-pdf and the Noto fonts load from node_modules).
  const pdf = await page.request.post("/api/v1/export", { data: { conversationId, format: "pdf" } });
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // A project: a job with progress, then a link to its ZIP.
  const project = await (await page.request.post("/api/v1/projects", { data: { name: "Mountains" } })).json();
  expect((await page.request.patch(`/api/v1/conversations/${conversationId}`, { data: { projectId: project.project.id } })).status()).toBe(200);
  await page.goto(`/projects/${project.project.id}`);
  await page.getByTestId("project-export").click();
  await page.getByTestId("export-format-json").check();
  await page.getByTestId("export-submit").click();
  const link = page.getByTestId("export-download");
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [zip] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const files = unzipSync(new Uint8Array(await readFile((await zip.path())!)));
  expect(Object.keys(files).sort()).toEqual(["conversations/Markhor-notes.json", "conversations/Markhor-notes.md", "index.md"]);
  expect(strFromU8(files["index.md"]!)).toContain("[Markhor notes](conversations/Markhor-notes.md)");
});
