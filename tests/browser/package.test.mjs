// The package (scripts/package.mjs) served from a sub-path of a foreign site: a share link, the article and an embed
// from another origin run; offline after the first visit (service worker), MNIST included; a new release replaces it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  launchBrowser, openPage, pageBuilt, repoRoot, saveScreenshot, startServer, TIMEOUT, waitForFrames, webRoot,
  withPage,
} from './harness.mjs';

const SUB_PATH = 'courses/ml/catgeo/';
const UNHASHED = /^(index\.html|article\.html|catgeo-sw\.js|catgeo-release\.json|(.*\/)?[A-Za-z]*-LICENSE\.txt)$/;

const shared = { dir: '', site: '', next: '', log: [], online: true, server: null, host: null, browser: null, releases: [] };
const packageUrl = () => `${shared.server.url}${SUB_PATH}`;

async function makePackage(from, out) {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/package.mjs'),
    '--from', from, out]);
  return stdout.match(/release ([0-9a-f]+)/)[1];
}

before(async () => {
  if (!pageBuilt) return;
  shared.dir = await mkdtemp(path.join(os.tmpdir(), 'catgeo-package-'));
  shared.site = path.join(shared.dir, 'site');  // the foreign site: the package is one folder deep inside it
  // The next release: the same build with one script changed.
  const changed = path.join(shared.dir, 'web-next');
  await cp(webRoot, changed, { recursive: true });
  await appendFile(path.join(changed, 'catgeo-figure.js'), '// the next release\n');
  shared.next = path.join(shared.dir, 'next');
  shared.releases = await Promise.all([makePackage(webRoot, path.join(shared.site, SUB_PATH)),
    makePackage(changed, shared.next)]);
  await mkdir(path.join(shared.dir, 'host'));
  shared.server = await startServer(shared.site, { log: shared.log, online: () => shared.online });
  await writeFile(path.join(shared.dir, 'host', 'index.html'), '<!doctype html><title>A blog</title><link rel="icon" href="data:,">' +
    `<iframe width="720" height="480" src="${packageUrl()}index.html#tour=3&embed=1"></iframe>\n`);
  shared.host = await startServer(path.join(shared.dir, 'host'));
  shared.browser = await launchBrowser();
});

after(async () => {
  await shared.browser?.close();
  await shared.server?.close();
  await shared.host?.close();
  if (shared.dir) await rm(shared.dir, { recursive: true, force: true });
});

const ready = (target) => target.evaluate(() => window.catgeo.ready.then(() => true));

// Polls `check` in the page (an async function) until it returns a truthy value: a state, not a fixed sleep.
async function until(page, check, arg, what, timeout = 60_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(check, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The frame whose URL holds `text`, once its page has defined window.catgeo.
async function frameWith(page, text, timeout = 60_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes(text));
    if (frame && await frame.evaluate(() => Boolean(window.catgeo)).catch(() => false)) return frame;
    if (Date.now() > end) throw new Error(`timed out waiting for the frame ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Opens the article's first figure (loaded lazily: scrolled into view) and waits until it runs; returns its frame.
async function articleFigure(page) {
  await page.locator('#catgeo-tour1').scrollIntoViewIfNeeded();
  const frame = await frameWith(page, 'tour=1');
  assert.ok(await ready(frame), 'the article figure reaches ready');
  return frame;
}

// An MNIST link: waits until the digits have arrived and the run exists.
async function openMnist(page) {
  await page.goto('about:blank');
  await page.goto(`${packageUrl()}index.html#scenario=mnist&digits=49&epochs=2`);
  assert.ok(await ready(page));
  await until(page, () => catgeo.state() !== 'no_run', null, 'the MNIST run');
}

async function listFiles(dir, prefix = '') {
  const names = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    names.push(...(entry.isDirectory() ? await listFiles(dir, name) : [name]));
  }
  return names;
}

test('the package from a sub-path: a share link, the article and an embed from another origin', { ...TIMEOUT,
  skip: !pageBuilt && 'the page is not built' }, async () => {
  const names = await listFiles(path.join(shared.site, SUB_PATH));
  const unhashed = names.map((n) => n.replace(/\.(gz|br)$/, ''))
    .filter((n) => !UNHASHED.test(n) && !/\.[0-9a-f]{8}\.[a-z0-9]+$/.test(n));
  assert.deepEqual(unhashed, [], 'every file that changes between releases has a content hash in its name');
  assert.ok(names.some((n) => n.endsWith('.wasm.br')) && names.some((n) => n.endsWith('.js.gz')), 'precompressed');

  await withPage(shared.browser,
    `${packageUrl()}index.html#scenario=E5&sigma=0.5&seed=3&epochs=3`, async ({ page, errors }) => {
    assert.ok(await ready(page));
    const { link } = await page.evaluate(() => catgeo.config());
    for (const key of ['scenario=E5', 'sigma=0.5', 'seed=3']) {
      assert.ok(link.split('&').includes(key), `the link loaded: ${key} in ${link}`);
    }
    const metrics = await page.evaluate(() => catgeo.trainEpochs(2));
    assert.equal(metrics.epochs, 2);
    await waitForFrames(page, 3);
    await saveScreenshot(page, 'package-lab');

    await page.goto(`${packageUrl()}article.html`);
    await articleFigure(page);

    await page.goto(shared.host.url);
    const embed = await frameWith(page, 'tour=3');
    assert.ok(await ready(embed), 'the embed from another origin reaches ready');
    assert.equal((await embed.evaluate(() => catgeo.offline())).state, 'unavailable', 'no service worker in an embed');
    assert.deepEqual(errors, []);
    assert.deepEqual(shared.log.filter((entry) => entry.status !== 200), [], 'every request was answered');
  });
});

test('offline after the first visit: the lab, the article and an MNIST link', { ...TIMEOUT,
  skip: !pageBuilt && 'the page is not built' }, async () => {
  const { context, page, errors } = await openPage(shared.browser, `${packageUrl()}index.html`);
  try {
    assert.ok(await ready(page));
    await until(page, () => catgeo.offline().state === 'ready' && navigator.serviceWorker.controller !== null, null,
      'the service worker');
    await openMnist(page);  // its asset is cached on this first use
    await until(page, async () => {
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        if ((await cache.keys()).some((request) => /mnist14\.[0-9a-f]{8}\.cgd$/.test(request.url))) return true;
      }
      return false;
    }, null, 'the MNIST asset in the cache');

    const requestsOnline = shared.log.length;
    await context.setOffline(true);
    shared.online = false;  // setOffline leaves the browser's own update checks of catgeo-sw.js on the network
    await page.reload();
    assert.ok(await ready(page), 'the lab starts offline');
    assert.equal((await page.evaluate(() => catgeo.trainEpochs(1))).epochs, 1);
    await page.goto(`${packageUrl()}article.html`);
    const frame = await articleFigure(page);
    assert.equal((await frame.evaluate(() => catgeo.trainEpochs(1))).epochs, 1);
    await openMnist(page);
    assert.equal((await page.evaluate(() => catgeo.trainEpochs(1))).epochs, 1);
    const offline = await until(page, () => catgeo.offline().state === 'ready' && catgeo.offline(), null,
      'the offline state');
    assert.equal(offline.release, shared.releases[0], JSON.stringify(offline));
    assert.match(offline.about, /^Offline: ready \(release [0-9a-f]{10}\)/, 'the About panel says so');
    const asked = shared.log.slice(requestsOnline).filter((entry) => !entry.path.endsWith('/catgeo-sw.js'));
    assert.deepEqual(asked, [], 'nothing but the worker\'s update check asked the server while offline');
    assert.deepEqual(errors, []);

    await page.setViewportSize({ width: 390, height: 1600 });  // a tall phone: the About tab's last line shows
    await page.evaluate(() => catgeo.setOption('sheet_tab', 3));
    await waitForFrames(page, 3);
    await saveScreenshot(page, 'package-about-offline');
  } finally {
    shared.online = true;
    await context.close();
  }
});

test('a new release replaces the old one and deletes its cache', { ...TIMEOUT,
  skip: !pageBuilt && 'the page is not built' }, async () => {
  const [first, next] = shared.releases;
  assert.notEqual(first, next);
  await withPage(shared.browser, `${packageUrl()}index.html`, async ({ page, errors }) => {
    assert.ok(await ready(page));
    await until(page, () => catgeo.offline().state === 'ready', null, 'the first release offline');
    await rm(path.join(shared.site, SUB_PATH), { recursive: true });
    await rename(shared.next, path.join(shared.site, SUB_PATH));  // published on the same URL
    await page.reload();
    assert.ok(await ready(page));
    await until(page, (release) => catgeo.offline().release === release, next, 'the new release offline');
    // The new worker is active once its release is cached; it deletes the old cache while it activates.
    const keys = await until(page, async () => {
      const names = (await caches.keys()).filter((key) => key.startsWith('catgeo '));
      return names.length === 1 && names;
    }, null, 'one release in the cache');
    assert.deepEqual(keys, [`catgeo ${packageUrl()} ${next}`], 'only the new release is cached');
    await page.reload();  // now served by the new release
    assert.ok(await ready(page));
    const figure = await page.evaluate(() => document.querySelector('script[src^="catgeo-figure."]').src);
    assert.ok(existsSync(path.join(shared.site, SUB_PATH, path.basename(figure))), 'the new release is shown');
    assert.deepEqual(errors, []);
  });
});
