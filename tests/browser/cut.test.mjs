// The 1-D cut: the "1-D cut" button, then a drag across a map (mouse on a laptop, a finger on a phone), gives the
// fields along the segment; on E5 the cut crosses the reference boundary x1 + x2 = 0 where the geometry says, the
// trained network's boundary near it, and F_cat peaks at the crossing. The plot's labels pass the layout report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveScreenshot, TIMEOUT, useServerAndBrowser, waitForFrames, waitForRunning, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

function toScreen(rect, x, y) {
  const [x0, x1, y0, y1] = rect.extent;
  return { x: rect.left + (x - x0) / (x1 - x0) * (rect.right - rect.left),
           y: rect.bottom - (y - y0) / (y1 - y0) * (rect.bottom - rect.top) };
}

// Where the segment A->B meets the line x1 + x2 = 0, as a distance from A.
function expectedCrossing(cut) {
  const [ax, ay, bx, by] = cut.segment;
  const t = -(ax + ay) / ((bx - ax) + (by - ay));
  return t * cut.length;
}

// The cut the release committed: the drag's previews are evaluated as it goes, and the release is seen by ImGui a
// frame or more after the last preview was sent, so wait until the link carries the cut and the fields shown are
// those of that segment (to the link's 3 decimals).
async function waitForCommittedCut(page) {
  await page.waitForFunction(() => {
    const field = catgeo.config().link.split('&').find((f) => f.startsWith('cut='));
    if (!field) return false;
    const linked = field.slice(4).split(',').map(Number);
    const c = catgeo.cut();
    return c.valid && c.distance && c.distance.length === 161 &&
      c.segment.every((v, i) => Math.abs(v - linked[i]) <= 0.0006);
  }, null, { timeout: 30_000 });
  return page.evaluate(() => catgeo.cut());
}

function checkE5Cut(cut) {
  assert.equal(cut.reference_crossings.length, 1, `reference crossings ${cut.reference_crossings}`);
  const expected = expectedCrossing(cut);
  assert.ok(Math.abs(cut.reference_crossings[0] - expected) < 0.02,
    `the cut crosses x1 + x2 = 0 at ${cut.reference_crossings[0]}, expected ${expected}`);
  const peak = cut.distance[cut.fcat.indexOf(Math.max(...cut.fcat))];
  assert.ok(Math.abs(peak - expected) < 0.1, `F_cat peaks at ${peak} along the cut, the boundary is at ${expected}`);
  assert.equal(cut.network_crossings.length, 1, `network crossings ${cut.network_crossings}`);
  assert.ok(Math.abs(cut.network_crossings[0] - expected) < 0.25,
    `the trained network's boundary crosses at ${cut.network_crossings[0]}, the reference's at ${expected}`);
}

test('laptop: the cut button and a mouse drag give the fields along the segment', TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#scenario=E5&seed=2`, async ({ page, errors }) => {
    await waitForRunning(page);
    await page.evaluate(async () => { await catgeo.settled(); await catgeo.trainEpochs(15); });
    const means = (await page.evaluate(() => catgeo.config())).classes.map((c) => c.mean);
    let rect = await page.evaluate(() => catgeo.viewRect());
    const button = rect.cut_button;
    assert.ok(button[2] > button[0], `the cut button is on screen: ${button}`);
    await page.mouse.click((button[0] + button[2]) / 2, (button[1] + button[3]) / 2);
    await waitForFrames(page, 3);
    rect = await page.evaluate(() => catgeo.viewRect());
    assert.equal(rect.cut_tool, true, 'the click turned the cut tool on');
    const a = toScreen(rect, -1.6, -1.2), b = toScreen(rect, 1.4, 1.8);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await waitForFrames(page, 2);  // ImGui 1.86 reads the pointer's position per frame: the press is seen at A
    for (let k = 1; k <= 12; ++k) {
      await page.mouse.move(a.x + (b.x - a.x) * k / 12, a.y + (b.y - a.y) * k / 12);
      await waitForFrames(page, 1);
    }
    await page.mouse.up();
    const cut = await waitForCommittedCut(page);
    assert.ok(Math.abs(cut.segment[0] + 1.6) < 0.05 && Math.abs(cut.segment[3] - 1.8) < 0.05,
      `the segment follows the drag: ${cut.segment}`);
    checkE5Cut(cut);
    // The cut is part of the share link, to the link's 3 decimals.
    const config = await page.evaluate(async () => { await catgeo.settled(); return catgeo.config(); });
    assert.match(config.link, /cut=-?\d/, `the share link carries the cut: ${config.link}`);
    assert.deepEqual(config.classes.map((c) => c.mean), means, 'the drag drew a cut and moved no class mean');
    // Training goes on: the cut is evaluated again with the newer network.
    const before = cut.fcode;
    await page.evaluate(() => catgeo.trainEpochs(5));
    const renewed = await page.waitForFunction((old) => {
      const c = catgeo.cut();
      return c.valid && c.fcode && c.fcode.length === old.length && c.fcode.some((v, i) => v !== old[i]);
    }, before, { timeout: 30_000 }).then(() => true, () => false);
    assert.ok(renewed, 'the cut still shows the earlier network 30 s after 5 more epochs');
    const report = await page.evaluate(() => catgeo.layoutReport());
    assert.deepEqual(report.problems, [], JSON.stringify(report.problems));
    await saveScreenshot(page, 'cut-laptop');
    assert.deepEqual(errors, []);
  });
});

test('phone: a tap on the cut button and a finger drag; the plot shows in the Charts tab', TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#scenario=E5&seed=2`,
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true }, async ({ context, page, errors }) => {
    await waitForRunning(page);
    await page.evaluate(async () => { await catgeo.settled(); await catgeo.trainEpochs(15); });
    let rect = await page.evaluate(() => catgeo.viewRect());
    const button = rect.cut_button;
    assert.ok(button[3] - button[1] >= 44, `the cut button is ${button[3] - button[1]} px tall on a touch screen`);
    await page.touchscreen.tap((button[0] + button[2]) / 2, (button[1] + button[3]) / 2);
    await waitForFrames(page, 3);
    rect = await page.evaluate(() => catgeo.viewRect());
    assert.equal(rect.cut_tool, true, 'the tap turned the cut tool on');
    const cdp = await context.newCDPSession(page);
    const a = toScreen(rect, -1.6, -1.2), b = toScreen(rect, 1.4, 1.8);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [a] });
    await waitForFrames(page, 2);
    for (let k = 1; k <= 10; ++k) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove',
        touchPoints: [{ x: a.x + (b.x - a.x) * k / 10, y: a.y + (b.y - a.y) * k / 10 }] });
      await waitForFrames(page, 1);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const cut = await waitForCommittedCut(page);
    checkE5Cut(cut);
    await page.evaluate(() => catgeo.setOption('sheet_tab', 1));  // Charts: the cut's plot is at its top
    await waitForFrames(page, 4);
    const report = await page.evaluate(() => catgeo.layoutReport());
    assert.deepEqual(report.problems, [], JSON.stringify(report.problems));
    await saveScreenshot(page, 'cut-phone');
    assert.deepEqual(errors, []);
  });
});
