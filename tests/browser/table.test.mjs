// Your own points from a table: pasted into the page's table box, chosen as a file, dropped on the page. A good table
// trains like drawn points; each bad one is named where it fails and the previous run goes on untouched; a small
// table travels in the link, a large one does not and says so, with the table's export beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { artifactsDir, TIMEOUT, useServerAndBrowser, waitForRunning, withPage } from './harness.mjs';

const shared = useServerAndBrowser();
const tablesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'tables');
const table = (name) => fs.readFileSync(path.join(tablesDir, name), 'utf8');

// The bad example tables and the place their first line says is wrong ("# Wrong at line 5, column 2: ...").
const BAD_TABLES = ['bad_nonnumber.csv', 'bad_nan.csv', 'bad_missing_label.csv', 'bad_one_class.csv',
  'bad_too_many_classes.csv', 'bad_mixed_columns.csv'];
function expectedPlace(text) {
  const m = /^# Wrong at (line \d+(?:, column \d+)?)/.exec(text);
  return m ? m[1] : null;
}

// Pastes `text` into the table box and presses Load, as a user does; resolves to the message the box shows then.
async function pasteAndLoad(page, text) {
  await page.evaluate(() => window.catgeoTable.open());
  await page.fill('#catgeo-table-text', text);
  const before = await page.evaluate(() => catgeo.loadResult());
  await page.click('#catgeo-table-load');
  await page.waitForFunction(() => !document.getElementById('catgeo-table-load').disabled &&
    document.getElementById('catgeo-table-message').dataset.kind !== 'busy', null, { timeout: 30_000 });
  await page.evaluate(() => catgeo.settled());
  return { message: await page.textContent('#catgeo-table-message'), hidden: await page.isHidden('#catgeo-table'),
    before };
}

test('a pasted 3-class 2-D table trains like drawn points, with its class names and scaling', TIMEOUT, async () => {
  await withPage(shared.browser, shared.server.url, async ({ page, errors }) => {
    await waitForRunning(page);
    const { message, hidden } = await pasteAndLoad(page, table('three_classes_2d.csv'));
    assert.ok(hidden, `the box closes after a good table (it says: ${message})`);
    const config = await page.evaluate(() => catgeo.config());
    assert.equal(config.id ?? config.scenario, 'drawn');
    const link = config.link;
    assert.match(link, /scenario=drawn&pts=/, 'a small table travels in the link');
    assert.match(link, /names=/);
    assert.match(link, /scale=/);
    const before = await page.evaluate(() => catgeo.metrics());
    const after = await page.evaluate(() => catgeo.trainEpochs(15));
    console.log(`table: accuracy ${before.test_accuracy} -> ${after.test_accuracy}, loss ${before.test_loss} -> ` +
                `${after.test_loss}, contrast ${after.contrast}`);
    assert.equal(after.epochs, 15);
    assert.ok(after.test_accuracy > 0.8 && after.test_accuracy > before.test_accuracy,
      `accuracy ${before.test_accuracy} -> ${after.test_accuracy}`);
    // The same link opened again gives the same run: the table's points, names and scaling came through it.
    const again = await page.evaluate(async (text) => {
      await catgeo.load(text);
      return catgeo.trainEpochs(15);
    }, link);
    assert.equal(again.test_accuracy, after.test_accuracy, 'the link reproduces the table run');
    const report = await page.evaluate(() => catgeo.layoutReport());
    assert.deepEqual(report.problems, [], JSON.stringify(report.problems));
    await page.screenshot({ path: path.join(artifactsDir, 'table-3-classes.png') });
    // The export of the points reads back as the same table (same classes, same number of points).
    const exported = await page.evaluate(() => catgeo.exportTableCsv());
    const lines = exported.trim().split('\n');
    assert.equal(lines[0], 'x,y,label');
    assert.equal(lines.length - 1, table('three_classes_2d.csv').trim().split('\n')
      .filter((l) => l && !l.startsWith('#')).length - 1);
    assert.deepEqual(errors, []);
  });
});

test('each bad table is named where it fails, and the previous run goes on untouched', TIMEOUT, async () => {
  await withPage(shared.browser, `${shared.server.url}#scenario=E3&epochs=50`, async ({ page, errors }) => {
    await waitForRunning(page);
    await page.evaluate(() => catgeo.trainEpochs(2));
    const run = await page.evaluate(() => ({ link: catgeo.config().link, metrics: catgeo.metrics(),
      runs: catgeo.runsCreated() }));
    for (const name of BAD_TABLES) {
      const text = table(name);
      const { message, hidden } = await pasteAndLoad(page, text);
      const place = expectedPlace(text);
      console.log(`${name}: ${message}`);
      assert.ok(!hidden, `${name}: the box stays open with the table in it`);
      assert.equal(await page.inputValue('#catgeo-table-text'), text, `${name}: the pasted text is kept`);
      assert.match(message, /^The table was not loaded: /);
      if (place) assert.ok(message.includes(place), `${name}: '${message}' does not name ${place}`);
      assert.match(message, /The previous run goes on/);
      const now = await page.evaluate(() => ({ link: catgeo.config().link, metrics: catgeo.metrics(),
        runs: catgeo.runsCreated() }));
      assert.equal(now.link, run.link, `${name}: the run's link changed`);
      assert.equal(now.runs, run.runs, `${name}: a run was built`);
      assert.equal(now.metrics.epochs, run.metrics.epochs, `${name}: the run was reset`);
      assert.equal(now.metrics.test_loss, run.metrics.test_loss);
    }
    await page.screenshot({ path: path.join(artifactsDir, 'table-bad.png') });
    assert.deepEqual(errors, []);
  });
});

test('a chosen file and a file dropped on the page load like a pasted table', TIMEOUT, async () => {
  await withPage(shared.browser, shared.server.url, async ({ page, errors }) => {
    await waitForRunning(page);
    // Choose a file: the 1-D table.
    await page.evaluate(() => window.catgeoTable.open());
    await page.setInputFiles('#catgeo-table-file', path.join(tablesDir, 'two_classes_1d.tsv'));
    await page.waitForFunction(() => document.getElementById('catgeo-table').hidden, null, { timeout: 30_000 });
    await page.evaluate(() => catgeo.settled());
    let config = await page.evaluate(() => catgeo.config());
    assert.match(config.link, /scenario=drawn&pdims=1/);
    const fields = await page.evaluate(() => catgeo.fields());
    assert.equal(fields.dims, 1, 'a 1-D table gives the 1-D view');
    await page.evaluate(() => catgeo.trainEpochs(10));
    assert.deepEqual((await page.evaluate(() => catgeo.layoutReport())).problems, []);
    await page.screenshot({ path: path.join(artifactsDir, 'table-1d.png') });
    // Drop a file on the canvas.
    const text = table('three_classes_2d.csv');
    const transfer = await page.evaluateHandle((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'points.csv', { type: 'text/csv' }));
      return dt;
    }, text);
    await page.dispatchEvent('#canvas', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('#canvas', 'drop', { dataTransfer: transfer });
    await page.waitForFunction(() => /scenario=drawn&pts/.test(catgeo.config().link), null, { timeout: 30_000 });
    config = await page.evaluate(() => catgeo.config());
    assert.doesNotMatch(config.link, /pdims/);
    // A dropped bad file opens the box with its message.
    const bad = await page.evaluateHandle((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'bad.csv', { type: 'text/csv' }));
      return dt;
    }, table('bad_nan.csv'));
    await page.dispatchEvent('#canvas', 'drop', { dataTransfer: bad });
    await page.waitForFunction(() => document.getElementById('catgeo-table-message').dataset.kind === 'error', null,
      { timeout: 30_000 });
    const message = await page.textContent('#catgeo-table-message');
    assert.match(message, /^The file bad\.csv was not loaded: line 4, column 1/);
    assert.equal((await page.evaluate(() => catgeo.config())).link, config.link, 'the dropped table still runs');
    assert.deepEqual(errors, []);
  });
});

test('a large table does not travel in the link, which says so; its export sits beside it', TIMEOUT, async () => {
  await withPage(shared.browser, shared.server.url, async ({ page, errors }) => {
    await waitForRunning(page);
    const rows = ['x,y,label'];
    for (let i = 0; i < 3000; ++i) rows.push(`${Math.cos(i) * (1 + (i % 3))},${Math.sin(i * 1.3)},${['p', 'q', 'r'][i % 3]}`);
    const result = await page.evaluate((text) => catgeo.loadTable(text), rows.join('\n'));
    assert.ok(result.ok, result.error);
    const config = await page.evaluate(() => catgeo.config());
    assert.doesNotMatch(config.link, /pts=/);
    assert.match(config.notice, /leaves them out/);
    assert.match(config.notice, /export the table beside the link/);
    const exported = await page.evaluate(() => catgeo.exportTableCsv());
    assert.equal(exported.trim().split('\n').length, 3001);
    assert.deepEqual(errors, []);
  });
});

test('on a phone the table box fills the width, its buttons are finger-sized, and a pasted table loads', TIMEOUT,
  async () => {
    await withPage(shared.browser, shared.server.url,
      { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true }, async ({ page, errors }) => {
      await waitForRunning(page);
      await page.evaluate(() => window.catgeoTable.open());
      const form = await page.locator('#catgeo-table form').boundingBox();
      assert.ok(form.x >= 0 && form.x + form.width <= 390 + 0.5 && form.width >= 380, JSON.stringify(form));
      for (const selector of ['#catgeo-table-load', '#catgeo-table-cancel', '#catgeo-table-example', '.catgeo-table-file']) {
        const box = await page.locator(selector).boundingBox();
        assert.ok(box.height >= 44 && box.x >= 0 && box.x + box.width <= 390.5, `${selector}: ${JSON.stringify(box)}`);
      }
      await page.tap('#catgeo-table-example');
      await page.screenshot({ path: path.join(artifactsDir, 'table-phone-box.png') });
      await page.tap('#catgeo-table-load');
      await page.waitForFunction(() => document.getElementById('catgeo-table').hidden, null, { timeout: 30_000 });
      const config = await page.evaluate(() => catgeo.config());
      assert.match(config.link, /names=a,b,c/);
      await page.evaluate(() => catgeo.trainEpochs(5));
      await page.screenshot({ path: path.join(artifactsDir, 'table-phone.png') });
      assert.deepEqual(errors, []);
    });
  });
