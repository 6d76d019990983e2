// axe-core on every main page, signed out and in, light and dark: no critical or serious
// violation may appear. A failure lists each rule with the elements it found.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/auth";
import { resetStub, scriptStub } from "../fixtures/stub";

/** A reply that exercises the markdown renderer: a code block, a table and a task list. */
const RICH_REPLY = [
  "Here is the plan.",
  "",
  "```python",
  "def dedupe(items):",
  "    # keep the first of each",
  "    return list(dict.fromkeys(items))",
  "```",
  "",
  "| Option | Cost | Speed |",
  "| --- | --- | --- |",
  "| Remote | low | fast |",
  "| Office | high | slow |",
  "",
  "- [x] Write the function",
  "- [ ] Add tests",
  "",
  "See [the docs](https://example.com) and `inline code`.",
].join("\n");

const SCHEMES = ["light", "dark"] as const;

/** Runs axe on the page as it is now; returns the critical and serious violations, readable. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}, ${violation.nodes.length} nodes): ${violation.help}\n` +
        violation.nodes
          .slice(0, 5)
          .map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.split("\n").slice(1).join(" ")}`)
          .join("\n"),
    );
}

async function expectAccessible(page: Page, what: string) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    // The theme script follows the system setting, so the class flips without a reload.
    await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    expect(await seriousViolations(page), `${what} in ${scheme} mode`).toEqual([]);
  }
}

test.beforeEach(async () => {
  await resetStub();
});
test.afterEach(async () => {
  await resetStub();
});

test("signed-out pages: sign-in and registration", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByTestId("login-email")).toBeVisible();
  await expectAccessible(page, "/login");

  await page.goto("/register");
  await expect(page.getByTestId("register-email")).toBeVisible();
  await expectAccessible(page, "/register");
});

test("chat: empty, then with a reply holding code, a table and a task list", async ({ page, auth }) => {
  await auth.signUpAndIn("axe-chat");
  await expect(page.getByTestId("chat-empty")).toBeVisible();
  await expect(page.getByTestId("chat-input")).toBeEnabled();
  await expectAccessible(page, "/chat (empty)");

  await scriptStub([{ kind: "ok", reply: RICH_REPLY }]);
  await page.getByTestId("chat-input").fill("plan please");
  await page.getByTestId("chat-input").press("Enter");
  const reply = page.getByTestId("message-assistant").last();
  await expect(reply.locator("table")).toBeVisible();
  await expect(reply.locator("pre")).toBeVisible();
  await expect(reply.locator("input[type=checkbox]")).toHaveCount(2);
  await expect(page).toHaveURL(/\/chat\/[a-z0-9]+$/);
  await expect(page.getByTestId("message-route")).toBeVisible();
  await expectAccessible(page, "/chat/<id> with a rich reply");
});

test("signed-in pages: projects, a project, media, settings, API keys and workspaces", async ({ page, auth }) => {
  await auth.signUpAndIn("axe-pages");
  const created = await page.request.post("/api/v1/projects", { data: { name: "Field notes", instructions: "Be brief." } });
  expect(created.status()).toBe(201);
  const { project } = await created.json();
  for (const path of ["/projects", `/projects/${project.id}`, "/media", "/settings", "/settings/api-keys", "/workspaces"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page, path);
  }
});

test("the API reference", async ({ page }) => {
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: "BaatCheet API" })).toBeVisible();
  await expectAccessible(page, "/api/docs");
});
