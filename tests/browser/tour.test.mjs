// The guided tour: every step opens from its link (tour=N), shows its caption, and, for the steps that train, the
// metric its caption names moves the way the caption says; one step embeds as one figure with its caption.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LONG_TIMEOUT, saveScreenshot, useServerAndBrowser, waitForFrames, waitForRunning, withPage,
} from './harness.mjs';

const shared = useServerAndBrowser();

// Waits until the page draws what tour step `n` names (viewRect().tour_focus) and until it lies on the canvas: the
// page scrolls it into view over a few frames, and again when what arrives later above it (images, a measurement)
// pushes it down.
async function checkFocusOnCanvas(page, n, where) {
  const handle = await page.waitForFunction(() => {
    const f = catgeo.viewRect().tour_focus;
    return f[2] > f[0] && f[3] > f[1] ? f : null;
  }, null, { timeout: 60_000 }).catch(() => null);
  assert.ok(handle, `${where}, step ${n}: what the step names was never drawn`);
  const onCanvas = await page.waitForFunction(() => {
    const rect = catgeo.viewRect();
    const [l, t, r, b] = rect.tour_focus, [, , w, h] = rect.canvas;
    return r > l && l >= 0 && t >= 0 && r <= w + 0.5 && b <= h + 0.5;
  }, null, { timeout: 30_000 }).then(() => true, () => false);
  const rect = await page.evaluate(() => catgeo.viewRect());
  assert.ok(onCanvas, `${where}, step ${n}: what it names is at [${rect.tour_focus.map((v) => v.toFixed(0))}], off ` +
    `the ${rect.canvas[2]}x${rect.canvas[3]} canvas for 30 s`);
}

// Information measures come on the engine's schedule, after the epoch's metrics: wait for the one of `epoch`.
const INFORMATION_KEYS = new Set(['info_x_kde', 'info_r']);
async function measuredAt(page, epoch, key) {
  await page.waitForFunction(([e, k]) => {
    const m = catgeo.metrics();
    return m.info_epoch === e && Number.isFinite(m[k]);
  }, [epoch, key], { timeout: 120_000 });
  return page.evaluate(() => catgeo.metrics());
}

// Step 13: the study's 8 runs end; at each sigma the relative gap between the formula and the estimate falls as the
// layer widens (8 -> 512).
async function checkWidthStudy(page) {
  await page.waitForFunction(() => catgeo.widthStudy().state === 'done', null, { timeout: 300_000 });
  const study = await page.evaluate(() => catgeo.widthStudy());
  assert.equal(study.rows.length, 8, JSON.stringify(study));
  for (const sigma of new Set(study.rows.map((r) => r.sigma))) {
    const gaps = study.rows.filter((r) => r.sigma === sigma).map((r) => r.relative_gap);
    console.log(`step 13: sigma ${sigma}: relative gaps ${gaps.map((g) => g.toPrecision(3)).join(', ')} at N = 8 .. 512`);
    for (let k = 1; k < gaps.length; ++k) assert.ok(gaps[k] < gaps[k - 1], `sigma ${sigma}: gaps ${gaps}`);
  }
}

// Step 14: before training the loss is largest away from the boundary; after 30 epochs it is less than half as large
// on average and sits mostly near the boundary.
async function checkLossMaps(page) {
  await page.waitForFunction(() => catgeo.lossMaps().before.epoch === 0, null, { timeout: 120_000 });
  await page.evaluate(() => catgeo.trainEpochs(30));
  await page.waitForFunction(() => catgeo.lossMaps().latest.epoch === 30, null, { timeout: 120_000 });
  const { before, latest } = await page.evaluate(() => catgeo.lossMaps());
  console.log(`step 14: loss ${before.average.toFixed(4)} -> ${latest.average.toFixed(4)} nats; near the boundary ` +
    `${before.near_boundary.toFixed(4)} -> ${latest.near_boundary.toFixed(4)}, elsewhere ${before.elsewhere.toFixed(4)} -> ` +
    `${latest.elsewhere.toFixed(4)}; share near ${latest.share_near_boundary.toFixed(2)}`);
  assert.ok(before.elsewhere > before.near_boundary, JSON.stringify(before));
  assert.ok(latest.average < 0.5 * before.average, `${before.average} -> ${latest.average}`);
  assert.ok(latest.near_boundary > latest.elsewhere && latest.share_near_boundary > 0.5, JSON.stringify(latest));
}

test('every tour step loads from its link, shows its caption and keeps its claim', LONG_TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#tour=1`, async ({ page, errors }) => {
    await waitForRunning(page);
    const count = await page.evaluate(() => catgeo.tour().count);
    assert.equal(count, 15, `${count} steps`);
    for (let n = 1; n <= count; ++n) {
      const step = await page.evaluate(async (k) => {
        const loaded = await catgeo.load(`tour=${k}`);
        await catgeo.settled();
        return { loaded, tour: catgeo.tour(), config: catgeo.config(), before: catgeo.metrics() };
      }, n);
      assert.equal(step.loaded.ok, true, `step ${n}: ${step.loaded.error}`);
      assert.deepEqual(step.loaded.notices, [], `step ${n}: notices`);
      assert.equal(step.tour.step, n);
      assert.equal(step.config.view.tour, n);
      assert.ok(step.config.link.includes(`tour=${n}`), step.config.link);
      assert.ok(step.config.link.startsWith(step.tour.link.split('&')[0]), `step ${n} runs ${step.config.link}`);
      await waitForFrames(page, 3);
      assert.equal(await page.evaluate(() => catgeo.tour().shown), true, `step ${n}: caption not drawn`);
      await checkFocusOnCanvas(page, n, 'laptop');
      await saveScreenshot(page, `tour-${n}`);
      assert.deepEqual((await page.evaluate(() => catgeo.layoutReport())).problems, [], `step ${n}: layout report`);
      const claim = step.tour.claim;
      if (n === 13) {  // the width study: the high-SNR formula meets the estimate as N / sigma^2 grows
        await checkWidthStudy(page);
        continue;
      }
      if (n === 14) {  // the loss maps: where the loss was before training and where it went
        await checkLossMaps(page);
        continue;
      }
      if (!claim) {  // steps 1 and 2 are about the 1-D picture: where F_cat peaks against the class boundary
        const offset = Math.abs(step.before.fcat_peaks[0] - step.before.boundaries[0]);
        console.log(`step ${n} (${step.tour.title}): F_cat peak ${step.before.fcat_peaks}, boundary ${step.before.boundaries}`);
        assert.ok(n === 1 ? offset < 0.02 : offset > 0.05, `step ${n}: the F_cat peak is ${offset} from the boundary`);
        continue;
      }
      if (INFORMATION_KEYS.has(claim.metric)) step.before = await measuredAt(page, 0, claim.metric);
      let after = await page.evaluate((epochs) => catgeo.trainEpochs(epochs), claim.epochs);
      if (INFORMATION_KEYS.has(claim.metric)) after = await measuredAt(page, claim.epochs, claim.metric);
      const b = step.before[claim.metric], a = after[claim.metric];
      console.log(`step ${n} (${step.tour.title}): ${claim.metric} ${b} -> ${a} after ${claim.epochs} epochs`);
      assert.ok(Number.isFinite(a) && Number.isFinite(b), `${claim.metric}: ${b} -> ${a}`);
      assert.ok(claim.rises ? a > b : a < b, `step ${n}: ${claim.metric} should ${claim.rises ? 'rise' : 'fall'}: ${b} -> ${a}`);
    }
    assert.deepEqual(errors, []);
  });
});

test('one tour step embeds as one figure with its caption and the (i) note', LONG_TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#tour=3&embed=1`,
    { viewport: { width: 720, height: 480 } }, async ({ page, errors }) => {
    await waitForRunning(page);
    await page.evaluate(() => catgeo.settled());
    await waitForFrames(page, 3);
    const r = await page.evaluate(() => ({ tour: catgeo.tour(), rect: catgeo.viewRect() }));
    assert.equal(r.tour.step, 3);
    assert.equal(r.tour.shown, true);
    assert.equal(r.rect.layout, 'compact');
    assert.ok(r.rect.figure[2] > r.rect.figure[0], 'a figure under the caption');
    await saveScreenshot(page, 'tour-embed');
    assert.deepEqual((await page.evaluate(() => catgeo.layoutReport())).problems, [], 'layout report');
    assert.deepEqual(errors, []);
  });
});

test('a tour step about the maps on a phone: caption, a map at least 60% of the width, nothing cut', LONG_TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#tour=6`,
    { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, hasTouch: true }, async ({ page, errors }) => {
    await waitForRunning(page);
    await page.evaluate(() => catgeo.settled());
    await waitForFrames(page, 3);
    const r = await page.evaluate(() => ({ tour: catgeo.tour(), rect: catgeo.viewRect(), report: catgeo.layoutReport() }));
    await saveScreenshot(page, 'tour-phone');
    assert.equal(r.tour.shown, true);
    assert.equal(r.rect.layout, 'portrait');
    const [left, , right] = r.rect.figure;
    assert.ok(right - left >= 0.6 * 360, `the map is ${right - left} px wide on a 360 px phone`);
    assert.deepEqual(r.report.problems, []);
    assert.deepEqual(errors, []);
  });
});

test('a phone shows what every step names: the map it is about, or the tab and place of its chart', LONG_TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#tour=1`,
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true }, async ({ page, errors }) => {
    await waitForRunning(page);
    for (let n = 1; n <= 15; ++n) {
      await page.evaluate(async (k) => { await catgeo.load(`tour=${k}`); await catgeo.settled(); }, n);
      await checkFocusOnCanvas(page, n, 'phone');
      if (n === 3 || n === 8 || n === 11) await saveScreenshot(page, `tour-phone-${n}`);
      const problems = (await page.evaluate(() => catgeo.layoutReport())).problems;
      assert.deepEqual(problems, [], `phone, step ${n}: ${JSON.stringify(problems)}`);
    }
    assert.deepEqual(errors, []);
  });
});
