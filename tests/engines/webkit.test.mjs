// WebKitGTK's MiniBrowser under Xvfb, driven through WebKitWebDriver, runs the E5 link like Chromium, bit for bit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Builder, Origin } from 'selenium-webdriver';
import { artifactsDir, startServer, webRoot } from '../browser/harness.mjs';
import {
  EPOCHS, LINK, TABLE, TABLE_EPOCHS, articleInPage, checkArticle, checkRun, checkStudies, checkTableRun, chromiumRun,
  numericMetrics, placeFirstFigure, startWebKitDriver, startXvfb, studiesInPage, tableInPage, trainInPage,
} from './engines.mjs';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// Classic WebDriver has no console events and no way to run a script before the page's own: this hook, run first,
// keeps the main thread's console.error calls, uncaught errors and unhandled rejections in window.catgeoTestErrors.
function errorHook() {
  const errors = [];
  window.catgeoTestErrors = errors;
  const consoleError = console.error;
  console.error = (...args) => { errors.push(`console: ${args.join(' ')}`); consoleError.apply(console, args); };
  window.addEventListener('error', (event) => errors.push(`pageerror: ${event.message}`));
  window.addEventListener('unhandledrejection', (event) => errors.push(`pageerror: ${event.reason}`));
}

// Serves the built page with errorHook() as the first script of index.html: a folder of links to the built files
// and a copy of index.html with the hook added.
async function startHookedServer() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'catgeo-webkit-'));
  const remove = () => rm(root, { recursive: true });
  try {
    for (const name of await readdir(webRoot)) {
      if (name !== 'index.html') await symlink(path.join(webRoot, name), path.join(root, name));
    }
    const html = await readFile(path.join(webRoot, 'index.html'), 'utf8');
    assert.match(html, /<head>/);
    await writeFile(path.join(root, 'index.html'), html.replace('<head>', `<head><script>(${errorHook})();</script>`));
  } catch (error) {
    await remove();
    throw error;
  }
  const server = await startServer(root);
  return { url: server.url, close: async () => { await server.close(); await remove(); } };
}

const shared = {};
before(async () => {
  shared.server = await startHookedServer();
  shared.chromium = await chromiumRun(shared.server.url);
  shared.xvfb = await startXvfb();
  shared.webdriver = await startWebKitDriver(shared.xvfb.display);
  shared.driver = await new Builder().usingServer(shared.webdriver.url).withCapabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  }).build();
  await shared.driver.manage().setTimeouts({ script: 120_000, pageLoad: 90_000 });
  await shared.driver.manage().window().setRect({ width: 1280, height: 800 });
}, { timeout: 120_000 });
after(async () => {
  await shared.driver?.quit().catch(() => {});
  await shared.webdriver?.stop();
  await shared.xvfb?.stop();
  await shared.server?.close();
});

test(`WebKit: ${LINK} loads without errors, trains, draws and matches Chromium's metrics`, { timeout: 150_000 },
  async (t) => {
    const { driver } = shared;
    await driver.get(`${shared.server.url}#${LINK}`);
    await driver.wait(() => driver.executeScript('return document.body.dataset.catgeoState !== "loading"'), 90_000);
    const result = await driver.executeAsyncScript(
      `(${trainInPage})(arguments[0]).then(arguments[1], (error) => arguments[1]({ error: String(error) }))`, EPOCHS);
    assert.equal(result.error, undefined);
    const screenshot = Buffer.from(await driver.takeScreenshot(), 'base64');
    await mkdir(artifactsDir, { recursive: true });
    await writeFile(path.join(artifactsDir, 'engines-webkit.png'), screenshot);
    t.diagnostic(`chromium: ${JSON.stringify(numericMetrics(shared.chromium.metrics))}`);
    t.diagnostic(`webkit:   ${JSON.stringify(numericMetrics(result.metrics))}`);
    checkRun('WebKit', result, screenshot, shared.chromium);
    assert.deepEqual(await driver.executeScript('return window.catgeoTestErrors'), []);
  });

test('WebKit: a pasted table loads, trains and matches Chromium\'s run of it', { timeout: 120_000 }, async () => {
  const { driver } = shared;
  await driver.get(shared.server.url);
  await driver.wait(() => driver.executeScript('return document.body.dataset.catgeoState !== "loading"'), 90_000);
  const result = await driver.executeAsyncScript(
    `(${tableInPage})(arguments[0]).then(arguments[1], (error) => arguments[1]({ error: String(error) }))`,
    { text: TABLE, epochs: TABLE_EPOCHS });
  checkTableRun('WebKit', result, shared.chromium);
  assert.deepEqual(await driver.executeScript('return window.catgeoTestErrors'), []);
});

test('WebKit: the width study and the loss map match Chromium\'s', { timeout: 300_000 }, async () => {
  const { driver } = shared;
  await driver.get(shared.server.url);
  await driver.wait(() => driver.executeScript('return document.body.dataset.catgeoState !== "loading"'), 90_000);
  await driver.manage().setTimeouts({ script: 250_000 });
  try {
    const result = await driver.executeAsyncScript(
      `(${studiesInPage})().then(arguments[0], (error) => arguments[0]({ error: String(error) }))`);
    assert.equal(result.error, undefined, result.error);
    checkStudies('WebKit', result, shared.chromium);
  } finally {
    await driver.manage().setTimeouts({ script: 120_000 });
  }
  assert.deepEqual(await driver.executeScript('return window.catgeoTestErrors'), []);
});

test('WebKit: the article on a phone-sized window shows every figure\'s map; the wheel over a figure scrolls it',
  { timeout: 240_000 }, async (t) => {
    const { driver } = shared;
    await driver.manage().window().setRect({ width: 390, height: 844 });
    await driver.manage().setTimeouts({ script: 220_000 });  // ten figures, one after the other
    try {
      await driver.get(`${shared.server.url}article.html`);
      const figures = await driver.executeAsyncScript(
        `(${articleInPage})().then(arguments[0], (error) => arguments[0]([{ id: 'script', error: String(error) }]))`);
      checkArticle('WebKit', figures);
      // WebKitWebDriver's wheel actions: 10 notches at (x, y) of the viewport; the article's scroll in px.
      const wheel = async (x, y, from) => {
        for (let notch = 0; notch < 10; ++notch)
          await driver.actions().scroll(Math.round(x), Math.round(y), 0, 100, Origin.VIEWPORT).perform();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return (await driver.executeScript('return window.scrollY')) - from;
      };
      // The control: over the article's own text. WebKitGTK 2.50's driver scrolled a plain page 0 px there (and 100
      // px over a plain iframe) in 10 notches: its wheel actions do not scroll pages, so the figure cannot be judged.
      await driver.executeScript('window.scrollTo(0, 0)');
      const control = await wheel(195, 300, 0);
      if (control < 300) {
        t.diagnostic(`WebKitWebDriver's wheel actions scrolled the article's text ${control} px: no wheel check here`);
        return;
      }
      const at = await driver.executeScript(`return (${placeFirstFigure})()`);
      const scrolled = await wheel(at.x, at.y, at.scrollY);
      assert.ok(scrolled >= 300, `WebKit: 10 wheel notches over a figure scrolled the article ${scrolled} px`);
    } finally {
      await driver.manage().setTimeouts({ script: 120_000 });
      await driver.manage().window().setRect({ width: 1280, height: 800 });
    }
  });
