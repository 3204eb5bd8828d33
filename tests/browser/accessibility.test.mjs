// Keyboard and screen-reader access (WCAG 2.1 AA where it applies to a canvas lab): Tab leaves the canvas for the
// page's buttons and Shift+Tab comes back, with a visible focus ring on both; an embedded figure hands Tab to its host
// page; the canvas's description and table in words follow metrics(); the live region announces a finished run and a
// tour step without announcing every epoch; axe-core finds nothing serious or critical on the lab, an embed and the
// article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { saveScreenshot, TIMEOUT, useServerAndBrowser, waitForFrames, waitForRunning, withPage } from './harness.mjs';
import { decodePng } from './png.mjs';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const shared = useServerAndBrowser();

async function withLab(link, body, options = {}) {
  await withPage(shared.browser, `${shared.server.url}#${link}`, options, async ({ page, errors }) => {
    await waitForRunning(page);
    await page.evaluate(() => catgeo.settled());
    await body({ page, errors });
  });
}

// What has the keyboard focus: 'canvas', a button's or link's text, or the element's tag.
const focused = (target) => target.evaluate(() => {
  const element = document.activeElement;
  if (!element || element === document.body) return 'body';
  return element.id === 'canvas' ? 'canvas' : (element.textContent.trim() || element.tagName.toLowerCase());
});

// The focus ring the page draws around what has the focus (the canvas's is an element over it, as the browser draws
// a WebGL canvas over its own outline): {visible (:focus-visible), style, width (px)}.
const focusRing = (page) => page.evaluate(() => {
  const element = document.activeElement;
  const visible = element.matches(':focus-visible');
  if (element.id === 'canvas') {
    const ring = getComputedStyle(document.getElementById('catgeo-focus-ring'));
    return { visible: visible && ring.display !== 'none', style: ring.borderTopStyle, width: parseFloat(ring.borderTopWidth) };
  }
  const style = getComputedStyle(element);
  return { visible, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
});

// Whether the screenshot's pixel (x, y) is white (the focus ring's colour).
function whiteAt(png, x, y) {
  const { width, channels, pixels } = decodePng(png);
  const at = (y * width + x) * channels;
  return pixels[at] > 240 && pixels[at + 1] > 240 && pixels[at + 2] > 240;
}

// axe-core's violations on the page (or frame) as it is now, iframes left out (each figure is checked on its own).
async function axeViolations(target) {
  await target.addScriptTag({ path: AXE_PATH });
  return target.evaluate(async () => {
    const result = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

function assertNoSeriousViolations(violations, where) {
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const listing = violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.join(', ')}`).join('\n');
  assert.equal(serious.length, 0, `axe-core on ${where} (all violations found):\n${listing}`);
}

test('Tab leaves the canvas for Copy link and Shift+Tab comes back, both with a visible focus ring; Escape returns ' +
  'to the lab; the shortcuts still work', TIMEOUT, async () => {
  await withLab('scenario=E5&epochs=10000', async ({ page, errors }) => {
    await page.focus('#canvas');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'Copy link', 'Tab from the canvas must reach the Copy link button');
    const buttonRing = await focusRing(page);
    assert.ok(buttonRing.visible && buttonRing.style === 'solid' && buttonRing.width >= 2,
      `Copy link's focus ring: ${JSON.stringify(buttonRing)}`);
    const buttonShot = await saveScreenshot(page, 'a11y-focus-copy-link');
    assert.ok(!whiteAt(buttonShot, 1, 400), 'no frame around the canvas while a button has the focus');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(page), 'canvas', 'Shift+Tab from Copy link must come back to the canvas');
    const canvasRing = await focusRing(page);
    assert.ok(canvasRing.visible && canvasRing.style === 'solid' && canvasRing.width >= 2,
      `the canvas's focus ring: ${JSON.stringify(canvasRing)}`);
    await waitForFrames(page, 3);
    const canvasShot = await saveScreenshot(page, 'a11y-focus-canvas');
    assert.ok(whiteAt(canvasShot, 1, 400) && whiteAt(canvasShot, 640, 798), 'the canvas\'s white frame is on screen');
    // Back on the canvas after a Shift+Tab (its Shift released in the app), the shortcuts work.
    await page.keyboard.press('Space');
    await page.waitForFunction(() => catgeo.state() === 'training', null, { timeout: 5000 });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => catgeo.state() === 'paused', null, { timeout: 5000 });
    // Escape on the page's buttons brings the focus back to the lab.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'Embed');
    await page.keyboard.press('Escape');
    assert.equal(await focused(page), 'canvas', 'Escape on the share bar must focus the lab');
    assert.deepEqual(errors, []);
  });
});

test('an embedded figure hands Tab on to its host page', TIMEOUT, async () => {
  await withPage(shared.browser, null, { viewport: { width: 900, height: 700 } }, async ({ page, errors }) => {
    await page.setContent(`<!doctype html><html lang="en"><title>Host</title><button id="before">Before</button>
      <iframe src="${shared.server.url}#scenario=E5&embed=1" title="CatGeo figure" width="720" height="480"></iframe>
      <button id="after">After</button>`);
    const frame = await (await page.$('iframe')).contentFrame();
    await frame.waitForFunction(() => window.catgeo && window.catgeo.phase === 'running', null, { timeout: 90_000 });
    await frame.evaluate(() => catgeo.ready.then(() => true));
    await frame.focus('#canvas');
    await page.keyboard.press('Tab');
    assert.equal(await focused(frame), 'Open in CatGeo ↗', 'Tab from an embed\'s canvas reaches its one link');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'After', 'the next Tab leaves the figure for the host page');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(frame), 'canvas', 'Shift+Tab comes back to the figure\'s canvas');
    assert.deepEqual(errors, []);
  });
});

test('the canvas is described in words and a table that follow metrics() after training', TIMEOUT, async () => {
  await withLab('scenario=E5&epochs=10000', async ({ page, errors }) => {
    const described = await page.evaluate(() => document.getElementById('canvas').getAttribute('aria-describedby')
      .split(/\s+/).map((id) => document.getElementById(id)?.tagName.toLowerCase() ?? `missing #${id}`));
    assert.deepEqual(described, ['p', 'p', 'table'], 'aria-describedby: the summary, the keys and the table');
    const trained = await page.evaluate(() => catgeo.trainEpochs(3));
    assert.equal(trained.epoch, 3);
    // The words follow within a few seconds (at most every 3 s while training; paused, the last snapshot's).
    await page.waitForFunction(() => document.getElementById('catgeo-figure-table').dataset.epoch ===
      String(catgeo.metrics().epoch), null, { timeout: 20_000 });
    const { metrics, summary, cells, caption } = await page.evaluate(() => ({
      metrics: catgeo.metrics(),
      summary: document.getElementById('catgeo-figure-summary').textContent,
      caption: document.querySelector('#catgeo-figure-table caption').textContent,
      cells: Object.fromEntries([...document.querySelectorAll('#catgeo-figure-table tr[data-key]')]
        .map((row) => [row.dataset.key, [...row.querySelectorAll('td')].map((td) => td.textContent)])),
    }));
    assert.equal(metrics.epoch, 3);
    assert.match(summary, /F_cat/);
    assert.match(summary, /F_code/);
    assert.match(summary, /Scenario E5 \(/);
    assert.match(summary, /paused at epoch 3 of 10000/);
    assert.match(caption, /epoch 3/);
    const number = (text) => Number.parseFloat(text.replace(/[%°]/g, ''));
    assert.equal(number(cells.epoch[1]), 3);
    assert.equal(number(cells.epoch[0]), 0);
    assert.ok(Math.abs(number(cells.test_accuracy[1]) - 100 * metrics.test_accuracy) <= 0.051,
      `accuracy ${cells.test_accuracy[1]} vs ${metrics.test_accuracy}`);
    assert.ok(Math.abs(number(cells.test_accuracy[0]) - 100 * metrics.before.test_accuracy) <= 0.051,
      `accuracy before ${cells.test_accuracy[0]} vs ${metrics.before.test_accuracy}`);
    assert.ok(Math.abs(number(cells.angle_deg_weighted[1]) - metrics.angle_deg_weighted) <= 0.051,
      `angle ${cells.angle_deg_weighted[1]} vs ${metrics.angle_deg_weighted}`);
    for (const key of ['loglog_r', 'test_loss']) {  // 3 significant digits
      assert.ok(Math.abs(number(cells[key][1]) - metrics[key]) <= 0.005 * Math.abs(metrics[key]),
        `${key} ${cells[key][1]} vs ${metrics[key]}`);
    }
    assert.ok(summary.includes(`Test accuracy ${(100 * metrics.test_accuracy).toFixed(1)}%`), summary);
    assert.deepEqual(errors, []);
  });
});

test('the live region announces a finished run and a tour step, not every epoch', TIMEOUT, async () => {
  await withLab('scenario=E5&epochs=6&speed=max', async ({ page, errors }) => {
    await page.evaluate(() => {
      const status = document.getElementById('catgeo-status');
      window.announced = [];
      new MutationObserver(() => window.announced.push(status.textContent))
        .observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.evaluate(() => catgeo.play());
    await page.waitForFunction(() => /finished/.test(document.getElementById('catgeo-status').textContent), null,
      { timeout: 60_000 });
    const { announced, metrics } = await page.evaluate(() => ({ announced: window.announced, metrics: catgeo.metrics() }));
    assert.equal(metrics.state, 'finished');
    assert.equal(metrics.epoch, 6);
    const last = announced[announced.length - 1];
    assert.ok(last.includes(`finished after 6 epochs, test accuracy ${(100 * metrics.test_accuracy).toFixed(1)}%`),
      `the finished run's announcement: ${last}`);
    assert.ok(announced.length <= 3, `6 epochs announced ${announced.length} times: ${JSON.stringify(announced)}`);
    assert.equal(announced.filter((text) => /finished/.test(text)).length, 1, JSON.stringify(announced));
    // A tour step is announced with its title.
    await page.evaluate(() => catgeo.tourStep(3));
    const tour = await page.evaluate(() => catgeo.tour());
    await page.waitForFunction((title) => document.getElementById('catgeo-status').textContent
      .startsWith(`Tour step 3 of 15: ${title}.`), tour.title, { timeout: 10_000 });
    assert.deepEqual(errors, []);
  });
});

test('axe-core: no serious or critical violations on the lab, an embedded figure and the article', TIMEOUT,
  async () => {
    await withLab('scenario=E5', async ({ page }) => {
      await page.evaluate(() => catgeo.trainEpochs(2));
      await page.waitForFunction(() => document.querySelector('#catgeo-figure-table tr'), null, { timeout: 20_000 });
      assertNoSeriousViolations(await axeViolations(page), 'the lab');
    });
    await withLab('tour=3&embed=1', async ({ page }) => {
      assertNoSeriousViolations(await axeViolations(page), 'an embedded figure (tour=3&embed=1)');
    }, { viewport: { width: 720, height: 480 } });
    await withPage(shared.browser, `${shared.server.url}article.html`, {
      // The figures are checked above; here a blank page stands in for each (ten labs at once would only load the
      // machine: axe leaves iframes out).
      prepare: (p) => p.route('**/index.html', (route) => route.fulfill({ contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>figure</title></html>' })),
    }, async ({ page }) => {
      assertNoSeriousViolations(await axeViolations(page), 'the article');
    });
  });
