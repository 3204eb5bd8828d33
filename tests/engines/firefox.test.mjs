// Firefox ESR, headful under Xvfb (headless Firefox has no WebGL2 here), runs the E5 link like Chromium, bit for bit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { artifactsDir, startServer } from '../browser/harness.mjs';
import {
  EPOCHS, LINK, TABLE, TABLE_EPOCHS, articleInPage, checkArticle, checkRun, checkStudies, checkTableRun, chromiumRun,
  numericMetrics, placeFirstFigure, startXvfb, studiesInPage, tableInPage, trainInPage,
} from './engines.mjs';

const shared = {};
before(async () => {
  shared.server = await startServer();
  shared.chromium = await chromiumRun(shared.server.url);
  shared.xvfb = await startXvfb();
  shared.browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: false,
    timeout: 60_000,
    protocolTimeout: 120_000,
    // Mesa's llvmpipe: WebGL2 without a GPU.
    env: { ...process.env, DISPLAY: shared.xvfb.display, LIBGL_ALWAYS_SOFTWARE: '1' },
  });
}, { timeout: 120_000 });
after(async () => {
  await shared.browser?.close();
  await shared.xvfb?.stop();
  await shared.server?.close();
});

test(`Firefox: ${LINK} loads without errors, trains, draws and matches Chromium's metrics`, { timeout: 150_000 },
  async (t) => {
    const page = await shared.browser.newPage();
    const errors = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${shared.server.url}#${LINK}`);
    await page.waitForFunction(() => document.body.dataset.catgeoState !== 'loading', { timeout: 90_000 });
    const result = await page.evaluate(trainInPage, EPOCHS);
    const screenshot = await page.screenshot();
    await mkdir(artifactsDir, { recursive: true });
    await writeFile(path.join(artifactsDir, 'engines-firefox.png'), screenshot);
    t.diagnostic(`chromium: ${JSON.stringify(numericMetrics(shared.chromium.metrics))}`);
    t.diagnostic(`firefox:  ${JSON.stringify(numericMetrics(result.metrics))}`);
    checkRun('Firefox', result, screenshot, shared.chromium);
    assert.deepEqual(errors, []);
  });

// The lab at 1280x800 in a new tab, once it has started; `errors` collects its uncaught errors.
async function openLab() {
  const page = await shared.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(shared.server.url);
  await page.waitForFunction(() => document.body.dataset.catgeoState !== 'loading', { timeout: 90_000 });
  return { page, errors };
}

test('Firefox: a pasted table loads, trains and matches Chromium\'s run of it', { timeout: 120_000 }, async () => {
  const { page, errors } = await openLab();
  checkTableRun('Firefox', await page.evaluate(tableInPage, { text: TABLE, epochs: TABLE_EPOCHS }), shared.chromium);
  assert.deepEqual(errors, []);
});

test('Firefox: the width study and the loss map match Chromium\'s', { timeout: 300_000 }, async () => {
  const { page, errors } = await openLab();
  checkStudies('Firefox', await page.evaluate(studiesInPage), shared.chromium);
  assert.deepEqual(errors, []);
});

test('Firefox: the article on a phone-sized window shows every figure\'s map; the wheel over a figure scrolls it',
  { timeout: 240_000 }, async () => {
    const page = await shared.browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await page.setViewport({ width: 390, height: 844 });
    await page.goto(`${shared.server.url}article.html`);
    checkArticle('Firefox', await page.evaluate(articleInPage));
    const at = await page.evaluate(placeFirstFigure);
    await page.mouse.move(at.x, at.y);
    for (let notch = 0; notch < 10; ++notch) {
      await page.mouse.wheel({ deltaY: 100 });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await page.waitForFunction((y) => window.scrollY - y >= 300, { timeout: 10_000 }, at.scrollY).catch(() => {});
    const scrolled = (await page.evaluate(() => window.scrollY)) - at.scrollY;
    assert.ok(scrolled >= 300, `Firefox: 10 wheel notches over a figure scrolled the article ${scrolled} px`);
    assert.deepEqual(errors, []);
  });
