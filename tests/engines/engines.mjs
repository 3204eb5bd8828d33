// Firefox/WebKit test helpers: Xvfb, WebKitWebDriver, the E5 run in the page, Chromium's reference run, the checks.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { launchBrowser, openPage, waitForRunning } from '../browser/harness.mjs';
import { decodePng, imageStats } from '../browser/png.mjs';

export const EPOCHS = 50;
export const LINK = `scenario=E5&epochs=${EPOCHS}&seed=3`;
// A table of points read by each engine's page (TextEncoder, the parser in WASM): the same run as Chromium's.
export const TABLE = readFileSync(new URL('../tables/three_classes_2d.csv', import.meta.url), 'utf8');
export const TABLE_EPOCHS = 10;

// Starts `command` in its own process group; `exited` resolves (to a description) when it ends or fails to start.
// stop() ends the group (with the browsers it started): SIGTERM, so that Xvfb removes its socket, then SIGKILL after
// 5 s; Node's exit sends SIGKILL.
function startGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  let running = true;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(`${command} exited (${signal || code})`));
    child.once('error', (error) => resolve(`${command} failed: ${error.message}`));
  }).finally(() => { running = false; });
  const signal = (name) => { if (running && child.pid) process.kill(-child.pid, name); };
  const kill = () => signal('SIGKILL');
  process.once('exit', kill);
  return {
    child,
    exited,
    async stop() {
      process.off('exit', kill);
      signal('SIGTERM');
      const timer = setTimeout(kill, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// An X server on a free display (Xvfb picks it and writes its number to fd 3 once it accepts clients).
export async function startXvfb() {
  const xvfb = startGroup('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  let timer;
  const timedOut = new Promise((resolve) => { timer = setTimeout(resolve, 20_000, 'timed out'); });
  const number = await Promise.race([once(xvfb.child.stdio[3], 'data'), xvfb.exited, timedOut]);
  clearTimeout(timer);
  if (typeof number === 'string') {
    await xvfb.stop();
    throw new Error(`Xvfb did not start: ${number}`);
  }
  return { display: `:${String(number[0]).trim()}`, stop: xvfb.stop };
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// WebKitWebDriver on a free port, its browsers on `display`; resolves to { url, stop } once it answers /status.
export async function startWebKitDriver(display) {
  const port = await freePort();
  const driver = startGroup('/usr/bin/WebKitWebDriver', [`--port=${port}`],
    { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
  const url = `http://127.0.0.1:${port}`;
  let gone = '';
  driver.exited.then((how) => { gone = how; });
  const deadline = Date.now() + 20_000;
  while (!await fetch(`${url}/status`).then((response) => response.ok, () => false)) {
    if (gone || Date.now() > deadline) {
      await driver.stop();
      throw new Error(`WebKitWebDriver did not start: ${gone || 'timed out'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop: driver.stop };
}

// Runs in the page (serialised by puppeteer, selenium and playwright): trains `epochs` epochs, waits for the
// information measures of the last epoch (the engine measures them behind training), then 5 more browser frames,
// and returns what the tests check.
export async function trainInPage(epochs) {
  await window.catgeo.ready;
  await window.catgeo.trainEpochs(epochs);
  const started = Date.now();
  while (window.catgeo.metrics().info_epoch !== epochs && Date.now() - started < 120_000)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const frames = () => window.catgeo.module.ccall('catgeo_frame_count', 'number', [], []);
  const target = frames() + 5;
  while (frames() < target) await new Promise((resolve) => setTimeout(resolve, 20));
  const message = document.getElementById('catgeo-message');
  return {
    metrics: window.catgeo.metrics(),
    state: document.body.dataset.catgeoState,
    message: message.hidden ? '' : message.innerText,
    viewRect: window.catgeo.viewRect(),
    innerWidth: window.innerWidth,
  };
}

// Runs in article.html: brings each figure (a same-origin iframe) into view, waits for its CatGeo to run and draw, and
// returns per figure its frame's width, its first map's and its plots' widths and its layout problems (or an error).
export async function articleInPage() {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const figures = [];
  for (const frame of document.querySelectorAll('iframe.catgeo-frame')) {
    frame.scrollIntoView({ block: 'center' });
    const started = Date.now();
    const api = () => frame.contentWindow && frame.contentWindow.catgeo;
    while (!(api() && api().phase !== 'loading') && Date.now() - started < 90_000) await sleep(100);
    if (!api() || api().phase !== 'running') {
      figures.push({ id: frame.id, error: api() ? `phase ${api().phase}` : 'did not load' });
      continue;
    }
    // Bounded: a figure that never gets ready is reported with its state, not left to the driver's script timeout.
    const ready = await Promise.race([api().ready.then(() => true), sleep(Math.max(0, 90_000 - (Date.now() - started)))
      .then(() => false)]);
    if (!ready) {
      const body = frame.contentDocument && frame.contentDocument.body;
      figures.push({ id: frame.id, error: `not ready after 90 s: phase ${api().phase}, state ${body && body.dataset.catgeoState}` });
      continue;
    }
    while (api().viewRect().figure[2] <= 0 && Date.now() - started < 90_000) await sleep(100);
    const rect = api().viewRect();
    figures.push({ id: frame.id, width: frame.getBoundingClientRect().width, map: rect.right - rect.left,
      plots: rect.figure[2] - rect.figure[0], problems: api().layoutReport().problems });
  }
  return figures;
}

// The checks of articleInPage(): at least 8 figures, each running with its map (or 1-D plots) over 60% of its frame.
export function checkArticle(engine, figures) {
  assert.ok(figures.length >= 8, `${engine}: the article has ${figures.length} figures`);
  for (const f of figures) {
    assert.equal(f.error, undefined, `${engine}: ${f.id}: ${f.error}`);
    assert.ok(Math.max(f.map, f.plots) >= 0.6 * f.width,
      `${engine}: ${f.id}: its map is ${f.map} px (plots ${f.plots} px) in a ${f.width} px frame`);
    assert.deepEqual(f.problems, [], `${engine}: ${f.id}: layout problems`);
  }
}

// In article.html: the first figure's box (page coordinates after scrolling it to 200 px from the top) and the
// page's scroll position, to wheel over the figure and see the article move.
export function placeFirstFigure() {
  const frame = document.querySelector('iframe.catgeo-frame');
  window.scrollTo(0, frame.getBoundingClientRect().top + window.scrollY - 200);
  const box = frame.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2, scrollY: window.scrollY };
}

// Runs in the page: loads the table `text` as the page's table box does, trains `epochs` epochs; its link and metrics
// (one argument: Playwright passes one).
export async function tableInPage({ text, epochs }) {
  await window.catgeo.ready;
  await window.catgeo.load('scenario=E5');  // the table takes the current network and training: the same in each
  const loaded = await window.catgeoTable.load(text);
  if (!loaded.ok) return { error: loaded.error };
  const metrics = await window.catgeo.trainEpochs(epochs);
  return { link: window.catgeo.config().link, metrics };
}

// The paper's conditions (issue 20) in the page: the width study and the loss map of a short E1 run, as the engine
// computes them (no argument).
export async function studiesInPage() {
  await window.catgeo.ready;
  await window.catgeo.load('scenario=E1&epochs=2&widths=1&lossmap=1');
  const started = Date.now();
  while ((window.catgeo.widthStudy().state !== 'done' || window.catgeo.lossMaps().before.epoch !== 0) &&
         Date.now() - started < 240_000)
    await new Promise((resolve) => setTimeout(resolve, 200));
  return { study: window.catgeo.widthStudy(), before: window.catgeo.lossMaps().before };
}

// The common checks of an engine's studiesInPage() result against Chromium's: the same rows and map, bit for bit.
export function checkStudies(engine, result, chromium) {
  assert.equal(result.study.state, 'done', `${engine}: the width study did not finish: ${result.study.message}`);
  assert.equal(result.study.rows.length, 8, `${engine}: width study rows`);
  assert.deepEqual(result.study.rows, chromium.studies.study.rows, `${engine}: the width study differs from Chromium's`);
  assert.deepEqual(result.before, chromium.studies.before, `${engine}: the loss map differs from Chromium's`);
}

// The common checks of an engine's tableInPage() result against Chromium's.
export function checkTableRun(engine, result, chromium) {
  assert.equal(result.error, undefined, `${engine}: the table did not load`);
  assert.equal(result.link, chromium.table.link, `${engine}: the table's link differs from Chromium's`);
  assert.deepEqual(numericMetrics(result.metrics), numericMetrics(chromium.table.metrics),
    `${engine}: the table run's metrics differ from Chromium's`);
}

// The numeric fields of metrics() and of its `before` (as 'before.NAME'), sorted by name.
export function numericMetrics(metrics) {
  const fields = [
    ...Object.entries(metrics),
    ...Object.entries(metrics.before).map(([key, value]) => [`before.${key}`, value]),
  ].filter(([, value]) => typeof value === 'number');
  return Object.fromEntries(fields.sort(([a], [b]) => (a < b ? -1 : 1)));
}

// Chromium's run of LINK on `serverUrl` (headless, SwiftShader), then of TABLE (`table`): the references the other
// engines must equal.
export async function chromiumRun(serverUrl) {
  const browser = await launchBrowser();
  try {
    const { page, errors } = await openPage(browser, `${serverUrl}#${LINK}`);
    await waitForRunning(page);
    const result = await page.evaluate(trainInPage, EPOCHS);
    assert.deepEqual(errors, [], 'Chromium reference run');
    assert.equal(result.metrics.epochs, EPOCHS, 'Chromium reference run');
    result.table = await page.evaluate(tableInPage, { text: TABLE, epochs: TABLE_EPOCHS });
    assert.equal(result.table.error, undefined, 'Chromium reference table run');
    assert.equal(result.table.metrics.epochs, TABLE_EPOCHS, 'Chromium reference table run');
    result.studies = await page.evaluate(studiesInPage);
    assert.equal(result.studies.study.state, 'done', 'Chromium reference width study');
    return result;
  } finally {
    await browser.close();
  }
}

// The common checks of an engine's trainInPage() result and its screenshot (PNG bytes) against Chromium's result.
export function checkRun(engine, result, screenshot, chromium) {
  assert.equal(result.state, 'running', `${engine}: page state ${result.state}: ${result.message}`);
  assert.equal(result.message, '', `${engine}: the page shows a message`);
  assert.equal(result.metrics.epochs, EPOCHS, `${engine}: epochs trained`);
  assert.equal(result.metrics.info_epoch, EPOCHS, `${engine}: the last epoch's information measures`);
  assert.ok(result.viewRect.valid, `${engine}: no 2-D view on screen`);
  const stats = imageStats(cropPng(decodePng(Buffer.from(screenshot)), result.viewRect, result.innerWidth));
  assert.ok(stats.distinctColors >= 200, `${engine}: the 2-D view has only ${stats.distinctColors} colours: blank?`);
  assert.deepEqual(numericMetrics(result.metrics), numericMetrics(chromium.metrics),
    `${engine}: metrics differ from Chromium's`);
}

// The part of a decoded screenshot inside `rect` (CSS pixels of a page `innerWidth` CSS pixels wide).
function cropPng(image, rect, innerWidth) {
  const scale = image.width / innerWidth;
  const [left, top] = [Math.round(rect.left * scale), Math.round(rect.top * scale)];
  const width = Math.min(Math.round(rect.right * scale), image.width) - left;
  const height = Math.min(Math.round(rect.bottom * scale), image.height) - top;
  const pixels = Buffer.alloc(width * height * image.channels);
  for (let y = 0; y < height; ++y) {
    const start = ((top + y) * image.width + left) * image.channels;
    image.pixels.copy(pixels, y * width * image.channels, start, start + width * image.channels);
  }
  return { width, height, channels: image.channels, pixels };
}
