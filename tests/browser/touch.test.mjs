// Touch: a quick tap (press and release delivered within one frame, as Playwright's touchscreen.tap and a phone's tap
// on a slow frame do) presses the button under the finger, on a tablet and on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useServerAndBrowser, waitForRunning } from './harness.mjs';

const shared = useServerAndBrowser();
const TIMEOUT = { timeout: 180_000 };

async function tapPlay(page) {
  const rect = await page.evaluate(() => catgeo.viewRect().play_button);
  assert.ok(rect[2] > rect[0] && rect[3] > rect[1], `the Play button is on screen: ${rect}`);
  await page.touchscreen.tap((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2);
}

for (const size of [{ name: 'tablet', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 2 },
                    { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 }]) {
  test(`${size.name}: a quick tap on Play / Pause toggles the run every time`, TIMEOUT, async () => {
    const { context, page, errors } = await openPage(shared.browser, `${shared.server.url}#scenario=E5&epochs=10000`,
      { viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, hasTouch: true });
    try {
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
    } finally {
      await context.close();
    }
  });
}
