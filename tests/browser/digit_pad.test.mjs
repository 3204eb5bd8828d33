// Draw your own digit (MNIST {0, 1}): after a few epochs a "1" drawn on the pad with real mouse events (a vertical
// stroke) is read as a 1 and lands nearer the 1s' codes than the 0s', Clear empties the pad, a drawn "0" (a ring) is
// read as a 0 and lands by the 0s; on a phone a finger draws on the pad (touch events). Screenshots of the pad and the
// maps at laptop and phone sizes; the layout report stays clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveScreenshot, TIMEOUT, useServerAndBrowser, waitForFrames, waitForRunning, withPage } from './harness.mjs';

const shared = useServerAndBrowser();
const LINK = '#scenario=mnist&digits=01';

async function startTrained(page, epochs) {
  await waitForRunning(page);
  await page.waitForFunction(() => catgeo.state() !== 'no_run', null, { timeout: 60_000, polling: 250 });
  const metrics = await page.evaluate((n) => catgeo.trainEpochs(n), epochs);
  console.log(`digit pad: {0, 1} after ${metrics.epochs} epochs, test accuracy ${metrics.test_accuracy}`);
  await waitForFrames(page, 3);
}

// Scrolls the panel holding the pad (mouse wheel over it) until all of the pad is visible; returns viewRect().
async function padInView(page) {
  for (let i = 0; i < 40; ++i) {
    const rect = await page.evaluate(() => catgeo.viewRect());
    const [left, top, right] = rect.digit_pad;
    const panel = rect.digit_pad_panel;  // the visible part of the panel the pad is in
    assert.ok(right > left, 'the digit pad is drawn');
    if (rect.digit_pad_visible) return rect;
    await page.mouse.move((left + right) / 2, (panel[1] + panel[3]) / 2);
    await page.mouse.wheel(0, top > panel[1] ? 100 : -100);  // cut at the panel's bottom: scroll down, else up
    await waitForFrames(page, 2);
  }
  await saveScreenshot(page, 'digit-pad-not-in-view');
  const rect = await page.evaluate(() => catgeo.viewRect());
  throw new Error(`the digit pad never came into view: ${JSON.stringify(rect.digit_pad)} in ${rect.digit_pad_panel}`);
}

// Phone: wheels the sheet until most of the pad shows (a wheel step is larger than the room the sheet leaves around
// the pad; and a finger dragging the sheet's empty space does not scroll it in ImGui 1.86: the press makes the window
// the active item, and App::drag_to_scroll waits for no active item); returns the pad's visible rows v0..v1 (0..1
// down the pad) and viewRect().
async function padMostlyInView(page) {
  for (let i = 0; i < 30; ++i) {
    const rect = await page.evaluate(() => catgeo.viewRect());
    const [left, top, right, bottom] = rect.digit_pad;
    const panel = rect.digit_pad_panel;
    const v0 = Math.max(0, (panel[1] - top) / (bottom - top)), v1 = Math.min(1, (panel[3] - top) / (bottom - top));
    if (v1 - v0 >= 0.7) return { rect, v0, v1 };
    await page.mouse.move((left + right) / 2, (panel[1] + panel[3]) / 2);
    await page.mouse.wheel(0, top > panel[1] ? 100 : -100);
    await waitForFrames(page, 2);
  }
  throw new Error('the digit pad never came into view');
}

// Pad coordinates (0..1 across, 0..1 down) to the screen.
const onPad = (pad, u, v) => ({ x: pad[0] + u * (pad[2] - pad[0]), y: pad[1] + v * (pad[3] - pad[1]) });

// A "1": a vertical stroke; a "0": a ring, as polylines in pad coordinates.
const ONE = Array.from({ length: 16 }, (_, k) => [0.5 + 0.02 * (k / 15), 0.18 + 0.64 * (k / 15)]);
const ZERO = Array.from({ length: 41 }, (_, k) => {
  const t = (2 * Math.PI * k) / 40;
  return [0.5 + 0.24 * Math.sin(t), 0.5 - 0.32 * Math.cos(t)];
});

async function mouseStroke(page, pad, points) {
  const first = onPad(pad, ...points[0]);
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  await waitForFrames(page, 1);
  for (const p of points.slice(1)) {
    const s = onPad(pad, ...p);
    await page.mouse.move(s.x, s.y, { steps: 2 });
    await waitForFrames(page, 1);
  }
  await page.mouse.up();
  await waitForFrames(page, 2);
}

// The reading of the drawing once it is the pad's latest (the one sent on release) and valid.
async function reading(page) {
  await page.waitForFunction(() => {
    const d = catgeo.drawnDigit();
    return d.valid && d.command === catgeo.module.ccall('catgeo_last_sent', 'number', [], []);
  }, null, { timeout: 30_000, polling: 100 });
  return page.evaluate(() => catgeo.drawnDigit());
}

const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);

function checkLanding(d, digit) {
  const other = 1 - digit;
  const near = distance(d.code, d.centroids[digit]), far = distance(d.code, d.centroids[other]);
  console.log(`digit pad: drawn ${digit} -> predicted ${d.predicted}, posterior [${d.posterior.map((p) => p.toFixed(3))}]` +
              ` (digits ${d.digits}), code [${d.code.map((v) => v.toFixed(2))}], centroid of the ${digit}s ` +
              `[${d.centroids[digit].map((v) => v.toFixed(2))}] at ${near.toFixed(2)}, of the ${other}s ` +
              `[${d.centroids[other].map((v) => v.toFixed(2))}] at ${far.toFixed(2)}; F_code ` +
              `${JSON.stringify(d.fcode.map((r) => r.map((v) => Number(v.toPrecision(3)))))}; nearest training digits ` +
              `${d.nearest.map((n) => n.digit).join('')}`);
  assert.equal(d.predicted, digit, `a drawn ${digit} is read as a ${d.predicted}`);
  assert.ok(near < far, `a drawn ${digit} lands nearer the ${other}s' codes (${far}) than the ${digit}s' (${near})`);
  assert.equal(d.fcode.length, 2);
  assert.ok(d.fcode[0][0] > 0 && d.fcode[1][1] > 0 && d.fcode[0][1] === d.fcode[1][0], 'F_code is a 2x2 SPD matrix');
  assert.ok(d.nearest.length > 0 && d.nearest.filter((n) => n.digit === digit).length >= d.nearest.length / 2,
    `most nearest training digits are ${digit}s: ${d.nearest.map((n) => n.digit).join('')}`);
}

test('laptop: a drawn 1 and a drawn 0 land in their classes\' regions of the projection', TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}${LINK}`, async ({ page, errors }) => {
    await startTrained(page, 3);
    let rect = await padInView(page);
    await mouseStroke(page, rect.digit_pad, ONE);
    const one = await reading(page);
    checkLanding(one, 1);
    await waitForFrames(page, 3);
    await saveScreenshot(page, 'digit-pad-laptop-1');

    rect = await padInView(page);
    const [cl, ct, cr, cb] = rect.digit_pad_clear;
    assert.ok(cr > cl, 'the Clear button is drawn');
    await page.mouse.click((cl + cr) / 2, (ct + cb) / 2);
    await page.waitForFunction(() => catgeo.drawnDigit().inked === 0 && !catgeo.drawnDigit().active, null,
      { timeout: 10_000, polling: 100 });

    rect = await padInView(page);
    await mouseStroke(page, rect.digit_pad, ZERO);
    const zero = await reading(page);
    checkLanding(zero, 0);
    await page.mouse.move(5, 5);  // no hover read-out over the figure
    await waitForFrames(page, 3);
    await saveScreenshot(page, 'digit-pad-laptop-0');
    const panel = rect.digit_pad_panel;  // the read-out under the pad: the posterior, the image read, the nearest digits
    await page.mouse.move((panel[0] + panel[2]) / 2, (panel[1] + panel[3]) / 2);
    await page.mouse.wheel(0, 360);
    await page.mouse.move(5, 5);
    await waitForFrames(page, 4);
    await saveScreenshot(page, 'digit-pad-laptop-readout');
    const report = await page.evaluate(() => catgeo.layoutReport());
    assert.deepEqual(report.problems, [], 'the layout report lists no cut or overlapping label');

    // The API draws the same way: a blank drawing gets its message.
    const blank = await page.evaluate(() => catgeo.drawDigit(new Array(784).fill(0)));
    assert.ok(!blank.valid && blank.error === 'draw a digit on the pad', JSON.stringify(blank));
    assert.deepEqual(errors, []);
  });
});

test('phone: a finger draws on the pad', TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}${LINK}`,
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true }, async ({ context, page, errors }) => {
    await startTrained(page, 2);
    await page.evaluate(() => catgeo.setOption('sheet_tab', 2));  // Read-outs
    await waitForFrames(page, 3);
    const cdp = await context.newCDPSession(page);
    let rect = await page.evaluate(() => catgeo.viewRect());
    assert.equal(rect.layout, 'portrait');
    const shown = await padMostlyInView(page);
    rect = shown.rect;
    const pad = rect.digit_pad;
    assert.ok(pad[2] - pad[0] >= 150, `the pad is ${pad[2] - pad[0]} px wide on a 390 px phone`);
    // The "1" in the rows of the pad the sheet shows.
    const stroke = ONE.map(([u, v]) => [u, shown.v0 + 0.05 + (shown.v1 - shown.v0 - 0.1) * v]);
    const first = onPad(pad, ...stroke[0]);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first] });
    await waitForFrames(page, 2);
    for (const p of stroke.slice(1)) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [onPad(pad, ...p)] });
      await waitForFrames(page, 1);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await waitForFrames(page, 3);
    const after = await page.evaluate(() => catgeo.viewRect());
    assert.deepEqual(after.digit_pad, pad, 'the finger drew on the pad instead of scrolling the sheet');
    const d = await reading(page);
    console.log(`digit pad (phone, touch): ${d.inked} pad pixels inked, predicted ${d.predicted}, ` +
                `posterior [${d.posterior.map((p) => p.toFixed(3))}], code [${d.code.map((v) => v.toFixed(2))}]`);
    assert.ok(d.inked > 20, `${d.inked} pad pixels inked by the finger`);
    await waitForFrames(page, 3);
    await saveScreenshot(page, 'digit-pad-phone');
    const report = await page.evaluate(() => catgeo.layoutReport());
    assert.deepEqual(report.problems, [], 'the layout report lists no cut or overlapping label');
    assert.deepEqual(errors, []);
  });
});
