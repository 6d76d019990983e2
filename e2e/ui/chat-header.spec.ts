// The chat header and the browser tab: the conversation's title, its project (linked), and which
// instructions the model gets before each message.
import { expect, test } from "../fixtures/auth";
import { resetStub } from "../fixtures/stub";

test.beforeEach(async () => {
  await resetStub();
});

test("the tab title is the conversation's title, from the first reply and after a reload", async ({ page, auth }) => {
  await auth.signUpAndIn("tab-title");
  await expect(page).toHaveTitle("New chat · BaatCheet");
  await page.getByTestId("chat-input").fill("name this tab please");
  await page.getByTestId("chat-input").press("Enter");
  await expect(page.getByTestId("message-assistant").last()).toContainText("Echo: name this tab please");
  await expect(page).toHaveURL(/\/chat\/[a-z0-9]+$/);
  await expect(page.getByTestId("chat-title")).not.toHaveText("New chat");
  await expect(page).toHaveTitle(`${(await page.getByTestId("chat-title").innerText()).trim()} · BaatCheet`);

  // The title as stored (the model's may land a moment after the reply) is the tab's after a reload.
  const id = new URL(page.url()).pathname.split("/").at(-1)!;
  let stored = "";
  await expect
    .poll(async () => {
      stored = (await (await page.request.get(`/api/v1/conversations/${id}`)).json()).conversation.title;
      return stored;
    })
    .not.toBe("New chat");
  await page.reload();
  await expect(page.getByTestId("chat-title")).toHaveText(stored);
  await expect(page).toHaveTitle(`${stored} · BaatCheet`);
});

test("the header links the project and says when project instructions or a system prompt apply", async ({ page, auth }) => {
  await auth.signUpAndIn("chat-header");
  const created = await page.request.post("/api/v1/projects", {
    data: { name: "Hiking club", emoji: "🥾", instructions: "Answer like a mountain guide." },
  });
  expect(created.status()).toBe(201);
  const { project } = await created.json();
  const conversation = await page.request.post("/api/v1/conversations", { data: { title: "Trip to Hunza", projectId: project.id } });
  expect(conversation.status()).toBe(201);
  const { conversation: chat } = await conversation.json();

  await page.goto(`/chat/${chat.id}`);
  await expect(page).toHaveTitle("Trip to Hunza · BaatCheet");
  const projectLink = page.getByTestId("chat-project");
  await expect(projectLink).toHaveText(/Hiking club/);
  await expect(projectLink).toHaveAttribute("href", `/projects/${project.id}`);
  await expect(page.getByTestId("chat-instructions")).toHaveText("Project instructions on");

  // A system prompt of the conversation's own joins them.
  await page.getByTestId("chat-settings").click();
  await page.getByTestId("system-prompt").fill("Keep it short.");
  await page.getByTestId("chat-settings-save").click();
  await expect(page.getByTestId("chat-instructions")).toHaveText("Project instructions + system prompt on");
  await page.reload();
  await expect(page.getByTestId("chat-instructions")).toHaveText("Project instructions + system prompt on");

  await projectLink.click();
  await expect(page).toHaveURL(`/projects/${project.id}`);
  await expect(page.getByTestId("project-title")).toContainText("Hiking club");

  // A chat outside any project, with no system prompt, shows neither.
  await page.goto("/chat");
  await expect(page.getByTestId("chat-project")).toHaveCount(0);
  await expect(page.getByTestId("chat-instructions")).toHaveCount(0);
});
