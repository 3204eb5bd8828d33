// MNIST in the page: the digits are fetched on demand, a network trained in the frame loop passes 85% test
// accuracy within 90 s, and for the {4, 9} subset the top-20% eigenvector angle is reported and falls below 20°.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, saveViewScreenshot, useServerAndBrowser, waitForRunning } from './harness.mjs';

const TIMEOUT = { timeout: 300_000 };
const shared = useServerAndBrowser();

// Loads an MNIST link and waits until the digits have arrived and the run exists (state leaves "no_run").
async function loadMnist(page, link) {
  await page.evaluate((text) => catgeo.load(text), link);
  await page.waitForFunction(() => catgeo.state() !== 'no_run', null, { timeout: 60_000, polling: 250 });
}

test('all ten digits: test accuracy above 85% within 90 s of in-page training', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(shared.browser, shared.server.url);
  try {
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
  } finally {
    await context.close();
  }
});

test('a shared MNIST link opens without a notice while the digits load, then runs', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(shared.browser, `${shared.server.url}#scenario=mnist&digits=49`);
  try {
    await waitForRunning(page);
    const banner = await page.evaluate(() => {
      const element = document.getElementById('catgeo-notices');
      return element && !element.hidden ? element.textContent : '';
    });
    assert.equal(banner, '', `notices banner shown: ${banner}`);
    await page.waitForFunction(() => catgeo.state() !== 'no_run', null, { timeout: 60000 });
    assert.equal((await page.evaluate(() => catgeo.config())).id, 'mnist');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('digits {4, 9}: the top-20% angle between F_code and F_cat eigenvectors falls below 20 degrees', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(shared.browser, shared.server.url);
  try {
    await waitForRunning(page);
    await loadMnist(page, 'scenario=mnist&digits=49');
    const metrics = await page.evaluate(() => catgeo.trainEpochs(30));
    console.log(`mnist {4,9}: top-20% angle ${metrics.before.angle_deg_top20} -> ${metrics.angle_deg_top20} deg, ` +
                `accuracy ${metrics.test_accuracy}`);
    assert.equal(metrics.epochs, 30);
    assert.ok(metrics.angle_deg_top20 < 20, `top-20% angle ${metrics.angle_deg_top20}`);
    await saveViewScreenshot(page, 'mnist-49');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
