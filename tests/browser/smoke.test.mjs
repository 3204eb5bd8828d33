// Smoke tests of the page: loads cleanly, draws a non-blank frame, sizes the canvas by devicePixelRatio,
// keeps the host page's wheel and keys, draws on demand when idle, redraws only what changed (pixel for pixel), and explains missing WebGL2 / WebAssembly / module failures in HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  messageText, saveScreenshot, TIMEOUT, useServerAndBrowser, waitForFrames, waitForRunning, waitForStart, webRoot,
  withPage,
} from './harness.mjs';
import { decodePng, imageStats } from './png.mjs';

const shared = useServerAndBrowser();

test('page loads, hides the progress bar and draws the CatGeo window without errors', TIMEOUT, async () => {
  await withPage(shared.browser, shared.server.url, async ({ page, errors }) => {
    await waitForRunning(page);
    assert.equal(await page.isVisible('#catgeo-loading'), false, 'progress bar still visible');
    assert.equal(await page.getAttribute('#catgeo-loading', 'aria-valuenow'), '100', 'download progress not at 100%');
    assert.equal(await page.isVisible('#catgeo-message'), false, 'error message visible');
    const stats = imageStats(decodePng(await saveScreenshot(page, 'smoke')));
    assert.ok(stats.background.every((channel) => channel < 64), `background not dark: ${stats.background}`);
    assert.ok(stats.distinctColors >= 4, `only ${stats.distinctColors} colours: blank canvas?`);
    assert.ok(stats.nonBackgroundFraction > 0.005, `only ${stats.nonBackgroundFraction} non-background pixels`);
    assert.deepEqual(errors, []);
  });
});

test('canvas backing store follows CSS size x devicePixelRatio, live', TIMEOUT, async () => {
  await withPage(shared.browser, shared.server.url,
    { viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 }, async ({ page, errors }) => {
    const canvasSize = () => page.evaluate(() => [document.getElementById('canvas').width,
      document.getElementById('canvas').height]);
    await waitForRunning(page);
    assert.deepEqual(await canvasSize(), [1600, 1200]);
    await page.setViewportSize({ width: 640, height: 480 });
    await waitForFrames(page, 5);
    assert.deepEqual(await canvasSize(), [1280, 960]);
    await saveScreenshot(page, 'smoke-dpr2');
    assert.deepEqual(errors, []);
  });
});

test('the wheel scrolls a panel only where it has more to show that way, else the page; keys outside the canvas are not taken',
  TIMEOUT, async () => {
  await withPage(shared.browser, shared.server.url, async ({ page, errors }) => {
    // Dispatches a cancelable wheel event on the canvas and reports whether the app prevented its default.
    const wheelPrevented = (x, y, deltaY) => page.evaluate(([clientX, clientY, dy]) => {
      const event = new WheelEvent('wheel', { deltaY: dy, clientX, clientY, bubbles: true, cancelable: true });
      document.getElementById('canvas').dispatchEvent(event);
      return event.defaultPrevented;
    }, [x, y, deltaY]);
    await waitForRunning(page);
    await page.mouse.move(1100, 300);  // the read-outs column, longer than the screen, at its top
    await waitForFrames(page, 3);
    // Up first: a wheel the panel takes scrolls it at the next frame, after which the panel is no longer at its top.
    assert.equal(await wheelPrevented(1100, 300, -100), false, 'the wheel up over a panel at its top scrolls the page');
    assert.equal(await wheelPrevented(1100, 300, 100), true, 'the wheel down over a panel with more below scrolls it');
    await page.mouse.move(640, 250);  // the figure
    await waitForFrames(page, 3);
    assert.equal(await wheelPrevented(640, 250, 100), false, 'the wheel over the figure scrolls the page');
    await page.mouse.move(1200, 790);  // background
    await waitForFrames(page, 3);
    assert.equal(await wheelPrevented(1200, 790, 100), false, 'the wheel over the background scrolls the page');
    const keyPrevented = await page.evaluate(() => {
      const event = new KeyboardEvent('keydown', { key: 'a', code: 'KeyA', bubbles: true, cancelable: true });
      document.body.dispatchEvent(event);
      return event.defaultPrevented;
    });
    assert.equal(keyPrevented, false, 'a key outside the canvas was swallowed');
    assert.deepEqual(errors, []);
  });
});

// Each case breaks one requirement before the page loads and expects a readable message instead of a blank canvas.
const failureCases = [
  {
    name: 'no-webgl2',
    expected: /WebGL2 is not available/,
    initScript: () => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : getContext.call(this, type, ...rest);
      };
    },
  },
  { name: 'no-webassembly', expected: /WebAssembly is not available/, initScript: () => { delete window.WebAssembly; } },
  // A file the server does not have: the reader is told to reload or tell the host (the server's fault, not the
  // page's), the browser's words are folded under Details.
  {
    name: 'wasm-missing',
    expected: /could not be downloaded\nA part of CatGeo did not arrive intact[\s\S]*Reload the page[\s\S]*404/,
    prepare: (page) => page.route('**/catgeo.wasm', (route) => route.fulfill({ status: 404, body: 'not found' })),
  },
  {
    name: 'wasm-damaged',
    expected: /could not be downloaded\nA part of CatGeo did not arrive intact[\s\S]*CompileError/,
    prepare: (page) => page.route('**/catgeo.wasm', (route) => route.fulfill({ status: 200, body: '<html>' })),
  },
  {
    name: 'worker-missing',
    expected: /could not be downloaded\nA part of CatGeo[\s\S]*catgeo-engine-worker\.js did not load/,
    prepare: (page) => page.route('**/catgeo-engine-worker.js', (route) => route.fulfill({ status: 404, body: '' })),
  },
  {
    name: 'engine-missing',
    expected: /could not be downloaded\nA part of CatGeo[\s\S]*the engine could not load/,
    prepare: (page) => page.route('**/catgeo_engine.js', (route) => route.fulfill({ status: 404, body: '' })),
  },
  // Opened from disk: a browser runs no worker there; the reader is told to serve the folder.
  {
    name: 'opened-from-a-file',
    url: () => pathToFileURL(path.join(webRoot, 'index.html')).href,
    expected: /CatGeo needs to be served\nBrowsers do not run CatGeo from a file on disk\. Serve its folder/,
  },
];

for (const { name, url, expected, initScript, prepare } of failureCases) {
  test(`shows a message when the page cannot start: ${name}`, TIMEOUT, async () => {
    await withPage(shared.browser, url ? url() : shared.server.url, { initScript, prepare }, async ({ page }) => {
      assert.equal(await waitForStart(page), 'failed');
      assert.equal(await page.isVisible('#catgeo-message'), true);
      assert.equal(await page.isVisible('#catgeo-loading'), false);
      assert.match(await messageText(page), expected);
      const details = await page.evaluate(() => document.getElementById('catgeo-message-details').hidden);
      assert.equal(details, name.startsWith('no-'), 'technical details are shown when there are any, and folded');
      await saveScreenshot(page, name);
    });
  });
}

test('an idle page draws on demand: few frames while nothing changes, a fresh frame on input or API calls',
  TIMEOUT, async () => {
    await withPage(shared.browser, `${shared.server.url}#scenario=E5`, async ({ page, errors }) => {
      const counts = () => page.evaluate(() => [window.catgeo.module.ccall('catgeo_frame_count', 'number', [], []),
        window.catgeo.module.ccall('catgeo_frames_drawn', 'number', [], [])]);
      await waitForRunning(page);
      // Settle: the fields, then the epoch-0 information measures (a background job, about 1.5 s here), drawn.
      await page.waitForFunction(() => window.catgeo.metrics().info_epoch === 0, null, { timeout: 30_000 });
      await page.waitForTimeout(1000);
      const [ticks0, drawn0] = await counts();
      await page.waitForTimeout(3000);
      const [ticks1, drawn1] = await counts();
      assert.ok(ticks1 - ticks0 >= 20, `the loop ran only ${ticks1 - ticks0} times in 3 s`);
      // A heartbeat frame per second at most (plus slack for a late settle frame).
      assert.ok(drawn1 - drawn0 <= 6, `an idle page drew ${drawn1 - drawn0} frames in 3 s`);

      await page.mouse.move(640, 300);
      await waitForFrames(page, 3);
      const [, drawn2] = await counts();
      assert.ok(drawn2 > drawn1, 'moving the mouse over the canvas drew no frame');

      // A change made through the API is drawn: the status line (mirrored from a drawn frame) follows it.
      await page.evaluate(() => window.catgeo.play());
      await waitForFrames(page, 10);
      const [, drawn3] = await counts();
      assert.ok(drawn3 - drawn2 >= 8, `training drew only ${drawn3 - drawn2} of 10 frames`);
      assert.deepEqual(errors, []);
    });
  });

// The renderer redraws only the tiles that changed (src/platform/draw_damage.h) into the picture it keeps. Audited
// frames read that picture back, draw the whole frame afresh and count the pixels that differ: none may, while a
// run trains (charts, numbers, maps, progress), the mouse moves and a panel scrolls, on a laptop (also with bare maps) and a phone.
// Bare maps (no glyphs, boundaries or points over them) change only by their textures' new pixels.
for (const { name, link, options } of [
  { name: 'laptop', link: 'scenario=E5&epochs=100000', options: {} },
  { name: 'laptop, bare maps', link: 'scenario=E5&epochs=100000&glyphs=0&boundary=0&data=0', options: {} },
  { name: 'phone', link: 'scenario=E5&epochs=100000',
    options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true } },
]) {
  test(`${name}: redrawing only what changed gives the same pixels as redrawing everything`, TIMEOUT, async () => {
    await withPage(shared.browser, `${shared.server.url}#${link}`, options, async ({ page, errors }) => {
      const audit = (frames) => page.evaluate((n) =>
        JSON.parse(window.catgeo.module.ccall('catgeo_redraw_audit', 'string', ['number'], [n])), frames);
      await waitForRunning(page);
      await page.evaluate(() => window.catgeo.play());
      const size = page.viewportSize();
      await audit(100_000);  // every frame from now on, until 20 that redrew part of the picture were checked
      const deadline = Date.now() + 90_000;
      for (let i = 0; (await audit(0)).redrawn_renders < 20 && Date.now() < deadline; ++i) {
        if (i % 2 === 0) await page.mouse.move(size.width * (0.2 + 0.01 * i), size.height * 0.5);
        if (i === 10) await page.mouse.wheel(0, 120);
        await page.waitForTimeout(100);
      }
      const result = await audit(0);
      assert.equal(result.differing_pixels, 0, `the kept picture differed from a full redraw: ${JSON.stringify(result)}`);
      assert.ok(result.redrawn_renders >= 20, `in 90 s only ${result.redrawn_renders} of ${result.renders} audited frames redrew part of the picture`);
      assert.deepEqual(errors, []);
    });
  });
}
