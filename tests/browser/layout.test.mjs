// Layouts by canvas size: at phone, tablet, lecture, laptop, projector and iframe sizes the page picks its arrangement,
// the figure is large enough, the Play button is on screen, nothing logs an error; a screenshot of each is saved to
// tests/browser/artifacts/layout-<name>.png (scripts/screenshots copies them for the README).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveScreenshot, TIMEOUT, useServerAndBrowser, waitForFrames, waitForRunning, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

export const LAYOUT_SIZES = [
  { name: 'phone', viewport: { width: 360, height: 740 }, scale: 3, touch: true, layout: 'portrait', figure: 0.6 },
  { name: 'tablet', viewport: { width: 768, height: 1024 }, scale: 2, touch: true, layout: 'portrait', figure: 0.6 },
  { name: 'lecture', viewport: { width: 1024, height: 768 }, scale: 2, link: '&lecture=1', layout: 'stage', figure: 0.6 },
  { name: 'laptop', viewport: { width: 1280, height: 800 }, scale: 1, layout: 'columns' },
  { name: 'projector', viewport: { width: 1920, height: 1080 }, scale: 1, layout: 'columns' },
  { name: 'iframe-720x480', viewport: { width: 720, height: 480 }, scale: 1, link: '&embed=1', layout: 'compact', figure: 0.6 },
  { name: 'iframe-400x300', viewport: { width: 400, height: 300 }, scale: 2, link: '&embed=1', layout: 'compact', figure: 0.6 },
];

for (const size of LAYOUT_SIZES) {
  test(`${size.name} (${size.viewport.width}x${size.viewport.height}): ${size.layout} layout, figure and Play on screen`,
    TIMEOUT, async () => {
      await withPage(shared.browser,
        `${shared.server.url}#scenario=E5&epochs=20${size.link || ''}`,
        { viewport: size.viewport, deviceScaleFactor: size.scale, hasTouch: Boolean(size.touch) }, async ({ page, errors }) => {
        await waitForRunning(page);
        await page.evaluate(async () => { await catgeo.trainEpochs(20); });
        await page.waitForTimeout(500);  // a few frames with the trained fields
        const r = await page.evaluate(() => catgeo.viewRect());
        await saveScreenshot(page, `layout-${size.name}`);
        assert.equal(r.layout, size.layout);
        const [fl, ft, fr, fb] = r.figure;
        assert.ok(fr > fl && fb > ft && fl >= 0 && ft >= 0 && fr <= size.viewport.width && fb <= size.viewport.height,
          `the figure ${r.figure} lies on the canvas`);
        if (size.figure) {
          assert.ok(fr - fl >= size.figure * size.viewport.width,
            `the figure is ${(fr - fl).toFixed(0)} px wide, under ${size.figure * 100}% of ${size.viewport.width}`);
        }
        const [pl, pt, pr, pb] = r.play_button;
        assert.ok(pr > pl && pb > pt && pr <= size.viewport.width && pb <= size.viewport.height,
          `the Play button ${r.play_button} is on screen`);
        // The app's own layout report: no label cut or drawn over another, on every panel (portrait: every tab).
        const reportProblems = async (where) => {
          await page.waitForTimeout(300);  // frames laid out since the last change
          const report = await page.evaluate(() => catgeo.layoutReport());
          assert.ok(report.labels + report.widgets >= 10, `${where}: only ${report.labels} labels checked`);
          return report.problems.map((p) => `${where}: ${p.kind} "${p.text}"${p.other ? ` / "${p.other}"` : ''} ` +
            `in ${p.window} by ${p.by} px`);
        };
        const problems = await reportProblems('first view');
        if (size.layout === 'portrait') {
          for (const [tab, name] of [[1, 'Metrics'], [2, 'Read-outs'], [3, 'About'], [0, 'Controls']]) {
            await page.evaluate((t) => catgeo.setOption('sheet_tab', t), tab);
            problems.push(...await reportProblems(`${name} tab`));
            if (tab === 2) await saveScreenshot(page, `layout-${size.name}-readouts`);
          }
        }
        assert.deepEqual(problems, []);
        assert.deepEqual(errors, []);
      });
    });
}

test('the typeface is rasterised for the pixel ratio, and again when the ratio changes', TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#scenario=E5&epochs=5`,
    { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }, async ({ context, page, errors }) => {
    await waitForRunning(page);
    await waitForFrames(page, 10);  // more ticks than the settle frames
    const before = await page.evaluate(() => catgeo.layoutReport());
    assert.equal(before.pixel_ratio, 1);
    assert.equal(before.typeface_device_px, 13, 'at 1x the atlas holds 13 px glyphs');
    await page.evaluate(() => {  // main-thread long tasks while the atlas is rebuilt
      window.longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); })
        .observe({ type: 'longtask' });
    });
    const cdp = await context.newCDPSession(page);  // a window dragged to a 2x screen
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false });
    await page.waitForFunction(() => catgeo.layoutReport().typeface_device_px === 26, null, { timeout: 10_000 });
    // The change draws a few frames while ImGui settles its windows to the new sizes (src/platform/redraw_policy.h);
    // on a loaded machine they outlast a fixed wait (CI once read the report after 300 ms, between them).
    await waitForFrames(page, 10);  // more ticks than the settle frames
    const after = await page.evaluate(() => catgeo.layoutReport());
    assert.equal(after.pixel_ratio, 2);
    assert.equal(after.typeface_wanted_px, 26);
    assert.deepEqual(after.problems, [], 'the same layout at 2x: nothing cut');
    const longTasks = await page.evaluate(() => window.longTasks);
    console.log(`typeface rebuild 13 -> 26 px: main-thread long tasks ${JSON.stringify(longTasks)}`);
    assert.deepEqual(errors, []);
  });
});
