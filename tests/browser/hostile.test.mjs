// Hostile and unlucky input in the page, by category: API calls far over the documented sizes, or with numbers that
// are not finite, are refused with a notice while the run goes on (nothing crosses to the module); large ones within
// the limits are read; a missing or damaged MNIST file on the server is named as the server's fault, not the link's,
// with its detail folded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveScreenshot, TIMEOUT, useServerAndBrowser, waitForRunning, withPage } from './harness.mjs';

const shared = useServerAndBrowser();
const MB = 1048576;

// The notices banner's text ('' when hidden).
const bannerText = (page) => page.evaluate(() => {
  const banner = document.getElementById('catgeo-notices');
  return banner && !banner.hidden ? banner.textContent : '';
});

// Each case runs in the page against a training E5 run. refused: the call is turned down with this banner; else the
// call goes through to the engine (whatever it makes of the input, the page must keep running).
const API_CASES = [
  { name: 'load: a 10 MB link', refused: /This link is too long:.*The link is 10\.0 MB; CatGeo takes at most 1\.0 MB/,
    run: () => catgeo.load(`scenario=drawn&pts=${'A'.repeat(10 * 1048576)}`) },
  { name: 'load: a 10 MB object value', refused: /This link is too long:/,
    run: () => catgeo.load({ scenario: 'E5', lr: '1'.repeat(10 * 1048576) }) },
  { name: 'loadTable: 10 MB', refused: /This table is too large:.*10\.0 MB; CatGeo takes at most 4\.0 MB/,
    run: () => catgeo.loadTable('0.5,0.25,a\n'.repeat(Math.ceil((10 * 1048576) / 11))) },
  { name: 'set: a 10 MB value', refused: /This value is too long:.*The value of sigma is/,
    run: () => catgeo.set('sigma', '9'.repeat(10 * 1048576)) },
  { name: 'addPoints: 60,000 points',
    refused: /Too many points:.*60,000 points were given; CatGeo takes at most 20,000/,
    run: () => catgeo.addPoints(Array.from({ length: 60000 }, (_, i) => ({ x: i / 6e4, y: 0.1, label: i % 2 })))
      .then(() => 'resolved', (error) => error.message) },
  { name: 'addPoints: 500,000 points (10 MB of text)', refused: /Too many points:.*500,000 points/,
    run: () => catgeo.addPoints(Array.from({ length: 5e5 }, (_, i) => ({ x: -1.2345678 + i / 5e5, y: 0.5, label: 1 })))
      .then(() => 'resolved', (error) => error.message) },
  // Within the limits: the text crosses to the engine (on the heap, not the stack) and is judged there.
  { name: 'loadTable: 3.9 MB (more points than a table may have)', error: /points|line/,
    run: () => catgeo.loadTable(`x,y,label\n${'0.5,0.25,a\n-0.5,0.25,b\n'.repeat(Math.floor((3.9 * 1048576) / 23))}`) },
  { name: 'load: a 0.9 MB link', run: () => catgeo.load(`scenario=drawn&pts=${'A'.repeat(0.9 * 1048576)}`) },
  { name: 'setOption: a 10 MB option name', run: () => catgeo.setOption('x'.repeat(10 * 1048576), 1) },
  // Numbers that are not numbers: a grid of NaN points per axis once stopped the page.
  { name: 'setOption: grid NaN',
    refused: /Not a number:.*setOption: the value of grid must be a finite number; it was NaN\./,
    run: () => catgeo.setOption('grid', NaN).then(() => 'resolved', (error) => error.message) },
  { name: 'trainFor: Infinity ms', refused: /Not a number:.*trainFor: ms must be a finite number; it was Infinity\./,
    run: () => catgeo.trainFor(Infinity).then(() => 'resolved', (error) => error.message) },
  { name: 'addPoints: a point at x = NaN', refused: /Not a number:.*addPoints: a point's x must be a finite number/,
    run: () => catgeo.addPoints([{ x: 0.1, y: 0.2, label: 0 }, { x: NaN, y: 0.3, label: 1 }])
      .then(() => 'resolved', (error) => error.message) },
];

test('API calls with 10 MB inputs or numbers that are not numbers are refused with a notice and the run goes on; ' +
  'large inputs within the limits are read', TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#scenario=E5&epochs=10000`, async ({ page, errors }) => {
    await waitForRunning(page);
    const epochs = () => page.evaluate(() => catgeo.metrics().epochs);
    for (const { name, refused, error, run } of API_CASES) {
      await page.evaluate(async () => {  // a training E5 run, as a reader would have
        if (catgeo.config().id !== 'E5' || catgeo.state() !== 'training') {
          await catgeo.load('scenario=E5&epochs=10000');
          await catgeo.play();
        }
        document.getElementById('catgeo-notices').hidden = true;
      });
      const runs = await page.evaluate(() => catgeo.runsCreated());
      const result = await page.evaluate(run);
      const phase = await page.evaluate(() => document.body.dataset.catgeoState);
      assert.equal(phase, 'running', `${name}: the page stopped`);
      if (refused) {
        const text = typeof result === 'string' ? result : result.error;
        assert.ok(typeof result === 'string' || (result.ok === false && result.refused === true),
          `${name}: not refused: ${JSON.stringify(result).slice(0, 300)}`);
        assert.match(`${await bannerText(page)}`.replace(/×$/, ''), refused, `${name}: the banner`);
        assert.match(text, /Nothing was changed: the current run goes on\./, `${name}: the answer`);
        assert.equal(await page.evaluate(() => catgeo.runsCreated()), runs, `${name}: a refused call built a run`);
        const before = await epochs();
        await page.waitForFunction((e) => catgeo.metrics().epochs > e, before, { timeout: 60_000 });
        assert.equal(await page.evaluate(() => catgeo.state()), 'training', `${name}: training stopped`);
      } else {
        if (error) assert.match(result.error, error, `${name}: ${JSON.stringify(result).slice(0, 300)}`);
        await page.evaluate(async () => { await catgeo.load('scenario=E5&epochs=10000'); await catgeo.play(); });
        const before = await epochs();
        await page.waitForFunction((e) => catgeo.metrics().epochs > e, before, { timeout: 60_000 });
      }
    }
    assert.deepEqual(errors, []);
  });
});

// The server's MNIST file: missing (404) or damaged (a flipped byte fails its checksum; a web page instead of it).
const ASSET_CASES = [
  { name: 'missing', detail: /could not download assets\/mnist14\.cgd/,
    serve: (route) => route.fulfill({ status: 404, body: 'not found' }) },
  { name: 'damaged', detail: /checksum mismatch/,
    serve: async (route) => {
      const response = await route.fetch();
      const bytes = Buffer.from(await response.body());
      bytes[1000] ^= 0x40;
      await route.fulfill({ response, body: bytes });
    } },
  { name: 'a web page', detail: /bad magic/,
    serve: (route) => route.fulfill({ status: 200, body: '<!doctype html><title>Not here</title>'.repeat(4) }) },
];

for (const { name, detail, serve } of ASSET_CASES) {
  test(`an MNIST file on the server that is ${name} is named as the server's, the link is kept`, TIMEOUT, async () => {
    const link = 'scenario=mnist&digits=49&epochs=7';
    await withPage(shared.browser, `${shared.server.url}#${link}`, {
      prepare: (p) => p.context().route('**/mnist14.cgd', serve),
    }, async ({ page, errors }) => {
      await waitForRunning(page);
      const result = await page.evaluate(() => catgeo.loadResult());
      assert.equal(result.asset_failed, true, JSON.stringify(result));
      assert.match(result.error, detail);
      const banner = await page.evaluate(() => {
        const element = document.getElementById('catgeo-notices');
        return {
          hidden: element.hidden,
          title: element.querySelector('strong')?.textContent,
          text: element.querySelector('li')?.firstChild?.textContent,
          details: element.querySelector('code')?.textContent,
        };
      });
      assert.equal(banner.hidden, false);
      assert.equal(banner.title, 'The MNIST digits could not be loaded:');
      assert.match(banner.text, /^This page's server has no usable copy of the digits.*Your link is fine and kept/);
      assert.doesNotMatch(banner.text, /scripts|setup|link could not/);
      assert.match(banner.details, detail);
      assert.match(await page.evaluate(() => window.location.hash), /scenario=mnist/, 'the link was lost');
      assert.deepEqual(errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
    });
  });
}

test('while the engine starts slowly the page shows no panels built from defaults, then the link\'s run',
  TIMEOUT, async () => {
    const slowEngine = {
      prepare: (p) => p.context().route('**/catgeo_engine.wasm', async (route) => {
        const response = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 4000));  // a slow network for the engine only
        await route.fulfill({ response });
      }),
    };
    await withPage(shared.browser, `${shared.server.url}#scenario=E5&epochs=7`, slowEngine, async ({ page, errors }) => {
      await page.waitForFunction(() => catgeo.phase === 'running', null, { timeout: 60_000 });
      const early = await page.evaluate(() => ({ report: catgeo.layoutReport(), runs: catgeo.runsCreated() }));
      assert.equal(early.runs, 0, 'the engine answered before the delay ended: the test proves nothing');
      // The panels are laid out and each says "Starting the engine...": no widget, no label from defaults.
      assert.ok(early.report.widgets === 0 && early.report.labels === 0,
        `widgets before the engine answered: ${JSON.stringify(early.report)}`);
      await saveScreenshot(page, 'engine-starting');
      await page.evaluate(() => catgeo.ready.then(() => true));
      const later = await page.evaluate(() => catgeo.layoutReport());
      assert.ok(later.windows > 1 && later.widgets > 0, `no panels once the run is built: ${JSON.stringify(later)}`);
      assert.equal(await page.evaluate(() => catgeo.config().id), 'E5');
      assert.deepEqual(errors, []);
    });
  });
