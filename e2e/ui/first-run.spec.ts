// What a new person meets first: the empty chat with suggestions, and on a server with no AI
// provider yet, a page that says what to set instead of a dead end.
import { AuthPages, expect, test } from "../fixtures/auth";
import { startExtraServer, type ExtraServer } from "../fixtures/extra-server";
import { resetStub } from "../fixtures/stub";

test.afterEach(async () => {
  await resetStub();
});

test("a suggestion card sends at once", async ({ page, auth }) => {
  await auth.signUpAndIn("suggestion");
  const suggestion = "Draft a polite email asking to move a meeting to next week";
  await page.getByRole("button", { name: suggestion }).click();
  await expect(page.getByTestId("message-user").last()).toContainText(suggestion);
  await expect(page.getByTestId("message-assistant").last()).toContainText(`Echo: ${suggestion}`);
  await expect(page.getByTestId("chat-input")).toHaveValue("");
});

test.describe("on a server with no AI provider", () => {
  let server: ExtraServer | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // The runner's environment names no provider: only the suite's server is given the stub.
    server = await startExtraServer({ portOffset: 9, dataDir: ".data/e2e-no-provider" });
  });
  test.afterAll(() => server?.dispose());

  test("the chat page says how to connect one, ready to copy, and checks again", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: server!.url });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server!.url });
    const page = await context.newPage();
    await new AuthPages(page).signUpAndIn("no-provider");

    const panel = page.getByTestId("no-provider");
    await expect(panel).toContainText("Connect an AI provider");
    await expect(panel).toContainText("OPENAI_COMPATIBLE_BASE_URL=http://localhost:11434/v1");
    await page.getByRole("button", { name: "Copy the Groq (free tier, fast) settings" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("GROQ_API_KEY=gsk_your_key");
    await expect(page.getByTestId("chat-input")).toBeDisabled();
    await expect(page.getByTestId("chat-send")).toBeDisabled();
    await expect(page.locator("#chat-composer-note")).toContainText("Connect an AI provider first");

    await page.getByTestId("no-provider-check").click();
    await expect(panel.getByRole("status")).toContainText("Still no provider configured");
    await context.close();
  });
});
