// MNIST in the page: the digits are fetched on demand, a network trained in the frame loop passes 85% test
// accuracy within 90 s, and for the {4, 9} subset the top-20% eigenvector angle is reported and falls below 20°.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveViewScreenshot, TIMEOUT, useServerAndBrowser, waitForRunning, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

// Loads an MNIST link and waits until the digits have arrived and the run exists (state leaves "no_run").
async function loadMnist(page, link) {
  await page.evaluate((text) => catgeo.load(text), link);
  await page.waitForFunction(() => catgeo.state() !== 'no_run', null, { timeout: 60_000, polling: 250 });
}

test('all ten digits: test accuracy above 85% within 90 s of in-page training', TIMEOUT, async () => {
  await withPage(shared.browser, shared.server.url, async ({ page, errors }) => {
    await waitForRunning(page);
    await loadMnist(page, 'scenario=mnist');
    const start = Date.now();
    await page.evaluate(() => catgeo.play());
    let metrics = null;
    while (Date.now() - start < 90_000) {
      await page.waitForTimeout(2000);
      metrics = await page.evaluate(() => catgeo.metrics());
      if (metrics.test_accuracy > 0.85) break;
    }
    const seconds = (Date.now() - start) / 1000;
    console.log(`mnist all ten: accuracy ${metrics.test_accuracy} at epoch ${metrics.epochs} after ${seconds.toFixed(1)} s; ` +
                `top-20% angle ${metrics.angle_deg_top20}`);
    assert.ok(metrics.test_accuracy > 0.85, `accuracy ${metrics.test_accuracy} after ${seconds} s`);
    assert.ok(Number.isFinite(metrics.angle_deg_top20), 'the top-20% angle is reported');
    await saveViewScreenshot(page, 'mnist-all-ten');
    await page.screenshot({ path: new URL('./artifacts/mnist-all-ten-page.png', import.meta.url).pathname });
    // The learned projection's maps (their ticks span tens of units), the digit gallery in the read-outs: tidy.
    const report = await page.evaluate(() => catgeo.layoutReport());
    assert.deepEqual(report.problems, [], 'the layout report lists no cut or overlapping label');
    assert.deepEqual(errors, []);
  });
});

test('a shared MNIST link opens without a notice while the digits load, then runs', TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#scenario=mnist&digits=49`, async ({ page, errors }) => {
    await waitForRunning(page);
    const banner = await page.evaluate(() => {
      const element = document.getElementById('catgeo-notices');
      return element && !element.hidden ? element.textContent : '';
    });
    assert.equal(banner, '', `notices banner shown: ${banner}`);
    await page.waitForFunction(() => catgeo.state() !== 'no_run', null, { timeout: 60000 });
    assert.equal((await page.evaluate(() => catgeo.config())).id, 'mnist');
    assert.deepEqual(errors, []);
  });
});

test('digits {4, 9}: the top-20% angle between F_code and F_cat eigenvectors falls below 20 degrees', TIMEOUT, async () => {
  await withPage(shared.browser, shared.server.url, async ({ page, errors }) => {
    await waitForRunning(page);
    await loadMnist(page, 'scenario=mnist&digits=49');
    const metrics = await page.evaluate(() => catgeo.trainEpochs(30));
    console.log(`mnist {4,9}: top-20% angle ${metrics.before.angle_deg_top20} -> ${metrics.angle_deg_top20} deg, ` +
                `accuracy ${metrics.test_accuracy}`);
    assert.equal(metrics.epochs, 30);
    assert.ok(metrics.angle_deg_top20 < 20, `top-20% angle ${metrics.angle_deg_top20}`);
    await saveViewScreenshot(page, 'mnist-49');
    assert.deepEqual(errors, []);
  });
});

test('{4, 9}: a path from a test 4 to a test 9 goes from the 4s to the 9s through the learned projection', TIMEOUT,
  async () => {
    await withPage(shared.browser, `${shared.server.url}#scenario=mnist&digits=49`, async ({ page, errors }) => {
      await waitForRunning(page);
      await page.waitForFunction(() => catgeo.state() !== 'no_run', null, { timeout: 60_000, polling: 250 });
      await page.evaluate(async () => { await catgeo.settled(); await catgeo.trainEpochs(3); });
      await page.evaluate(async () => {
        await catgeo.setOption('path_from', 4);
        await catgeo.setOption('path_to', 9);
      });
      await page.waitForFunction(() => catgeo.digitPath().valid, null, { timeout: 30_000, polling: 100 });
      const path = await page.evaluate(() => catgeo.digitPath());
      console.log(`mnist path #${path.test_a} -> #${path.test_b}: predicted ${path.predicted.join('')}; ` +
                  `P(4) ${path.p_from.map((p) => p.toFixed(2)).join(' ')}`);
      assert.equal(path.from, 4);
      assert.equal(path.to, 9);
      assert.equal(path.codes.length, 16);
      assert.equal(path.cosine_distance.length, 15);
      assert.equal(path.predicted[0], 4, 'the first image, the test 4 itself, is called a 4');
      assert.equal(path.predicted[15], 9, 'the last image, the test 9 itself, is called a 9');
      assert.ok(path.p_from[0] > 0.5 && path.p_from[15] < 0.5, `P(4) along the path: ${path.p_from}`);
      // The path's ends are the two digits' own codes: inside the maps' extent (the codes' bounding box).
      const rect = await page.evaluate(() => catgeo.viewRect());
      const [x0, x1, y0, y1] = rect.extent;
      for (const [x, y] of [path.codes[0], path.codes[15]])
        assert.ok(x >= x0 && x <= x1 && y >= y0 && y <= y1, `code (${x}, ${y}) outside the maps ${rect.extent}`);
      // Training moves the projection: the path is computed again with the newer network.
      await page.evaluate(() => catgeo.trainEpochs(1));
      await page.waitForFunction((old) => catgeo.digitPath().valid &&
        JSON.stringify(catgeo.digitPath().codes[0]) !== old, JSON.stringify(path.codes[0]), { timeout: 30_000 });
      const report = await page.evaluate(() => catgeo.layoutReport());
      assert.deepEqual(report.problems, [], JSON.stringify(report.problems));
      await page.screenshot({ path: new URL('./artifacts/mnist-path-page.png', import.meta.url).pathname });
      // The path is part of the share link: the link opens the same path.
      const link = await page.evaluate(async () => { await catgeo.settled(); return catgeo.config().link; });
      assert.match(link, /path=4,9,0/);
      // A pair past the largest a link holds (9999) is taken as that one: the link stays readable.
      const farLink = await page.evaluate(async () => {
        await catgeo.setOption('path_pair', 20000);
        await catgeo.settled();
        return catgeo.config().link;
      });
      assert.match(farLink, /path=4,9,9999/);
      assert.deepEqual(errors, []);
    });
  });
