// Keyboard shortcuts: while the canvas has focus, Space plays and pauses and the right arrow trains one epoch; with
// the focus elsewhere the keys do nothing to the lab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TIMEOUT, useServerAndBrowser, waitForFrames, waitForRunning, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

test('Space plays and pauses, the right arrow steps one epoch, only while the canvas has focus', TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#scenario=E5&epochs=10000`, async ({ page, errors }) => {
    await waitForRunning(page);
    await page.evaluate(() => catgeo.settled());
    await page.focus('#canvas');
    const state = () => page.evaluate(() => catgeo.state());
    assert.equal(await state(), 'paused');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => catgeo.state() === 'training', null, { timeout: 5000 });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => catgeo.state() === 'paused', null, { timeout: 5000 });
    const before = await page.evaluate(async () => { await catgeo.settled(); return catgeo.metrics().epochs; });
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((e) => catgeo.metrics().epochs === e + 1, before, { timeout: 10_000 });
    await page.evaluate(() => catgeo.settled());  // the step's command completes after its epoch (fields refreshed)
    assert.equal(await state(), 'paused');
    assert.equal((await page.evaluate(() => catgeo.metrics())).epochs, before + 1, 'one epoch, not more');
    // Focus elsewhere: the keys do not reach the lab.
    await page.evaluate(() => { document.activeElement.blur(); });
    await page.keyboard.press('Space');
    await waitForFrames(page, 5);
    assert.equal(await state(), 'paused', 'Space without the canvas focused must not start training');
    assert.deepEqual(errors, []);
  });
});
