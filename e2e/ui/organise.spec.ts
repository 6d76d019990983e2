// Organising conversations in a real browser: projects, move, pin, tags, archive, delete with
// undo, and the Ctrl/Cmd+K search palette. Conversations are made through the chat API (the
// app's providers point at the stub server), then renamed so the spec knows their titles.
import type { Page } from "@playwright/test";
import { newConversation } from "../fixtures/api-account";
import { expect, test } from "../fixtures/auth";
import { resetStub } from "../fixtures/stub";

test.beforeEach(async () => {
  await resetStub();
});

const sidebar = (page: Page) => page.getByTestId("sidebar");
const row = (page: Page, title: string) => sidebar(page).getByTestId("conversation-item").filter({ hasText: title });

async function openMenu(page: Page, title: string) {
  const item = row(page, title).first();
  await item.hover();
  await item.getByTestId("conversation-menu-button").click();
  return page.getByTestId("conversation-menu");
}

test("create a project, move a chat into it, pin, tag, archive, delete with undo, search and open a result", async ({ page, auth }) => {
  await auth.signUpAndIn("organise");
  const quokkaId = await newConversation(page.request, "tell me quokka facts from Rottnest island", "Quokka facts");
  await newConversation(page.request, "plan a weekend in Lahore", "Weekend plans");
  await newConversation(page.request, "a throwaway question", "Scratch pad");
  await page.reload();
  await expect(sidebar(page).getByTestId("sidebar-group-today")).toContainText("Quokka facts");

  // A project, from the projects page.
  await page.goto("/projects");
  await expect(page.getByTestId("projects-empty")).toBeVisible();
  await page.getByTestId("project-new").click();
  await page.getByLabel("Name").fill("Wildlife");
  await page.getByTestId("project-instructions").fill("Answer like a field guide.");
  await page.getByTestId("project-save").click();
  await expect(page.getByTestId("project-title")).toContainText("Wildlife");

  // Move into the project: it leaves the date groups and shows in the project's section.
  const menu = await openMenu(page, "Quokka facts");
  await menu.getByTestId("menu-move").click();
  await menu.getByTestId("move-target").filter({ hasText: "Wildlife" }).click();
  await expect(sidebar(page).getByTestId("sidebar-group-today")).not.toContainText("Quokka facts");
  const section = sidebar(page).getByTestId("project-section").filter({ hasText: "Wildlife" });
  await section.getByRole("button", { name: /Wildlife/ }).click();
  await expect(section.getByTestId("conversation-link")).toHaveText(/Quokka facts/);
  await expect(page.getByTestId("project-chats")).toContainText("Quokka facts");

  // The menu is keyboard-driven: focus lands on its first item, arrows move, Escape closes.
  await openMenu(page, "Scratch pad");
  await expect(page.getByTestId("menu-rename")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("menu-pin")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("conversation-menu")).toBeHidden();

  // Pin.
  await (await openMenu(page, "Weekend plans")).getByTestId("menu-pin").click();
  await expect(sidebar(page).getByTestId("sidebar-group-pinned")).toContainText("Weekend plans");

  // Tag.
  const tagMenu = await openMenu(page, "Weekend plans");
  await tagMenu.getByTestId("menu-tags").click();
  await tagMenu.getByTestId("tag-input").fill("Travel");
  await tagMenu.getByTestId("tag-input").press("Enter");
  await expect(tagMenu.getByTestId("tag-chip")).toHaveText(/travel/);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(row(page, "Weekend plans").getByTestId("conversation-tags")).toContainText("#travel");

  // Archive: gone from the lists, listed under Archived.
  await (await openMenu(page, "Weekend plans")).getByTestId("menu-archive").click();
  await expect(sidebar(page).getByTestId("sidebar-group-pinned")).toHaveCount(0);
  await sidebar(page).getByTestId("sidebar-archived").getByRole("button", { name: "Archived" }).click();
  await expect(sidebar(page).getByTestId("sidebar-archived")).toContainText("Weekend plans");

  // Delete, then undo within the toast's 10 seconds.
  await (await openMenu(page, "Scratch pad")).getByTestId("menu-delete").click();
  await expect(page.getByTestId("undo-toast")).toBeVisible();
  await expect(sidebar(page).getByTestId("conversation-item").filter({ hasText: "Scratch pad" })).toHaveCount(0);
  await page.getByTestId("undo-button").click();
  await expect(sidebar(page).getByTestId("sidebar-group-today")).toContainText("Scratch pad");

  // Search: the palette finds words in messages, with operators too, and opens the result.
  await page.keyboard.press("Control+k");
  const palette = page.getByTestId("search-palette");
  await expect(palette).toBeVisible();
  await page.getByTestId("search-input").fill("tag:travel");
  await expect(palette.getByTestId("search-result")).toHaveCount(1);
  await expect(palette.getByTestId("search-result")).toContainText("Weekend plans");
  await page.getByTestId("search-input").fill("quokkas rottnest");
  const hit = palette.getByTestId("search-result").first();
  await expect(hit).toContainText("Quokka facts");
  await expect(hit.getByTestId("search-snippet").locator("mark").first()).toHaveText(/quokka/i);
  await page.getByTestId("search-input").press("ArrowDown");
  await page.getByTestId("search-input").press("Enter");
  await expect(page).toHaveURL(new RegExp(`/chat/${quokkaId}$`));
  await expect(palette).toBeHidden();
  await expect(section.getByTestId("conversation-link")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("message-user").first()).toContainText("quokka facts");
});
