// Workspaces in two real browsers: one person creates a workspace, shares a project and invites
// a second person by email; the second opens the mailed link (from the dev outbox), joins, and
// both see the shared project, while a private project stays its creator's.
import type { Page } from "@playwright/test";
import { AuthPages, expect, test } from "../fixtures/auth";

async function createProject(page: Page, name: string, shared: boolean) {
  await page.goto("/projects");
  await page.getByTestId("project-new").click();
  await page.getByLabel("Name").fill(name);
  if (shared) await page.getByTestId("project-shared").check();
  await page.getByTestId("project-save").click();
  await expect(page.getByTestId("project-title")).toContainText(name);
}

/** The invite link mailed to `email`, read from the dev outbox as the invited person would read their mail. */
async function invitePathFromOutbox(page: Page, email: string): Promise<string> {
  await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
  const text = await page.getByTestId("outbox-mail-text").first().innerText();
  const path = text.match(/\/invite\/[A-Za-z0-9_-]+/)?.[0];
  expect(path, `an invite link in: ${text}`).toBeTruthy();
  return path!;
}

const switcher = (page: Page) => page.getByTestId("workspace-switcher");
const projectCards = (page: Page) => page.getByTestId("project-card");

test("create a workspace, invite a second person, and both see the shared project", async ({ page, auth, browser }) => {
  await auth.signUpAndIn("ws-owner");

  // A second person in a second browser, at another address.
  const otherContext = await browser.newContext();
  await otherContext.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.251" });
  const otherPage = await otherContext.newPage();
  const other = new AuthPages(otherPage);
  const otherEmail = await other.signUpAndIn("ws-guest");

  // The owner creates a workspace: the switcher moves to it, and it starts empty.
  await page.goto("/workspaces");
  await page.getByLabel("New workspace").fill("Research team");
  await page.getByTestId("workspace-create").click();
  await expect(switcher(page).locator("option:checked")).toHaveText("Research team");
  await expect(page.getByTestId("workspace-settings")).toContainText("you are owner");

  await createProject(page, "Field notes", true);
  await createProject(page, "My drafts", false);

  await page.goto("/workspaces");
  await page.getByLabel("Email").fill(otherEmail);
  await page.getByTestId("invite-send").click();
  await expect(page.getByTestId("invite-sent")).toContainText(otherEmail);
  await expect(page.getByTestId("invite-list")).toContainText("pending");

  // The guest follows the mailed link, joins, and lands on the workspace's projects.
  await otherPage.goto(await invitePathFromOutbox(otherPage, otherEmail));
  await expect(otherPage.getByTestId("invite-card")).toContainText("Research team");
  await otherPage.getByTestId("invite-accept").click();
  await expect(otherPage).toHaveURL(/\/projects$/);
  await expect(switcher(otherPage).locator("option:checked")).toHaveText("Research team");
  await expect(projectCards(otherPage)).toHaveCount(1);
  await expect(projectCards(otherPage)).toContainText("Field notes");
  await expect(projectCards(otherPage)).toContainText("Shared");

  // The owner sees both projects, and the guest among the members.
  await page.goto("/projects");
  await expect(projectCards(page)).toHaveCount(2);
  await expect(projectCards(page).filter({ hasText: "Field notes" })).toBeVisible();
  await page.goto("/workspaces");
  await expect(page.getByTestId("workspace-members")).toContainText(otherEmail);

  // Back in the guest's personal workspace, the team's project is not there.
  await switcher(otherPage).selectOption({ label: "Personal (just me)" });
  await expect(otherPage).toHaveURL(/\/chat/);
  await otherPage.goto("/projects");
  await expect(otherPage.getByTestId("projects-empty")).toBeVisible();
  await otherContext.close();
});
