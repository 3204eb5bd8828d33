// Golden runs in Chromium: the runs of tests/golden/golden_runs.json marked "chromium" opened as share links in the
// page, trained to their last epoch, and every metric's digest compared with the file's WebAssembly digests (the
// digest of tests/golden/golden_record.h, here over catgeo.metrics({history: true})). Also: catgeo.load accepts every
// key of the link grammar, and a link of another version loads with a notice while today's reproduces bit for bit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pageBuilt, repoRoot, TIMEOUT, useServerAndBrowser, waitForStart, withPage } from './harness.mjs';

const golden = JSON.parse(readFileSync(path.join(repoRoot, 'tests/golden/golden_runs.json'), 'utf8'));
const shared = useServerAndBrowser({ enabled: () => pageBuilt });

// ---- the digests of golden_record.h ----
const FNV_OFFSET = 14695981039346656037n;
const FNV_PRIME = 1099511628211n;
const MASK = (1n << 64n) - 1n;
const mixByte = (hash, byte) => ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
function mixU64(hash, value) {
  for (let i = 0n; i < 8n; ++i) hash = mixByte(hash, Number((value >> (8n * i)) & 0xffn));
  return hash;
}
const view = new DataView(new ArrayBuffer(8));
function bits(value) {
  if (Number.isNaN(value)) return 0x7ff8000000000000n;
  view.setFloat64(0, value, true);
  return view.getBigUint64(0, true);
}
const metricDigest = (values) => values.reduce((hash, value) => mixU64(hash, bits(value)), FNV_OFFSET);
function runDigest(metrics) {
  let hash = FNV_OFFSET;
  for (const [name, values] of metrics) {
    for (const byte of [...new TextEncoder().encode(name), 0]) hash = mixByte(hash, byte);
    hash = mixU64(hash, metricDigest(values));
  }
  return hash;
}
const hex = (value, digits) => (value & ((1n << BigInt(4 * digits)) - 1n)).toString(16).padStart(digits, '0');

// A value's numbers as golden_record.cpp lists them: null -> NaN, a list -> its length, then its items.
function append(value, out) {
  if (!Array.isArray(value)) {
    out.push(typeof value === 'number' ? value : NaN);
    return out;
  }
  out.push(value.length);
  for (const item of value) append(item, out);
  return out;
}

// The named metric from catgeo.metrics({history: true}); undefined for one the page's metrics do not hold (a cut's or
// a digit path's fields, which the native and WASM checks cover).
function metricValues(metrics, name) {
  if (name.startsWith('history.')) {
    const key = name.slice('history.'.length);
    return metrics.history.reduce((out, snapshot) => append(snapshot[key], out), []);
  }
  const layer = /^layers\[(\d+)\]\.(.+)$/.exec(name);
  if (layer) return append(metrics.layers[Number(layer[1])][layer[2]], []);
  if (name.startsWith('cut.') || name.startsWith('path.')) return undefined;
  return append(metrics[name], []);
}

// Opens `link` (the first time by address, then with catgeo.load, which resolves once the run is built), trains it to
// its last epoch and waits for that epoch's information and layer measures.
async function trainedMetrics(page, link) {
  if (page.url() === 'about:blank') {
    await page.goto(`${shared.server.url}index.html#${link}`);
    assert.equal(await waitForStart(page), 'running', `${link}: the page did not start`);
  }
  return page.evaluate(async (text) => {
    await catgeo.ready;
    const loaded = catgeo.config().link === text ? catgeo.loadResult() : await catgeo.load(text);
    const epochs = catgeo.config().training.epochs;
    await catgeo.setOption('every_epoch', 1);  // the golden digests hold every epoch's metrics: none left out
    await catgeo.trainEpochs(epochs - catgeo.metrics().epochs);
    const measured = () => {
      const m = catgeo.metrics();
      return m.epochs === epochs && m.info_epoch === epochs && (m.layers_epoch ?? epochs) === epochs;
    };
    const started = Date.now();
    while (!measured() && Date.now() - started < 120_000) await new Promise((resolve) => setTimeout(resolve, 100));
    return { metrics: catgeo.metrics({ history: true }), notices: loaded.notices, measured: measured() };
  }, link);
}

test('the golden runs marked for Chromium give the WebAssembly digests of every metric', TIMEOUT, async (t) => {
  if (!pageBuilt) return t.skip('the page is not built');
  const runs = golden.runs.filter((run) => run.chromium);
  assert.ok(runs.length >= 5, `${runs.length} golden runs are marked for Chromium; the issue asks for 5`);
  await withPage(shared.browser, 'about:blank', async ({ page, errors }) => {
    for (const run of runs) {
      const { metrics, notices, measured } = await trainedMetrics(page, run.link);
      assert.ok(measured, `${run.link}: the last epoch's measures did not arrive in 120 s`);
      assert.deepEqual(notices, [], `${run.link}: the link gave notices`);
      const stored = Object.entries(run.wasm.metrics);
      const checked = [];
      for (const [name, digest] of stored) {
        const values = metricValues(metrics, name);
        if (values === undefined) continue;
        checked.push([name, values]);
        assert.equal(hex(metricDigest(values), 8), digest, `golden ${run.link} (Chromium): '${name}' moved first ` +
          `(its digest was ${digest}); readable values were ${JSON.stringify(run.readable)}, now test_accuracy ` +
          `${metrics.test_accuracy}, test_loss ${metrics.test_loss}. If the change is intended, bump kLinkVersion in ` +
          'src/core/link/share_link.h and run scripts/bless-golden; if not, find its cause.');
      }
      if (checked.length === stored.length) assert.equal(hex(runDigest(checked), 16), run.wasm.digest, run.link);
      console.log(`golden ${run.link.slice(0, 60)}: ${checked.length} of ${stored.length} metrics equal`);
    }
    assert.deepEqual(errors, []);
  });
});

test('catgeo.load accepts every key of the link grammar', TIMEOUT, async (t) => {
  if (!pageBuilt) return t.skip('the page is not built');
  const table = new URLSearchParams(golden.runs.find((run) => run.link.startsWith('scenario=drawn&pdims=1')).link);
  await withPage(shared.browser, `${shared.server.url}index.html#scenario=E5`, async ({ page, errors }) => {
    assert.equal(await waitForStart(page), 'running');
    const result = await page.evaluate(async (tableKeys) => {
      await catgeo.ready;
      const keys = catgeo.linkKeys();
      // A valid value of each key, chosen from its kind and range (the structured ones written out).
      const text = { scenario: 'E5', mix: '-1,0:0.5,0,0.5;1,0:0.5,0,0.5', pts: undefined, pdims: undefined,
        names: undefined, scale: undefined, digits: undefined, layers: '16t-2l', cut: '-1,0,1,0', path: undefined,
        tour: undefined };
      const valueOf = (entry) => {
        if (entry.key in text) return text[entry.key];
        if (entry.kind === 'choice') return entry.choices[entry.choices.length - 1];
        if (entry.kind === 'seed') return '12';
        if (entry.kind === 'number') return String(Math.min(entry.max, Math.max(entry.min, 0.5)));
        return String(entry.min);  // whole numbers: rep, proj and layer -1 fit every network
      };
      const outcomes = [];
      for (const entry of keys) {
        const value = valueOf(entry);
        if (value === undefined) continue;  // keys that need another scenario: loaded below with theirs
        const config = entry.key === 'scenario' ? { scenario: value } : { scenario: 'E5', [entry.key]: value };
        const loaded = await catgeo.load(config);
        outcomes.push({ key: entry.key, ok: loaded.ok, notices: loaded.notices, link: loaded.link });
      }
      const special = [
        tableKeys,  // a 1-D table: scenario=drawn with pdims, pts, names and scale
        { scenario: 'mnist', digits: '49', path: '4,9,0' },
        { tour: 3 },
      ];
      for (const config of special) {
        const loaded = await catgeo.load(config);
        outcomes.push({ key: Object.keys(config).join('+'), ok: loaded.ok, notices: loaded.notices, link: loaded.link });
      }
      return { keys: keys.map((entry) => entry.key), outcomes };
    }, Object.fromEntries(['scenario', 'pdims', 'pts', 'names', 'scale'].map((key) => [key, table.get(key)])));
    for (const key of ['noise', 'alpha', 'decoder', 'layer', 'cut', 'path', 'tour', 'pdims', 'names', 'scale', 'v']) {
      assert.ok(result.keys.includes(key), `catgeo.linkKeys() lacks '${key}'`);
    }
    const covered = new Set(result.outcomes.flatMap((outcome) => outcome.key.split('+')));
    assert.deepEqual(result.keys.filter((key) => !covered.has(key)), [], 'keys catgeo.load was not tried with');
    for (const outcome of result.outcomes) {
      assert.ok(outcome.ok, `catgeo.load with ${outcome.key}: ${JSON.stringify(outcome)}`);
    }
    const dropout = result.outcomes.find((outcome) => outcome.key === 'noise');
    assert.match(dropout.link, /noise=dropout/, 'catgeo.load({noise: "dropout"}) runs dropout noise');
    await assert.rejects(page.evaluate(() => catgeo.load({ scenario: 'E5', colour: 'red' })), /unknown key 'colour'/);
    assert.deepEqual(errors, []);
  });
});

test('a link of today\'s version reproduces bit for bit; an older one loads with a notice', TIMEOUT, async (t) => {
  if (!pageBuilt) return t.skip('the page is not built');
  await withPage(shared.browser, 'about:blank', async ({ page, errors }) => {
    const first = await trainedMetrics(page, 'scenario=E5&sigma=0.5&seed=3&epochs=2');
    const link = await page.evaluate(() => catgeo.config().link);
    assert.match(link, /&v=\d+$/, `the page's link carries its version: ${link}`);
    await page.goto('about:blank');
    const again = await trainedMetrics(page, link);  // opened afresh
    assert.deepEqual(again.notices, []);
    assert.deepEqual(again.metrics.history, first.metrics.history, 'today\'s link reproduces every epoch bit for bit');
    assert.equal(again.metrics.info_r, first.metrics.info_r);

    await page.goto('about:blank');
    const older = await trainedMetrics(page, link.replace(/&v=\d+$/, '&v=0'));  // opened by address
    assert.ok(older.notices.some((notice) => /made by an older CatGeo \(link version 0; this one is version \d+\)/
      .test(notice)), `an older link's notices: ${JSON.stringify(older.notices)}`);
    const banner = await page.evaluate(() => document.getElementById('catgeo-notices').innerText);
    assert.match(banner, /This link comes from another version of CatGeo:[^]*link version 0/,
      `the page shows the notice: ${banner}`);
    assert.deepEqual(older.metrics.history, first.metrics.history, 'the older link still loads and runs');
    assert.deepEqual(errors, []);
  });
});
