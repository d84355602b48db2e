import { expect, type Locator } from "@playwright/test";

/**
 * Closes an open group node. The view may still be gliding to its first fit when the page has
 * just loaded, and a click aimed while it moves lands beside the button: click again until the
 * group says it is closed, never twice on a closed one.
 *
 * @example await closeGroup(graphNode(page, "reserve-inventory"));
 */
export async function closeGroup(group: Locator): Promise<void> {
  await expect(async () => {
    const toggle = group.getByTestId("group-toggle");
    if ((await toggle.getAttribute("aria-label")) === "Collapse") await toggle.click();
    await expect(group).toHaveAttribute("data-collapsed", "true", { timeout: 2_000 });
  }).toPass();
}
