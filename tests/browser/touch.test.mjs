// Touch: a quick tap (press and release delivered within one frame, as Playwright's touchscreen.tap and a phone's tap
// on a slow frame do) presses the button under the finger, on a tablet and on a phone; controls are at least 44 CSS px
// tall; a finger drags a class mean and draws points (touch events through the DevTools protocol).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TIMEOUT, useServerAndBrowser, waitForFrames, waitForRunning, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

async function tapPlay(page) {
  const rect = await page.evaluate(() => catgeo.viewRect().play_button);
  assert.ok(rect[2] > rect[0] && rect[3] > rect[1], `the Play button is on screen: ${rect}`);
  assert.ok(rect[3] - rect[1] >= 44, `the Play button is ${rect[3] - rect[1]} px tall on a touch screen`);
  await page.touchscreen.tap((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2);
}

for (const size of [{ name: 'tablet', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 2 },
                    { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 }]) {
  test(`${size.name}: a quick tap on Play / Pause toggles the run every time`, TIMEOUT, async () => {
    await withPage(shared.browser, `${shared.server.url}#scenario=E5&epochs=10000`,
      { viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, hasTouch: true }, async ({ page, errors }) => {
      await waitForRunning(page);
      await page.evaluate(() => catgeo.settled());
      const seen = [];
      for (let i = 0; i < 6; ++i) {
        const before = await page.evaluate(() => catgeo.state());
        await tapPlay(page);
        const want = before === 'training' ? 'paused' : 'training';
        const after = await page.waitForFunction((s) => catgeo.state() === s, want, { timeout: 5000 })
          .then(() => want, async () => page.evaluate(() => catgeo.state()));
        seen.push(`${before}->${after}`);
        await page.waitForTimeout(300);  // let the button's label follow the state
      }
      assert.ok(seen.every((s) => { const [from, to] = s.split('->'); return from !== to; }), `taps: ${seen.join(', ')}`);
      assert.deepEqual(errors, []);
    });
  });
}

// Screen position of data point (x, y) in the (left or only) 2-D map.
function toScreen(rect, x, y) {
  const [x0, x1, y0, y1] = rect.extent;
  return { x: rect.left + (x - x0) / (x1 - x0) * (rect.right - rect.left),
           y: rect.bottom - (y - y0) / (y1 - y0) * (rect.bottom - rect.top) };
}

// One finger down at `from`, moved in `steps` frames to `to`, lifted.
async function fingerDrag(page, cdp, from, to, steps = 10) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  await waitForFrames(page, 2);
  for (let k = 1; k <= steps; ++k) {
    const p = { x: from.x + (to.x - from.x) * k / steps, y: from.y + (to.y - from.y) * k / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
    await waitForFrames(page, 1);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await waitForFrames(page, 3);
}

test('phone: a finger drags a class mean and draws points', TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#scenario=E5`,
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true }, async ({ context, page, errors }) => {
    await waitForRunning(page);
    await page.evaluate(() => catgeo.settled());
    const cdp = await context.newCDPSession(page);
    const before = await page.evaluate(() => catgeo.config().classes[0].mean);
    let rect = await page.evaluate(() => catgeo.viewRect());
    await fingerDrag(page, cdp, toScreen(rect, before[0], before[1]), toScreen(rect, before[0] - 0.6, before[1] + 0.4));
    const after = await page.evaluate(async () => { await catgeo.settled(); return catgeo.config().classes[0].mean; });
    assert.ok(Math.abs(after[0] - (before[0] - 0.6)) < 0.15 && Math.abs(after[1] - (before[1] + 0.4)) < 0.15,
      `class 1's mean went from ${before} to ${after}, not to about [${before[0] - 0.6}, ${before[1] + 0.4}]`);

    await page.evaluate(async () => {
      await catgeo.addPoints([{ x: -1, y: -1, label: 0 }, { x: -1.2, y: -0.8, label: 0 }, { x: -0.8, y: -1.1, label: 0 },
        { x: 1, y: 1, label: 1 }, { x: 1.2, y: 0.8, label: 1 }, { x: 0.9, y: 1.1, label: 1 }]);
      await catgeo.setOption('tool', 1);
      await catgeo.setOption('draw_class', 1);
    });
    await waitForFrames(page, 3);
    rect = await page.evaluate(() => catgeo.viewRect());
    await fingerDrag(page, cdp, toScreen(rect, -1.5, 1.0), toScreen(rect, 0.0, 1.5), 12);
    const drawn = await page.evaluate(async () => { await catgeo.settled(); return catgeo.config().points; });
    assert.ok(drawn.length >= 6 + 3, `${drawn.length} points after drawing with a finger`);
    assert.ok(drawn.slice(6).every((p) => p[2] === 1), 'the drawn points have the chosen class');
    assert.deepEqual(errors, []);
  });
});

test('phone: a finger on the sheet scrolls its page', TIMEOUT,
  async () => {
    await withPage(shared.browser, `${shared.server.url}#scenario=E5`,
      { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true }, async ({ context, page, errors }) => {
      await waitForRunning(page);
      await page.evaluate(() => catgeo.settled());
      const cdp = await context.newCDPSession(page);
      const [top, most] = (await page.evaluate(() => catgeo.viewRect())).sheet_scroll;
      assert.ok(top === 0 && most > 200, `the Controls page scrolls (offset ${top} of ${most})`);
      // Up by 240 px from the Data section's text (not a widget), as a thumb scrolls a phone page.
      await fingerDrag(page, cdp, { x: 250, y: 800 }, { x: 250, y: 560 }, 12);
      const [after] = (await page.evaluate(() => catgeo.viewRect())).sheet_scroll;
      console.log(`a 240 px finger drag scrolled the sheet by ${after} px`);
      assert.ok(after >= 200, `a 240 px finger drag scrolled the sheet by ${after} px (the page follows the finger)`);
      assert.deepEqual(errors, []);
    });
  });
