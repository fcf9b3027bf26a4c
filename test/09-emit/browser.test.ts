/**
 * index.html as a reader sees it: opened from disk in headless Chromium
 * (Debian's /usr/bin/chromium, driven by playwright-core). No console error,
 * no page error, no request beyond the report's own files, every chart
 * drawn live by vega-embed, and a screenshot in test-output/report.png.
 * Skipped, with a message, where no Chromium is installed; .ci/run installs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { defaultConfig } from '../../pipeline/config.ts';
import { runCorpus } from '../../pipeline/runner.ts';
import { runInfo } from '../../pipeline/run-info.ts';
import { writeReport } from '../../pipeline/09-emit/index.ts';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM) console.warn('browser test skipped: no chromium binary (apt-get install chromium)');

describe.skipIf(!CHROMIUM)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];
  let charts = 0;

  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vnrhet-browser-')), 'seeds');
    const r = runCorpus({ corpusDir: new URL('../../data/seeds', import.meta.url).pathname, config: defaultConfig() });
    await writeReport(r, out, runInfo(r));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
    page.on('request', (q) => requests.push(q.url()));
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    charts = await page.locator('figure .chart').count();
    // (A string runs in the page, where the DOM is; this file is type-checked without DOM types.)
    await page.waitForFunction(`document.querySelectorAll('.chart[data-live="true"]').length === ${charts}`, undefined, { timeout: 30_000 });
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/report.png', fullPage: true });
  }, 120_000);
  afterAll(async () => browser?.close());

  it('loads without console or page errors and asks for nothing beyond its own files', () => {
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  });

  it('draws every chart live, with an SVG view', async () => {
    expect(charts).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.chart[data-live="true"] svg.marks').count()).toBe(charts);
  });

  it('shows the side-by-side repair view and the tables', async () => {
    expect(await page.locator('.sbs').count()).toBeGreaterThan(0);
    expect(await page.locator('section table').count()).toBeGreaterThanOrEqual(10);
  });

  it('shows the corpus summary, a caption under every chart, a CSV link over every table, and the configuration', async () => {
    expect(await page.locator('ul.summary').innerText()).toMatch(/5 documents in, 5 processed, 0 rejected[\s\S]*1 document flagged as machine-spun/);
    const captions = await page.locator('figure figcaption').allInnerTexts();
    expect(captions).toHaveLength(charts);
    for (const c of captions) expect(c.length, c).toBeGreaterThan(80);
    const links = await page.locator('section h3 > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('documents.csv');
    expect(links.every((l) => /^[a-z_]+\.csv$/.test(l ?? ''))).toBe(true);
    expect(await page.locator('#run ~ ul.config li').count()).toBeGreaterThan(40);
    expect(await page.locator('#run ~ ul.config').innerText()).toContain('compare.groupBy = "province"');
  });

  it('keeps every table row on one line, cut cells showing their text on hover', async () => {
    // Row heights of each preview table, in CSS pixels: one line of .82em text is about 18–20 px.
    const heights = await page.locator('section table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(100);
    expect(Math.max(...heights)).toBeLessThan(26);
    const cut = page.locator('section td[title]').first();
    expect((await cut.getAttribute('title'))!.length).toBeGreaterThan(24);
  });

  it('draws no text outside its chart: every chart fits its figure, every legend title is whole', async () => {
    const overflow = await page.locator('figure .chart').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.id));
    expect(overflow).toEqual([]);
    const legendTitles = await page.locator('.chart[data-live="true"] .role-legend-title text').allTextContents();
    expect(legendTitles).toContain('trên 1.000 câu / per 1,000 sentences');
    expect(legendTitles.every((t) => !t.endsWith('…'))).toBe(true);
  });
});
