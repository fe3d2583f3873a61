/**
 * `npx tsx scripts/lobbyBytes.ts [url]`: what a browser downloads to show the lobby. Opens the
 * page (default http://127.0.0.1:2567/, a running `npm start`) in a fresh Chromium, waits for
 * the lobby's Quick play button and for the network to settle, and prints every response:
 * body bytes (as served) and bytes transferred (headers included), with the scripts' total.
 */
import type { Request } from "playwright-core";
import { launchChromium } from "../test/support/browser";

interface Fetched {
  url: string;
  type: string;
  body: number;
  transferred: number;
}

async function main(): Promise<void> {
  const url = process.argv[2] ?? "http://127.0.0.1:2567/";
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    const requests: Request[] = [];
    page.on("requestfinished", (request) => requests.push(request));
    await page.goto(url);
    await page.getByTestId("quick-play").waitFor({ timeout: 30_000 });
    // Anything the lobby fetches right after showing counts too (a preload, a late chunk).
    await page.waitForLoadState("networkidle");
    const fetched: Fetched[] = await Promise.all(
      requests.map(async (request) => {
        const sizes = await request.sizes();
        return {
          url: new URL(request.url()).pathname,
          type: request.resourceType(),
          body: sizes.responseBodySize,
          transferred: sizes.responseBodySize + sizes.responseHeadersSize,
        };
      }),
    );
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`.padStart(11);
    for (const entry of fetched) console.log(`${entry.type.padEnd(10)} ${kb(entry.body)} ${kb(entry.transferred)}  ${entry.url}`);
    const scripts = fetched.filter((entry) => entry.type === "script");
    const sum = (entries: Fetched[], key: "body" | "transferred") => entries.reduce((total, entry) => total + entry[key], 0);
    console.log(`scripts: ${scripts.length}, ${sum(scripts, "body")} bytes of body, ${sum(scripts, "transferred")} transferred`);
    console.log(`all:     ${fetched.length}, ${sum(fetched, "body")} bytes of body, ${sum(fetched, "transferred")} transferred`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
