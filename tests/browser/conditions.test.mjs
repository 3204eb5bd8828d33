// The paper's conditions on the page (issue 20): the width study runs in the engine's worker while the page stays
// responsive (no main-thread task over 50 ms once it runs), reports its progress, cancels and runs again; the loss maps
// and the MNIST projection's information are drawn at a phone's and a laptop's size with nothing cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LONG_TASKS, LONG_TIMEOUT, saveScreenshot, useServerAndBrowser, waitForFrames, waitForRunning, withPage,
} from './harness.mjs';

const shared = useServerAndBrowser();


async function noLayoutProblems(page, where) {
  const problems = (await page.evaluate(() => catgeo.layoutReport())).problems;
  assert.deepEqual(problems, [], `${where}: ${JSON.stringify(problems)}`);
}

test('the width study: progress, no long tasks, cancel keeps its rows, run again completes', LONG_TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#scenario=E1&epochs=5&widths=1`,
    { initScript: LONG_TASKS }, async ({ page, errors }) => {
    await waitForRunning(page);
    // Shown by the link: it starts by itself and says what it trains.
    await page.waitForFunction(() => catgeo.widthStudy().state === 'running', null, { timeout: 60_000 });
    const since = await page.evaluate(() => performance.now());
    const progress = await page.waitForFunction(() => {
      const s = catgeo.widthStudy();
      return s.rows.length >= 2 && s.state === 'running' ? s : null;
    }, null, { timeout: 240_000 }).then((h) => h.jsonValue());
    assert.match(progress.message, /^run \d of 8: N = \d+, σ = 1$/, progress.message);
    // The frame never waits for it: the page's main thread has no long task while the worker trains the runs.
    await waitForFrames(page, 10);
    const long = await page.evaluate((t) => window.catgeoLongTasks.filter((x) => x.start > t), since);
    assert.deepEqual(long, [], `main-thread tasks over 50 ms during the study: ${JSON.stringify(long)}`);
    // Cancelled: it stops and keeps what it has.
    await page.evaluate(() => catgeo.setOption('width_study', 0));
    await page.waitForFunction(() => catgeo.widthStudy().state === 'cancelled', null, { timeout: 30_000 });
    const cancelled = await page.evaluate(() => catgeo.widthStudy());
    assert.match(cancelled.message, /^cancelled after \d of 8 runs$/, cancelled.message);
    await waitForFrames(page, 20);
    assert.equal((await page.evaluate(() => catgeo.widthStudy())).rows.length, cancelled.rows.length);
    await saveScreenshot(page, 'width-study-cancelled');
    // Run again: all 8 runs, at two noise levels, and the formula's relative gap falls as the layer widens.
    await page.evaluate(() => catgeo.setOption('width_study', 1));
    await page.waitForFunction(() => catgeo.widthStudy().state === 'done', null, { timeout: 300_000 });
    const study = await page.evaluate(() => catgeo.widthStudy());
    assert.deepEqual(study.rows.map((r) => r.width), [8, 32, 128, 512, 8, 32, 128, 512]);
    assert.deepEqual([...new Set(study.rows.map((r) => r.sigma))], [1, 2]);
    for (const r of study.rows) {
      assert.equal(r.state, 'finished', r.link);
      assert.ok(r.info_r > 0 && r.info_r <= r.info_x + 3 * r.info_r_se, JSON.stringify(r));
      assert.ok(r.link.includes(`layers=${r.width}s`) || r.width === 128, r.link);  // 128: the preset's, not written
    }
    const wide = study.rows.filter((r) => r.width === 512);
    assert.ok(wide.every((r) => r.relative_gap < 0.2), JSON.stringify(wide));
    await waitForFrames(page, 5);
    await noLayoutProblems(page, 'laptop, width study done');
    await saveScreenshot(page, 'width-study');
    // Dropout noise has no sigma to vary: the panel says so instead of running.
    await page.evaluate(() => catgeo.load('scenario=E2&noise=dropout&widths=1'));
    await page.waitForFunction(() => catgeo.widthStudy().state === 'unavailable', null, { timeout: 60_000 });
    assert.match((await page.evaluate(() => catgeo.widthStudy())).message, /dropout/);
    assert.deepEqual(errors, []);
  });
});

test('the loss maps on a phone and a laptop, and the MNIST projection chart: drawn, nothing cut', LONG_TIMEOUT, async () => {
  for (const [name, options] of [['phone', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true }],
    ['laptop', {}]]) {
    await withPage(shared.browser, `${shared.server.url}#tour=14`, options, async ({ page, errors }) => {
      await waitForRunning(page);
      await page.waitForFunction(() => catgeo.lossMaps().before.epoch === 0, null, { timeout: 120_000 });
      await page.evaluate(() => catgeo.trainEpochs(30));
      await page.waitForFunction(() => catgeo.lossMaps().latest.epoch === 30, null, { timeout: 120_000 });
      await waitForFrames(page, 5);
      await noLayoutProblems(page, `${name}, loss maps`);
      await saveScreenshot(page, `loss-maps-${name}`);
      await page.evaluate(async () => { await catgeo.load('tour=15'); await catgeo.settled(); });
      await page.waitForFunction(() => Number.isFinite(catgeo.metrics().info_x_kde), null, { timeout: 120_000 });
      await waitForFrames(page, 5);
      await noLayoutProblems(page, `${name}, MNIST projection`);
      await saveScreenshot(page, `projection-${name}`);
      assert.deepEqual(errors, []);
    });
  }
});
