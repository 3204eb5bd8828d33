// Lab tests of the page through its JavaScript API and the real mouse: clean load, E5 alignment and E1 peak
// location after training in the page, scenario switch, reset, drawing points, divergence message, and a
// non-blank 2-D view. Training uses catgeo.trainEpochs (a Promise that resolves after exactly that many epochs), so results do not depend on wall time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  saveScreenshot, saveViewScreenshot, TIMEOUT, useServerAndBrowser, waitForFrames, waitForRunning, withPage,
} from './harness.mjs';
import { decodePng, imageStats } from './png.mjs';

const shared = useServerAndBrowser();

// Opens the page, waits for it to run, and hands { page, errors } to `body`; closes the context afterwards.
async function withLab(body) {
  await withPage(shared.browser, shared.server.url, async ({ page, errors }) => {
    await waitForRunning(page);
    await body({ page, errors });
  });
}

const statusText = (page) => page.evaluate(() => document.getElementById('catgeo-status').textContent);

test('lab loads E5 without console errors and draws a non-blank 2-D view', TIMEOUT, async () => {
  await withLab(async ({ page, errors }) => {
    const config = await page.evaluate(() => catgeo.config());
    assert.equal(config.id, 'E5');
    assert.equal(config.grid.dims, 2);
    await waitForFrames(page, 5);
    assert.match(await statusText(page), /E5/);
    const stats = imageStats(decodePng(await saveViewScreenshot(page, 'lab-2d-start')));
    assert.ok(stats.distinctColors >= 200, `2-D view has only ${stats.distinctColors} colours: blank?`);
    assert.deepEqual(errors, []);
  });
});

test('E5 trained in the page: weighted angle below 15 degrees, down from before training', TIMEOUT, async () => {
  await withLab(async ({ page, errors }) => {
    const metrics = await page.evaluate(async () => {
      await catgeo.load({ scenario: 'E5' });
      return catgeo.trainEpochs(200);
    });
    assert.equal(metrics.scenario, 'E5');
    assert.equal(metrics.epochs, 200);
    assert.equal(metrics.state, 'finished');
    assert.ok(metrics.angle_deg_weighted < 15, `angle ${metrics.angle_deg_weighted} deg`);
    assert.ok(metrics.before.angle_deg_weighted > metrics.angle_deg_weighted, 'angle did not fall');
    assert.ok(metrics.test_accuracy > 0.8, `accuracy ${metrics.test_accuracy}`);
    await waitForFrames(page, 5);
    const stats = imageStats(decodePng(await saveViewScreenshot(page, 'lab-e5-trained')));
    assert.ok(stats.distinctColors >= 200, `2-D view has only ${stats.distinctColors} colours`);
    // The overlay mode draws too.
    await page.evaluate(() => catgeo.set('view', 'overlay'));
    await page.evaluate(() => catgeo.trainEpochs(200));
    await waitForFrames(page, 5);
    const overlay = imageStats(decodePng(await saveViewScreenshot(page, 'lab-e5-overlay')));
    assert.ok(overlay.distinctColors >= 100, `overlay view has only ${overlay.distinctColors} colours`);
    await saveScreenshot(page, 'lab-e5-page');
    assert.deepEqual(errors, []);
  });
});

test('E1 trained in the page: the F_code peak is within 0.1 of the boundary', TIMEOUT, async () => {
  await withLab(async ({ page, errors }) => {
    const metrics = await page.evaluate(async () => {
      await catgeo.load('scenario=E1');
      return catgeo.trainEpochs(100);
    });
    assert.equal(metrics.scenario, 'E1');
    assert.equal(metrics.epochs, 100);
    assert.ok(metrics.fcode_peaks.length >= 1, 'no F_code peak');
    assert.ok(metrics.peak_boundary_distance <= 0.1, `peak-boundary distance ${metrics.peak_boundary_distance}`);
    assert.ok(Math.abs(metrics.boundaries[0]) < 0.05, `boundary at ${metrics.boundaries[0]}`);
    await waitForFrames(page, 5);
    await saveScreenshot(page, 'lab-e1-trained');
    assert.deepEqual(errors, []);
  });
});

test('switching scenario, single steps and reset (same seed, same initial metrics)', TIMEOUT, async () => {
  await withLab(async ({ page, errors }) => {
    const result = await page.evaluate(async () => {
      const load = await catgeo.load({ scenario: 'E7', seed: 3 });
      const initial = catgeo.metrics();
      const stepped = await catgeo.step(2);
      await catgeo.reset();
      const reset = catgeo.metrics();
      return { load, initial, stepped, reset, config: catgeo.config() };
    });
    assert.equal(result.load.ok, true, JSON.stringify(result.load));
    assert.equal(result.initial.scenario, 'E7');
    assert.equal(result.config.classes.length, 3);
    assert.equal(result.config.training.seed, 3);
    assert.equal(result.initial.epochs, 0);
    assert.equal(result.stepped.epochs, 2);
    assert.equal(result.reset.epochs, 0);
    assert.equal(result.reset.state, 'paused');
    for (const key of ['test_loss', 'test_accuracy', 'angle_deg_weighted', 'loglog_r', 'contrast']) {
      assert.equal(result.reset[key], result.initial[key], `${key} differs after reset`);
    }
    assert.notEqual(result.stepped.test_loss, result.initial.test_loss);
    await waitForFrames(page, 5);
    assert.match(await statusText(page), /E7/);
    await saveScreenshot(page, 'lab-e7');
    // Back to a 1-D preset through set().
    const e3 = await page.evaluate(async () => { await catgeo.set('scenario', 'E3'); return catgeo.config(); });
    assert.equal(e3.id, 'E3');
    assert.equal(e3.grid.dims, 1);
    assert.deepEqual(errors, []);
  });
});

test('drawing points: the JS API and the real mouse add points of the chosen class', TIMEOUT, async () => {
  await withLab(async ({ page, errors }) => {
    const config = await page.evaluate(() => catgeo.addPoints([
      { x: -1, y: -1, label: 0 }, { x: -1.2, y: -0.8, label: 0 }, { x: -0.8, y: -1.1, label: 0 },
      { x: 1, y: 1, label: 1 }, { x: 1.2, y: 0.8, label: 1 }, { x: 0.9, y: 1.1, label: 1 },
    ]));
    assert.equal(config.id, 'drawn');
    assert.equal(config.points.length, 6);
    assert.equal(await page.evaluate(() => catgeo.trainingState()), 'paused');
    assert.equal((await page.evaluate(() => catgeo.metrics())).reference, 'kde');
    await page.evaluate(async () => { await catgeo.setOption('tool', 1); await catgeo.setOption('draw_class', 2); });
    await waitForFrames(page, 3);
    const rect = await page.evaluate(() => catgeo.viewRect());
    assert.equal(rect.valid, true);
    const cx = (rect.left + rect.right) / 2, cy = (rect.top + rect.bottom) / 2;
    await page.mouse.move(cx - 60, cy + 40);
    await page.mouse.down();
    for (let k = 1; k <= 12; ++k) {
      await page.mouse.move(cx - 60 + 10 * k, cy + 40 - 3 * k);
      await waitForFrames(page, 1);
    }
    await page.mouse.up();
    await waitForFrames(page, 4);
    const after = await page.evaluate(async () => {
      await catgeo.settled();
      return { config: catgeo.config(), metrics: catgeo.metrics() };
    });
    assert.ok(after.config.points.length >= 6 + 8, `only ${after.config.points.length} points after drawing`);
    assert.equal(after.metrics.state, 'paused', after.metrics.message);
    const trained = await page.evaluate(() => catgeo.trainEpochs(20));
    assert.equal(trained.epochs, 20);
    await waitForFrames(page, 5);
    await saveScreenshot(page, 'lab-drawn');
    assert.deepEqual(errors, []);
  });
});

test('divergence (learning rate 50) pauses training and says so on the page', TIMEOUT, async () => {
  await withLab(async ({ page, errors }) => {
    const metrics = await page.evaluate(async () => {
      await catgeo.load({ scenario: 'E5', lr: 50 });
      return catgeo.trainEpochs(50);
    });
    assert.equal(metrics.state, 'diverged', JSON.stringify(metrics).slice(0, 300));
    assert.ok(metrics.message.length > 0);
    await waitForFrames(page, 5);
    assert.equal(await page.evaluate(() => catgeo.trainingState()), 'diverged');
    assert.match(await statusText(page), /diverged/i);
    const fields = await page.evaluate(() => catgeo.fields());
    assert.equal(fields.valid, true, 'the last good picture should stay');
    await saveScreenshot(page, 'lab-diverged');
    // Reset brings the run back (same config, epoch 0).
    const reset = await page.evaluate(async () => { await catgeo.reset(); return catgeo.metrics(); });
    assert.equal(reset.state, 'paused');
    assert.equal(reset.epochs, 0);
    assert.deepEqual(errors, []);
  });
});

test('training runs in the engine worker: frames keep coming and the overlays refresh', TIMEOUT, async () => {
  await withLab(async ({ page, errors }) => {
    const start = await page.evaluate(async () => {
      await catgeo.load({ scenario: 'E5', epochs: 10000 });  // the worker trains 100 epochs in under a second
      await catgeo.play();
      return { fields: catgeo.fields().version, perf: catgeo.perf() };
    });
    await waitForFrames(page, 30);
    const later = await page.evaluate(() => ({ fields: catgeo.fields().version, metrics: catgeo.metrics(),
      state: catgeo.trainingState() }));
    assert.equal(later.state, 'training');
    assert.ok(later.metrics.epoch_progress > 0, 'no training progress in the frame loop');
    assert.ok(later.fields > start.fields + 2, `fields refreshed only ${later.fields - start.fields} times`);
    await page.evaluate(() => catgeo.pause());
    assert.deepEqual(errors, []);
  });
});
