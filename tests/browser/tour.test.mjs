// The guided tour: every step opens from its link (tour=N), shows its caption, and, for the steps that train, the
// metric its caption names moves the way the caption says; one step embeds as one figure with its caption.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, saveScreenshot, useServerAndBrowser, waitForFrames, waitForRunning } from './harness.mjs';

const shared = useServerAndBrowser();
const TIMEOUT = { timeout: 420_000 };

// Waits until the page draws what tour step `n` names (viewRect().tour_focus) and checks that it lies on the canvas.
async function checkFocusOnCanvas(page, n, where) {
  const handle = await page.waitForFunction(() => {
    const f = catgeo.viewRect().tour_focus;
    return f[2] > f[0] && f[3] > f[1] ? f : null;
  }, null, { timeout: 60_000 }).catch(() => null);
  assert.ok(handle, `${where}, step ${n}: what the step names was never drawn`);
  await waitForFrames(page, 3);  // scrolled into view
  const rect = await page.evaluate(() => catgeo.viewRect());
  const [l, t, r, b] = rect.tour_focus, [, , w, h] = rect.canvas;
  assert.ok(l >= 0 && t >= 0 && r <= w + 0.5 && b <= h + 0.5,
    `${where}, step ${n}: what it names is at [${rect.tour_focus.map((v) => v.toFixed(0))}], off the ${w}x${h} canvas`);
}

test('every tour step loads from its link, shows its caption and keeps its claim', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(shared.browser, `${shared.server.url}#tour=1`);
  try {
    await waitForRunning(page);
    const count = await page.evaluate(() => catgeo.tour().count);
    assert.equal(count, 12, `${count} steps`);
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
      if (!claim) {  // steps 1 and 2 are about the 1-D picture: where F_cat peaks against the class boundary
        const offset = Math.abs(step.before.fcat_peaks[0] - step.before.boundaries[0]);
        console.log(`step ${n} (${step.tour.title}): F_cat peak ${step.before.fcat_peaks}, boundary ${step.before.boundaries}`);
        assert.ok(n === 1 ? offset < 0.02 : offset > 0.05, `step ${n}: the F_cat peak is ${offset} from the boundary`);
        continue;
      }
      const after = await page.evaluate((epochs) => catgeo.trainEpochs(epochs), claim.epochs);
      const b = step.before[claim.metric], a = after[claim.metric];
      console.log(`step ${n} (${step.tour.title}): ${claim.metric} ${b} -> ${a} after ${claim.epochs} epochs`);
      assert.ok(Number.isFinite(a) && Number.isFinite(b), `${claim.metric}: ${b} -> ${a}`);
      assert.ok(claim.rises ? a > b : a < b, `step ${n}: ${claim.metric} should ${claim.rises ? 'rise' : 'fall'}: ${b} -> ${a}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('one tour step embeds as one figure with its caption and the (i) note', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(shared.browser, `${shared.server.url}#tour=3&embed=1`,
    { viewport: { width: 720, height: 480 } });
  try {
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
  } finally {
    await context.close();
  }
});

test('a tour step about the maps on a phone: caption, a map at least 60% of the width, nothing cut', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(shared.browser, `${shared.server.url}#tour=6`,
    { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, hasTouch: true });
  try {
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
  } finally {
    await context.close();
  }
});

test('a phone shows what every step names: the map it is about, or the tab and place of its chart', TIMEOUT, async () => {
  const { context, page, errors } = await openPage(shared.browser, `${shared.server.url}#tour=1`,
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true });
  try {
    await waitForRunning(page);
    for (let n = 1; n <= 12; ++n) {
      await page.evaluate(async (k) => { await catgeo.load(`tour=${k}`); await catgeo.settled(); }, n);
      await checkFocusOnCanvas(page, n, 'phone');
      if (n === 3 || n === 8 || n === 11) await saveScreenshot(page, `tour-phone-${n}`);
      const problems = (await page.evaluate(() => catgeo.layoutReport())).problems;
      assert.deepEqual(problems, [], `phone, step ${n}: ${JSON.stringify(problems)}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
