import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
const base = "http://localhost:3917";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
for (const [who, width] of [["jonas", 1280], ["jonas", 375], ["priya", 375]] as const) {
  const context = await browser.newContext({ viewport: { width, height: 900 } }); const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(`${who}@demo.sidecar`);
  await page.getByLabel("Password").fill(process.env.PW ?? "");
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((u) => !u.pathname.includes("sign-in"), { timeout: 60000 });
  if (who === "jonas") {
    const programs = await page.evaluate(async () => (await (await fetch("/api/programs")).json()));
    const prog = await page.evaluate(async (id) => (await (await fetch(`/api/programs/${id}`)).json()), programs.administered[0].id);
    await page.goto(`${base}/programs/cohorts/${prog.cohorts[0].id}`);
    await page.waitForTimeout(8000); await page.screenshot({ path: `/tmp/shots/demo-cohort-${width}.png`, fullPage: true });
    await page.getByText("Matches made").first().waitFor({ timeout: 60000 });
    await page.getByRole("figure", { name: /per week/ }).waitFor({ timeout: 60000 });
    await page.waitForTimeout(1500);
    await page.locator("#health").screenshot({ path: `/tmp/shots/demo-health-${width}.png` });
  } else {
    await page.goto(`${base}/programs/mine`);
    await page.getByText("Why you were matched:").waitFor({ timeout: 60000 });
    await page.screenshot({ path: `/tmp/shots/demo-priya-${width}.png`, fullPage: true });
  }
  const axe = await new AxeBuilder({ page }).analyze();
  console.log(who, width, "axe serious:", axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id));
  await page.close();
}
await browser.close();
