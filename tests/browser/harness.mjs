// Browser test harness: serves build/wasm-release/web on a free 127.0.0.1 port, drives headless Chromium through
// playwright-core, collects console and page errors, waits for drawn frames and saves screenshots to artifacts/.
import { after, before } from 'node:test';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webRoot = process.env.CATGEO_WEB_ROOT || path.join(repoRoot, 'build/wasm-release/web');
// Whether the page is built (scripts/test builds it first; a test file run alone may find it missing).
export const pageBuilt = existsSync(path.join(webRoot, 'catgeo.js')) && existsSync(path.join(webRoot, 'catgeo.wasm'));
export const artifactsDir = path.join(repoRoot, 'tests/browser/artifacts');

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// Same headless setup as toolchain.md: WebGL2 through SwiftShader, no network use by the browser itself.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

// Static file server for `root`; resolves to { url, close }. With `log` (an array) every answer is recorded in it as
// {status, path}; while `online()` is false every connection is dropped unanswered (logged as status 0).
export async function startServer(root = webRoot, { log = null, online = () => true } = {}) {
  const server = createServer(async (request, response) => {
    let relative = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    if (relative.endsWith('/')) relative += 'index.html';
    if (!online()) {
      log?.push({ status: 0, path: relative });
      request.socket.destroy();
      return;
    }
    const file = path.join(root, path.normalize(relative));
    response.on('finish', () => log?.push({ status: response.statusCode, path: relative }));
    if (!file.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const data = await readFile(file);
      response.writeHead(200, {
        'Content-Type': MIME_TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': data.length,
        'Cache-Control': 'no-store',
      });
      response.end(data);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

// One static server and one browser shared by the tests of a file: registers node:test before/after hooks and
// returns the handle they fill ({ server, browser }). With enabled() false (e.g. the page is not built) it starts
// nothing.
export function useServerAndBrowser({ enabled = () => true } = {}) {
  const shared = { server: null, browser: null };
  before(async () => {
    if (!enabled()) return;
    shared.server = await startServer();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CATGEO_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

// An init script (openPage's initScript) that records every main-thread task over 50 ms from the start (buffered)
// in window.catgeoLongTasks as {start, ms}.
export const LONG_TASKS = () => {
  window.catgeoLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.catgeoLongTasks.push({ start: entry.startTime, ms: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

// How long one browser test may run before node:test stops it: a test of a page or two (start, a short run, a few
// screenshots), and a test that trains or measures for minutes (the tour's steps, the width study, the engine's pace).
export const TIMEOUT = { timeout: 300_000 };
export const LONG_TIMEOUT = { timeout: 900_000 };

// Opens `url` (null: a blank page) in a fresh context; `errors` collects console errors and uncaught page errors.
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1,
  hasTouch = false, initScript, prepare } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, hasTouch });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  if (initScript) await page.addInitScript(initScript);
  if (prepare) await prepare(page);
  if (url !== null) await page.goto(url);  // null: a blank page the test fills itself (setContent)
  return { context, page, errors };
}

// Opens `url` like openPage, hands { context, page, errors } to `use` and closes the context whatever happens;
// resolves to what `use` returns.
export async function withPage(browser, url, options, use) {
  if (typeof options === 'function') [options, use] = [{}, options];
  const opened = await openPage(browser, url, options);
  try {
    return await use(opened);
  } finally {
    await opened.context.close();
  }
}

// Waits until the loader left the 'loading' phase (<body data-catgeo-state>); resolves to 'running' or 'failed'.
export async function waitForStart(page, timeout = 90_000) {
  await page.waitForFunction(() => document.body.dataset.catgeoState !== 'loading', null, { timeout });
  return page.evaluate(() => document.body.dataset.catgeoState);
}

export function frameCount(page) {
  return page.evaluate(() => window.catgeo.module.ccall('catgeo_frame_count', 'number', [], []));
}

// Waits until `count` more frames than now have been drawn (the app must be running).
export async function waitForFrames(page, count, timeout = 60_000) {
  const target = (await frameCount(page)) + count;
  await page.waitForFunction(
    (n) => window.catgeo.module.ccall('catgeo_frame_count', 'number', [], []) >= n, target, { timeout });
}

// Starts the app and waits for `frames` drawn frames; throws with the page's message if it failed to start.
export async function waitForRunning(page, frames = 10) {
  const state = await waitForStart(page);
  if (state !== 'running') throw new Error(`CatGeo did not start: ${await messageText(page)}`);
  await waitForFrames(page, frames);
}

// The failure message: its title, the reader's text and the folded technical details, one per line.
export function messageText(page) {
  return page.evaluate(() => [...document.querySelectorAll('#catgeo-message .catgeo-title, #catgeo-message p, ' +
    '#catgeo-message code')].map((node) => node.textContent).join('\n'));
}

// Saves a PNG screenshot to tests/browser/artifacts/<name>.png and returns its bytes.
export async function saveScreenshot(page, name) {
  await mkdir(artifactsDir, { recursive: true });
  return page.screenshot({ path: path.join(artifactsDir, `${name}.png`) });
}

// Saves a PNG of just the lab's (left) 2-D plot, located through catgeo.viewRect(); returns its bytes.
export async function saveViewScreenshot(page, name) {
  const rect = await page.evaluate(() => window.catgeo.viewRect());
  if (!rect.valid) throw new Error('no 2-D view on screen');
  await mkdir(artifactsDir, { recursive: true });
  return page.screenshot({
    path: path.join(artifactsDir, `${name}.png`),
    clip: { x: rect.left, y: rect.top, width: rect.right - rect.left, height: rect.bottom - rect.top },
  });
}
