// Page benchmark (run by hand: NODE_OPTIONS= node tests/browser/bench_page.mjs): frames per second at 1280x800
// while training E5 and idle, overlay refresh rates at 64x64 and 128x128, navigation-to-first-frame time, and
// the bytes the page transfers (raw and gzip). Numbers are for this machine's headless software WebGL.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { frameCount, launchBrowser, openPage, startServer, waitForRunning, webRoot } from './harness.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS || 6);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(page, seconds) {
  const f0 = await frameCount(page);
  const v0 = await page.evaluate(() => catgeo.fields().version);
  const e0 = await page.evaluate(() => catgeo.metrics().epoch_progress);
  const t0 = Date.now();
  await sleep(seconds * 1000);
  const dt = (Date.now() - t0) / 1000;
  const f1 = await frameCount(page);
  const v1 = await page.evaluate(() => catgeo.fields().version);
  const e1 = await page.evaluate(() => catgeo.metrics().epoch_progress);
  const perf = await page.evaluate(() => catgeo.perf());
  return { fps: (f1 - f0) / dt, refreshes_per_s: (v1 - v0) / dt, epochs_per_s: (e1 - e0) / dt,
    field_ms: perf.field_ms_last, train_ms_per_frame: perf.train_ms_last_frame };
}

const server = await startServer();
const browser = await launchBrowser();
const results = {};
try {
  const t0 = Date.now();
  const { context, page, errors } = await openPage(browser, server.url);
  await waitForRunning(page, 1);
  results.first_frame_ms_in_page = await page.evaluate(() => Math.round(catgeo.firstFrameMs));
  results.first_frame_ms_wall = Date.now() - t0;
  await page.evaluate(() => catgeo.load({ scenario: 'E5' }));
  await sleep(1000);
  results.idle = await measure(page, SECONDS);
  for (const grid of [64, 128]) {
    await page.evaluate((g) => { catgeo.load({ scenario: 'E5', epochs: 1000 }); catgeo.setOption('grid', g); catgeo.play(); }, grid);
    await sleep(1000);
    results[`training_E5_grid${grid}`] = await measure(page, SECONDS);
    await page.evaluate(() => catgeo.pause());
  }
  results.errors = errors;
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

let raw = 0, gz = 0;
const files = {};
for (const name of await readdir(webRoot)) {
  const data = await readFile(path.join(webRoot, name));
  const compressed = gzipSync(data, { level: 9 }).length;
  files[name] = { bytes: data.length, gzip: compressed };
  raw += data.length;
  gz += compressed;
}
results.transfer = { files, total_bytes: raw, total_gzip: gz };
console.log(JSON.stringify(results, null, 2));
