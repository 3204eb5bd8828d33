// The information side on the page (issue 13): the engine measures I(μ; r), the cost split and the information plane
// on its schedule while training goes on; after training I(μ; r) lies between the lower bound and I(μ; x), it rose from
// epoch 0, the decoding cost is small beside the coding cost, and the charts are drawn with nothing cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveScreenshot, TIMEOUT, useServerAndBrowser, waitForRunning, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

test('E1: I(μ; r) is measured on schedule and lies between its bounds; its charts are drawn', TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#scenario=E1&epochs=100&seed=1`, async ({ page, errors }) => {
    await waitForRunning(page);
    const started = Date.now();
    await page.evaluate(() => catgeo.trainEpochs(100));
    const trained = Date.now();
    await page.waitForFunction(() => catgeo.metrics().info_epoch === 100, null, { timeout: 180_000, polling: 200 });
    const m = await page.evaluate(() => catgeo.metrics());
    console.log(`E1 seed 1: trained in ${((trained - started) / 1000).toFixed(1)} s, last measurement ` +
                `${((Date.now() - trained) / 1000).toFixed(1)} s later; I(μ;x) ${m.info_x}, lower bound ` +
                `${m.info_r_lower_bound}, I(μ;r) ${m.before.info_r} -> ${m.info_r} ± ${m.info_r_se}, high-SNR ` +
                `${m.info_r_highsnr}, coding ${m.coding_cost}, decoding ${m.decoding_cost}, I(x;r) ${m.info_xr}`);
    assert.ok(m.info_r <= m.info_x + 3 * m.info_r_se, 'I(μ; r) under its ceiling I(μ; x)');
    assert.ok(m.info_r >= m.info_r_lower_bound - 3 * m.info_r_se - 0.03, 'I(μ; r) above the lower bound (whose own ' +
              'error, from 2,000 test points, is about 0.014 nats)');
    assert.ok(m.info_r > m.before.info_r + 0.1, 'I(μ; r) rose with training');
    assert.ok(m.decoding_cost < 0.2 * m.coding_cost, 'decoding cost small beside the coding cost');
    assert.ok(Math.abs(m.coding_cost + m.decoding_cost - m.bayes_cost) < 1e-9, 'coding + decoding = Bayes cost');
    // The charts sit under the metric charts: scroll the metrics panel down to them and look.
    const rect = await page.evaluate(() => catgeo.viewRect());
    await page.mouse.move(rect.canvas[2] / 2, rect.canvas[3] - 120);
    for (let i = 0; i < 10; ++i) await page.mouse.wheel(0, 200);
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'information-e1');
    assert.deepEqual((await page.evaluate(() => catgeo.layoutReport())).problems, []);
    assert.deepEqual(errors, []);
  });
});
