// CatGeo as readers meet it, as a figure: a blog post with two embeds served from a sub-path scrolls over them (wheel,
// finger) while a class mean still drags; an autoplay figure below the fold waits until it is scrolled to; a lecture on
// a projector is a slide whose tour answers a presenter's keys; the article's figures on a phone show their maps.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, saveScreenshot, startServer, TIMEOUT, webRoot, withPage } from './harness.mjs';

const shared = { server: null, browser: null, root: null };

// A blog with CatGeo under /catgeo/ (the sub-path) and posts beside it.
const PARAGRAPH = '<p>' + 'Category learning bends the code of a network near the boundaries between categories. '
  .repeat(8) + '</p>';
function post(frames, { width, height, spacer = 0 }) {
  const figures = frames.map((src, i) => `<figure><iframe id="figure${i + 1}" src="catgeo/index.html#${src}"
    style="display:block;border:0;width:${width};height:${height}px" title="CatGeo figure ${i + 1}"></iframe>
    <figcaption>Figure ${i + 1}.</figcaption></figure>${PARAGRAPH.repeat(3)}`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>A blog post</title>
    <style>body{margin:0 auto;max-width:760px;padding:16px;font:17px/1.6 Georgia,serif}</style></head>
    <body><h1>A post with live figures</h1>${PARAGRAPH}<div style="height:${spacer}px"></div>${figures}
    ${PARAGRAPH.repeat(12)}</body></html>`;
}

before(async () => {
  shared.root = await mkdtemp(path.join(os.tmpdir(), 'catgeo-blog-'));
  await symlink(webRoot, path.join(shared.root, 'catgeo'));
  await writeFile(path.join(shared.root, 'laptop.html'),
    post(['tour=3&embed=1', 'scenario=E5&seed=3&embed=1'], { width: '640px', height: 400 }));
  await writeFile(path.join(shared.root, 'phone.html'),
    post(['tour=3&embed=1', 'scenario=E5&seed=3&embed=1'], { width: '100%', height: 437 }));
  await writeFile(path.join(shared.root, 'below.html'),
    post(['tour=3&embed=1&autoplay=1'], { width: '640px', height: 400, spacer: 2400 }));
  shared.server = await startServer(shared.root);
  shared.browser = await launchBrowser();
});
after(async () => {
  await shared.browser?.close();
  await shared.server?.close();
  if (shared.root) await rm(shared.root, { recursive: true, force: true });
});

// The Playwright frame of iframe #id once its CatGeo runs and has settled.
async function runningFrame(page, id) {
  const handle = await page.waitForSelector(`#${id}`);
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => window.catgeo && window.catgeo.phase === 'running', null, { timeout: 120_000 });
  await frame.evaluate(() => catgeo.ready.then(() => true));
  return { frame, handle };
}

// Page coordinates of data point (x, y) on the first map of a frame's viewRect, offset by the iframe's box.
function onMap(rect, box, x, y) {
  const [x0, x1, y0, y1] = rect.extent;
  return { x: box.x + rect.left + (x - x0) / (x1 - x0) * (rect.right - rect.left),
           y: box.y + rect.bottom - (y - y0) / (y1 - y0) * (rect.bottom - rect.top) };
}

// The figure's viewRect once it has drawn its maps (a frame out of view draws nothing: it waits until it is back).
async function drawnRect(frame) {
  await frame.waitForFunction(() => catgeo.viewRect().valid && catgeo.viewRect().figure[2] > 0, null, { timeout: 30_000 });
  return frame.evaluate(() => catgeo.viewRect());
}

// Waits until the frame has drawn `count` more frames: ImGui 1.86 reads the pointer once per drawn frame, so a press
// and the moves after it must each be seen by a frame of their own (input requests a draw; a loop tick that draws
// nothing reads nothing).
async function waitForDraws(frame, count) {
  const drawn = () => frame.evaluate(() => catgeo.module.ccall('catgeo_frames_drawn', 'number', [], []));
  const target = (await drawn()) + count;
  await frame.waitForFunction((n) => catgeo.module.ccall('catgeo_frames_drawn', 'number', [], []) >= n, target,
    { timeout: 30_000 });
}

test('laptop: the wheel over an embedded figure scrolls the post, before and after a click; a class mean drags',
  TIMEOUT, async () => {
    await withPage(shared.browser, `${shared.server.url}laptop.html`, async ({ page, errors }) => {
      const first = await runningFrame(page, 'figure1');
      const second = await runningFrame(page, 'figure2');
      const wheelOver = async (handle, where) => {
        await page.evaluate(() => window.scrollTo(0, 0));
        await handle.scrollIntoViewIfNeeded();
        const start = await page.evaluate(() => window.scrollY);
        const box = await handle.boundingBox();
        const rect = await drawnRect(await handle.contentFrame());
        const points = {
          map: { x: box.x + (rect.left + rect.right) / 2, y: box.y + (rect.top + rect.bottom) / 2 },
          bar: { x: box.x + (rect.play_button[0] + rect.play_button[2]) / 2 + 200,
                 y: box.y + (rect.play_button[1] + rect.play_button[3]) / 2 },
          title: { x: box.x + 20, y: box.y + 10 },
        };
        await page.mouse.move(points[where].x, points[where].y);
        await page.waitForTimeout(200);  // the figure has drawn a frame with the pointer over it
        for (let notch = 0; notch < 10; ++notch) {
          await page.mouse.wheel(0, 100);
          await page.waitForTimeout(30);
        }
        await page.waitForFunction((y) => window.scrollY - y >= 300, start, { timeout: 10_000 }).catch(() => {});
        return (await page.evaluate(() => window.scrollY)) - start;
      };
      for (const where of ['map', 'bar', 'title']) {
        const scrolled = await wheelOver(first.handle, where);
        assert.ok(scrolled >= 300, `10 wheel notches over figure 1's ${where} scrolled the post ${scrolled} px`);
      }
      // A click into the figure (on the map, away from the class means) keeps the wheel the page's.
      await page.evaluate(() => window.scrollTo(0, 0));
      await first.handle.scrollIntoViewIfNeeded();
      const box = await first.handle.boundingBox();
      const rect = await drawnRect(first.frame);
      const empty = onMap(rect, box, 1.5, -1.5);
      await page.mouse.click(empty.x, empty.y);
      const afterClick = await wheelOver(first.handle, 'map');
      assert.ok(afterClick >= 300, `after a click, 10 notches over the map scrolled the post ${afterClick} px`);
      const overSecond = await wheelOver(second.handle, 'map');
      assert.ok(overSecond >= 300, `10 notches over figure 2 scrolled the post ${overSecond} px`);

      // Dragging a class mean in figure 2 still works: the run becomes a custom mixture with the mean moved.
      await page.evaluate(() => window.scrollTo(0, 0));
      await second.handle.scrollIntoViewIfNeeded();
      const box2 = await second.handle.boundingBox();
      const rect2 = await drawnRect(second.frame);
      const mean = (await second.frame.evaluate(() => catgeo.config())).classes[0].mean;
      const from = onMap(rect2, box2, mean[0], mean[1]), to = onMap(rect2, box2, mean[0] + 0.5, mean[1] - 0.4);
      await page.mouse.move(from.x, from.y);
      await waitForDraws(second.frame, 2);
      await page.mouse.down();
      await waitForDraws(second.frame, 2);
      for (let k = 1; k <= 8; ++k) {
        await page.mouse.move(from.x + (to.x - from.x) * k / 8, from.y + (to.y - from.y) * k / 8);
        await waitForDraws(second.frame, 1);
      }
      await page.mouse.up();
      await second.frame.waitForFunction(() => catgeo.config().id === 'custom', null, { timeout: 30_000 });
      const moved = (await second.frame.evaluate(() => catgeo.config())).classes[0].mean;
      assert.ok(Math.abs(moved[0] - (mean[0] + 0.5)) < 0.15 && Math.abs(moved[1] - (mean[1] - 0.4)) < 0.15,
        `the mean moved from ${mean} to ${moved}, the drag asked for +0.5, -0.4`);
      await saveScreenshot(page, 'figure-blog-laptop');
      assert.deepEqual(errors, []);
    });
  });

test('phone: a finger swipe over an embedded figure scrolls the post; a finger on a class mean drags it',
  TIMEOUT, async () => {
    await withPage(shared.browser, `${shared.server.url}phone.html`,
      { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true }, async ({ context, page, errors }) => {
      const first = await runningFrame(page, 'figure1');
      const second = await runningFrame(page, 'figure2');
      const cdp = await context.newCDPSession(page);
      const swipe = async (x, fromY, toY) => {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: fromY }] });
        for (let k = 1; k <= 12; ++k) {
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove',
            touchPoints: [{ x, y: fromY + (toY - fromY) * k / 12 }] });
          await page.waitForTimeout(16);
        }
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      };
      // Waits until the post has not scrolled for 300 ms (a swipe's fling goes on after the finger lifts).
      const still = () => page.waitForFunction(() => new Promise((resolve) => {
        const y = window.scrollY;
        setTimeout(() => resolve(window.scrollY === y), 300);
      }), null, { timeout: 10_000 });
      for (const { handle, frame, name } of [{ ...first, name: 'figure 1' }, { ...second, name: 'figure 2' }]) {
        // The figure in view, then moved so that the bottom of its map is 800 px down the screen: a finger can swipe
        // up over the map for 500 px or more, whatever the map's size.
        await still();
        await page.evaluate((id) => {
          window.scrollTo(0, document.getElementById(id).getBoundingClientRect().top + window.scrollY - 360);
        }, await handle.evaluate((element) => element.id));
        // Scrolled into view, the figure draws again: read its layout from a frame drawn now, not from the last one
        // it drew out of view (which can be an earlier layout).
        const drawnBefore = await frame.evaluate(() => catgeo.module.ccall('catgeo_frames_drawn', 'number', [], []));
        await frame.waitForFunction((n) => catgeo.module.ccall('catgeo_frames_drawn', 'number', [], []) > n + 1,
          drawnBefore, { timeout: 5_000 }).catch(() => {});
        const rect = await drawnRect(frame);
        await still();
        const placed = await handle.boundingBox();
        await page.evaluate((dy) => window.scrollBy(0, dy), placed.y + rect.top + 0.9 * (rect.bottom - rect.top) - 800);
        await still();
        const box = await handle.boundingBox();
        const start = await page.evaluate(() => window.scrollY);
        // From near the bottom of the map upwards, away from the class means.
        const x = box.x + (rect.left + rect.right) / 2, y = Math.min(box.y + rect.top + 0.9 * (rect.bottom - rect.top), 830);
        assert.ok(y - 60 >= 500, `the swipe over ${name} is ${y - 60} px long (figure at ${box.y}, map ${rect.top}..${rect.bottom})`);
        await swipe(x, y, 60);
        await page.waitForFunction((s) => window.scrollY - s >= 300, start, { timeout: 10_000 }).catch(() => {});
        const scrolled = (await page.evaluate(() => window.scrollY)) - start;
        assert.ok(scrolled >= 300, `a ${(y - 60).toFixed(0)} px swipe over ${name} scrolled the post ${scrolled} px`);
        const state = await frame.evaluate(() => catgeo.state());
        assert.equal(state, 'paused', `the swipe started nothing in ${name}`);
      }
      // A finger on a class mean drags it, and the post does not move.
      await page.evaluate(() => window.scrollTo(0, 0));
      await second.handle.scrollIntoViewIfNeeded();
      const rect = await drawnRect(second.frame);
      const box = await second.handle.boundingBox();
      const cfg = await second.frame.evaluate(() => catgeo.config());
      const mean = cfg.classes[0].mean;
      const from = onMap(rect, box, mean[0], mean[1]), to = onMap(rect, box, mean[0] + 0.4, mean[1] + 0.5);
      const before = await page.evaluate(() => window.scrollY);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
      await waitForDraws(second.frame, 2);
      for (let k = 1; k <= 8; ++k) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove',
          touchPoints: [{ x: from.x + (to.x - from.x) * k / 8, y: from.y + (to.y - from.y) * k / 8 }] });
        await waitForDraws(second.frame, 1);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await second.frame.waitForFunction(() => catgeo.config().id === 'custom', null, { timeout: 30_000 });
      const moved = (await second.frame.evaluate(() => catgeo.config())).classes[0].mean;
      assert.ok(Math.abs(moved[0] - (mean[0] + 0.4)) < 0.2 && Math.abs(moved[1] - (mean[1] + 0.5)) < 0.2,
        `the finger moved the mean from ${mean} to ${moved}, the drag asked for +0.4, +0.5`);
      assert.equal(await page.evaluate(() => window.scrollY), before, 'dragging the mean scrolled the post');
      await saveScreenshot(page, 'figure-blog-phone');
      assert.deepEqual(errors, []);
    });
  });

test('an autoplay figure below the fold has not trained until it is scrolled into view', TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}below.html`, async ({ page, errors }) => {
    const handle = await page.waitForSelector('#figure1');
    const frame = await handle.contentFrame();
    await frame.waitForFunction(() => window.catgeo && window.catgeo.phase === 'running', null, { timeout: 120_000 })
      .catch(() => {});  // an off-screen frame may not draw at all: then it has not trained either
    await page.waitForTimeout(3000);
    const hidden = await frame.evaluate(() => (window.catgeo && catgeo.phase === 'running'
      ? { state: catgeo.state(), progress: catgeo.metrics().epoch_progress ?? 0 } : { state: 'not drawn', progress: 0 }));
    assert.ok(hidden.state !== 'training' && hidden.progress === 0,
      `below the fold the figure is ${hidden.state} at epoch ${hidden.progress}`);
    await handle.scrollIntoViewIfNeeded();
    await frame.waitForFunction(() => window.catgeo && catgeo.phase === 'running' && catgeo.state() === 'training',
      null, { timeout: 120_000 });
    await frame.waitForFunction(() => catgeo.metrics().epoch_progress > 0, null, { timeout: 60_000 });
    // It plays at a reader's pace (speed=auto: the step's 30 epochs over about 15 s), shown under the figure.
    const tour = await frame.evaluate(() => catgeo.tour());
    assert.equal(tour.step, 3);
    assert.deepEqual(errors, []);
  });
});

test('lecture at 1920x1080: a slide with maps of at least 35% of the width; the tour answers a presenter\'s keys',
  TIMEOUT, async () => {
    await withPage(shared.browser,
      `${shared.server.url}catgeo/index.html#tour=3&lecture=1`, { viewport: { width: 1920, height: 1080 } }, async ({ page, errors }) => {
      await page.waitForFunction(() => window.catgeo && catgeo.phase === 'running', null, { timeout: 120_000 });
      await page.evaluate(() => catgeo.ready.then(() => true));
      await page.evaluate(() => catgeo.trainEpochs(5));
      await page.waitForTimeout(500);
      const rect = await page.evaluate(() => catgeo.viewRect());
      assert.equal(rect.layout, 'stage');
      const mapWidth = rect.right - rect.left;
      assert.ok(mapWidth >= 0.35 * 1920, `each map is ${mapWidth} px wide, under 35% of 1920`);
      assert.ok(rect.figure[2] - rect.figure[0] >= 2 * mapWidth, `two maps side by side: ${rect.figure}`);
      const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById('catgeo-share-bar')).fontSize));
      assert.ok(fontSize >= 18, `the share buttons' type is ${fontSize} px on the projector`);
      const report = await page.evaluate(() => catgeo.layoutReport());
      assert.deepEqual(report.problems, [], JSON.stringify(report.problems));
      await saveScreenshot(page, 'figure-lecture-1920');
      // A clicker's PageDown and PageUp, the arrows, Home and End, with nothing focused (a presenter's first press).
      const stepAfter = async (key) => {
        const before = await page.evaluate(() => catgeo.tour().step);
        await page.keyboard.press(key);
        await page.waitForFunction((b) => catgeo.tour().step !== b, before, { timeout: 30_000 }).catch(() => {});
        await page.evaluate(() => catgeo.settled());
        return page.evaluate(() => catgeo.tour().step);
      };
      assert.equal(await stepAfter('PageDown'), 4);
      assert.equal(await stepAfter('ArrowRight'), 5);
      assert.equal(await stepAfter('PageUp'), 4);
      assert.equal(await stepAfter('End'), await page.evaluate(() => catgeo.tour().count));
      assert.equal(await stepAfter('Home'), 1);
      const link = await page.evaluate(() => catgeo.config().link);
      assert.match(link, /lecture=1/, `the steps keep the lecture: ${link}`);
      assert.deepEqual(errors, []);
    });
  });

test('the article on a phone: every figure shows its map at 60% of the frame or more, with no layout problem',
  TIMEOUT, async () => {
    await withPage(shared.browser, `${shared.server.url}catgeo/article.html`,
      { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true }, async ({ page, errors }) => {
      const ids = await page.evaluate(() => [...document.querySelectorAll('iframe.catgeo-frame')].map((f) => f.id));
      assert.ok(ids.length >= 8, `the article has ${ids.length} figures`);
      for (const id of ids) {
        const handle = await page.$(`#${id}`);
        await handle.scrollIntoViewIfNeeded();
        const frame = await handle.contentFrame();
        await frame.waitForFunction(() => window.catgeo && catgeo.phase === 'running', null, { timeout: 120_000 });
        await frame.evaluate(() => catgeo.ready.then(() => true));
        await frame.waitForFunction(() => catgeo.viewRect().figure[2] > 0, null, { timeout: 60_000 });
        const box = await handle.boundingBox();
        const rect = await frame.evaluate(() => catgeo.viewRect());
        const width = rect.figure[2] - rect.figure[0];
        const map = rect.right - rect.left;
        assert.ok(map >= 0.6 * box.width || width >= 0.6 * box.width,
          `${id}: its map is ${map.toFixed(0)} px (plots ${width.toFixed(0)} px) in a ${box.width} px frame`);
        const report = await frame.evaluate(() => catgeo.layoutReport());
        assert.deepEqual(report.problems, [], `${id}: ${JSON.stringify(report.problems)}`);
        if (id === ids[1]) await saveScreenshot(page, 'figure-article-phone');
      }
      assert.deepEqual(errors, []);
    });
  });
