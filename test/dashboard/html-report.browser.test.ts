import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pino } from "pino";
import { chromium, type Browser } from "playwright-core";
import { runReportCommand } from "../../src/cli/report-command.js";
import type { SweepCommandIo } from "../../src/cli/sweep-command.js";
import { TestOctokit } from "../helpers/probot.js";
import { dashboardWorld, type DashboardWorld } from "./world.js";

/**
 * `disclosure-desk report --format html` against the stand-in, opened in a real headless Chromium (Debian's
 * `chromium` package, driven by playwright-core through its executablePath): every chart is drawn as an SVG with its
 * data points, and the page logs no error. Skipped, saying so, where no Chromium is installed.
 */

const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (path): path is string => path !== undefined && existsSync(path),
);
if (executablePath === undefined)
  console.warn("HTML report browser test skipped: no chromium binary (apt-get install -y chromium, or set CHROMIUM_PATH)");
const describeWithChromium = executablePath === undefined ? describe.skip : describe;

jest.setTimeout(60_000);

describeWithChromium("the HTML report in a headless browser", () => {
  let browser: Browser;
  let world: DashboardWorld;
  let directory: string;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, args: ["--no-sandbox", "--disable-gpu"] });
    directory = await mkdtemp(join(tmpdir(), "disclosure-desk-report-"));
  });

  afterAll(async () => {
    await browser.close();
    await rm(directory, { recursive: true, force: true });
  });

  async function openPage(html: string) {
    const file = join(directory, `report-${Math.random().toString(36).slice(2)}.html`);
    await writeFile(file, html);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()}`));
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return { page, errors, requests };
  }

  it("draws every chart with its data points, from the report command's own output, without a console error", async () => {
    world = await dashboardWorld();
    world.seedCase("GHSA-aaaa-bbbb-0001", "[GHSA-aaaa-bbbb-0001] Open redirect", "2026-11-25T09:00:00.000Z", {
      state: "needs-info",
      firstResponseAt: "2026-11-26T10:00:00.000Z",
      pause: { since: "2026-11-26T10:00:00.000Z", pausedMs: 0 },
    });
    world.seedCase("GHSA-aaaa-bbbb-0002", "[GHSA-aaaa-bbbb-0002] SQL injection", "2026-11-10T09:00:00.000Z", {
      state: "accepted",
      firstResponseAt: "2026-11-12T09:00:00.000Z",
      triagedAt: "2026-11-12T09:00:00.000Z",
    });
    world.seedCase(
      "GHSA-aaaa-bbbb-0003",
      "[GHSA-aaaa-bbbb-0003] Stored XSS",
      "2026-10-03T09:00:00.000Z",
      {
        state: "published",
        firstResponseAt: "2026-10-04T09:00:00.000Z",
        triagedAt: "2026-10-06T09:00:00.000Z",
        resolvedAt: "2026-10-28T09:00:00.000Z",
        closing: { publishedAt: "2026-11-02T09:00:00.000Z" },
      },
      false,
    );
    const out: string[] = [];
    const err: string[] = [];
    const io: SweepCommandIo = {
      env: {
        APP_ID: "123",
        PRIVATE_KEY: world.github.state.app!.keys.privateKey,
        GHE_HOST: new URL(world.github.url).host,
        GHE_PROTOCOL: "http",
      },
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      readFile: async () => Promise.reject(new Error("no files")),
      now: () => new Date("2026-12-01T09:00:00Z"),
    };
    const code = await runReportCommand(["--format", "html"], io, { Octokit: TestOctokit, log: pino({ level: "silent" }) });
    await world.close();
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const html = out.join("");
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);

    const { page, errors, requests } = await openPage(html);
    const figures = await page.$$eval("figure", (elements) =>
      elements.map((figure) => {
        const svg = figure.querySelector("svg.chart");
        const box = svg?.getBoundingClientRect();
        return {
          caption: figure.querySelector("figcaption")?.textContent ?? "",
          drawn: box !== undefined && box.width > 100 && box.height > 40,
          points: svg ? svg.querySelectorAll(".point").length : 0,
        };
      }),
    );
    expect(figures.map((figure) => figure.caption.replace(/ \(.*\)$/, ""))).toEqual([
      "Cases opened and closed per month",
      "Time to acknowledgement per month",
      "Time to evaluation per month",
      "Time to resolution per month",
      "Promises kept: 6, broken: 0",
    ]);
    for (const figure of figures) {
      expect(figure.drawn).toBe(true);
      expect(figure.points).toBeGreaterThan(0);
    }
    const opened = await page.$$eval('svg.chart rect[data-series="opened"]', (bars) =>
      bars.map((bar) => [bar.getAttribute("data-label"), Number(bar.getAttribute("data-value"))]),
    );
    expect(opened.filter(([, value]) => value !== 0)).toEqual([
      ["2026-10", 1],
      ["2026-11", 2],
    ]);
    const resolution = await page.$$eval('svg.chart[aria-label="resolution"] circle[data-series="median"]', (points) =>
      points.map((point) => Number(point.getAttribute("data-value"))),
    );
    expect(resolution).toEqual([25]);
    expect(requests.filter((url) => !url.startsWith("file:"))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("would see a console error if the page had one (control)", async () => {
    const { page, errors } = await openPage('<!doctype html><html><body><svg class="chart"></svg><img src="missing.png"></body></html>');
    await page.close();
    expect(errors.length).toBeGreaterThan(0);
  });
});
