// Benchmark suite (run by scripts/bench, not by the tests): native, WASM in Node and Chromium, page, bare ImGui and TF.js numbers, ratios in one run -> docs/benchmarks.md.
// Usage: node bench/run_all.mjs [--seconds=3] [--out=docs/benchmarks.md] [--json=PATH] [--baseline=PATH]
// (--baseline: the --json of an earlier run, to say whether the first frame and the page's bytes got worse)
// Binaries: CATGEO_NATIVE_BENCH (default build/native-release/bench/catgeo_bench),
//           CATGEO_WASM_BENCH (default build/wasm-release/bench/catgeo_bench.js; core_bench.html next to it runs it in Chromium),
//           CATGEO_WEB_ROOT (default build/wasm-release/web), CATGEO_BARE_IMGUI_ROOT (default build/wasm-release/bench/bare_imgui).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser, openPage, startServer, waitForStart, webRoot } from '../tests/browser/harness.mjs';
import { runTfjsBench } from './tfjs/run_tfjs_bench.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (key, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${key}=`));
  return hit ? hit.slice(key.length + 3) : fallback;
};
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: scripts/bench [--seconds=3] [--out=docs/benchmarks.md] [--json=PATH] [--baseline=PATH]');
  process.exit(0);
}
const SECONDS = Number(opt('seconds', 3));
if (!(SECONDS > 0)) throw new Error('--seconds must be > 0');
const OUT = path.resolve(repoRoot, opt('out', 'docs/benchmarks.md'));
const JSON_OUT = opt('json', '');
const BASELINE = opt('baseline', '') ? JSON.parse(readFileSync(path.resolve(opt('baseline', '')), 'utf8')) : null;
const NATIVE = path.resolve(repoRoot, process.env.CATGEO_NATIVE_BENCH || 'build/native-release/bench/catgeo_bench');
const WASM = path.resolve(repoRoot, process.env.CATGEO_WASM_BENCH || 'build/wasm-release/bench/catgeo_bench.js');
const WASM_HTML = path.join(path.dirname(WASM), 'core_bench.html');
const WORK_PROFILE = path.join(path.dirname(NATIVE), 'catgeo_work_profile');
const BARE = path.resolve(repoRoot, process.env.CATGEO_BARE_IMGUI_ROOT || 'build/wasm-release/bench/bare_imgui');
const E5_SAMPLES_PER_EPOCH = 500;   // trainer epoch of scenario E5
const MNIST_SAMPLES_PER_EPOCH = 8000;  // trainer epoch of scenario mnist
const E7_SAMPLES_PER_EPOCH = 1500;  // trainer epoch of scenario E7

const log = (m) => process.stderr.write(`[bench] ${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sh = (cmd, a) => { try { return execFileSync(cmd, a, { encoding: 'utf8' }).trim(); } catch { return '?'; } };
const pct = (values, p) => {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const shownPath = (file) => { const rel = path.relative(repoRoot, file); return rel.startsWith('..') ? file : rel; };
const fileInfo = (file) => {
  try { return { path: shownPath(file), mtime: statSync(file).mtime.toISOString() }; } catch { return null; }
};

const R = {
  started: new Date().toISOString(), seconds: SECONDS, errors: [],
  machine: {
    nproc: os.cpus().length, cpu: os.cpus()[0]?.model, uptime_before: sh('uptime', []), loadavg_before: os.loadavg(),
    node: process.version, git: sh('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD']),
    git_dirty: sh('git', ['-C', repoRoot, 'status', '--porcelain', '--untracked-files=no']) !== '',
  },
  binaries: { native: fileInfo(NATIVE) || { path: NATIVE, missing: true }, wasm: fileInfo(WASM) || { path: WASM, missing: true },
    web: fileInfo(path.join(webRoot, 'catgeo.wasm')),
    bare_imgui: fileInfo(path.join(BARE, 'bare_imgui.wasm')) || { path: path.join(BARE, 'bare_imgui.wasm'), missing: true } },
};

// ---------- 1. core bench: native and WASM under Node (same source, same run) ----------
function coreBench(label, cmd, cmdArgs) {
  log(`${label}: ${cmd} ${cmdArgs.join(' ')}`);
  const run = spawnSync(cmd, cmdArgs, { encoding: 'utf8', timeout: (SECONDS * 2 + 120) * 1000 });
  const line = (run.stdout || '').split('\n').find((l) => l.trim().startsWith('{'));
  if (run.status !== 0 || !line) {
    const msg = `${label} bench failed (status ${run.status}): ${(run.stderr || run.error || '').toString().slice(0, 300)}`;
    R.errors.push(msg); log(msg); return null;
  }
  const out = JSON.parse(line); log(`${label}: ${line.trim()}`); return out;
}
R.native = existsSync(NATIVE) ? coreBench('native', NATIVE, [String(SECONDS)]) : (R.errors.push(`native bench missing: ${NATIVE}`), null);
R.wasm_node = existsSync(WASM) ? coreBench('wasm-node', process.execPath, ['--no-experimental-fetch', WASM, String(SECONDS)])
  : (R.errors.push(`WASM bench missing: ${WASM}`), null);

// The worker's work per unit, natively (bench/work_profile.cpp): one JSON line per link.
if (existsSync(WORK_PROFILE)) {
  const run = spawnSync(WORK_PROFILE, ['--mnist', path.join(repoRoot, 'assets/mnist14.cgd')], { encoding: 'utf8', timeout: 300_000 });
  R.work_profile = (run.stdout || '').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  if (run.status !== 0) R.errors.push(`work profile failed (status ${run.status})`);
} else {
  R.errors.push(`work profile missing: ${WORK_PROFILE}`);
}

// ---------- 2. one headless Chromium: the core bench, a bare ImGui window, the page, then TF.js ----------
const pageServer = await startServer(webRoot);
const repoServer = await startServer(repoRoot);
const browser = await launchBrowser();
R.machine.chromium = browser.version();

// Frames the page actually drew (an idle page skips frames with nothing new; catgeo_frame_count counts loop ticks).
const drawnFrames = (page) => page.evaluate(() => window.catgeo.module.ccall('catgeo_frames_drawn', 'number', [], []));

// requestAnimationFrame deltas (ms) over `ms` milliseconds, plus the app's own frame counter over the same window.
// With hover, a mousemove on the canvas every frame (over the left panel) makes the page redraw every frame.
// With cost, also the medians of the page's catgeo_frame_cost over the frames (vertices built, indices redrawn, ...).
async function frameTimes(page, ms, count = drawnFrames, { hover = false, cost = false } = {}) {
  const f0 = await count(page);
  const { deltas, costs } = await page.evaluate(({ duration, hover, cost }) => new Promise((resolve) => {
    const d = [], c = []; let last = null; const t0 = performance.now();
    const canvas = document.getElementById('canvas');
    const tick = (t) => {
      if (last !== null) d.push(t - last);
      last = t;
      if (cost) c.push(JSON.parse(window.catgeo.module.ccall('catgeo_frame_cost', 'string', [], [])));
      if (hover) canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: 150 + (d.length % 2), clientY: 700, bubbles: true }));
      if (t - t0 < duration) requestAnimationFrame(tick); else resolve({ deltas: d, costs: c });
    };
    requestAnimationFrame(tick);
  }), { duration: ms, hover, cost });
  const f1 = await count(page);
  const total = deltas.reduce((a, b) => a + b, 0);
  const medians = costs.length ? Object.fromEntries(Object.keys(costs[0]).map((k) => [k, pct(costs.map((x) => x[k]), 50)])) : undefined;
  return { frames: deltas.length, median_ms: pct(deltas, 50), p95_ms: pct(deltas, 95), app_frames: f1 - f0,
    fps: total > 0 ? (1000 * deltas.length) / total : NaN, cost: medians };
}

// The WASM core bench (the binary Node ran) on this browser's main thread: core_bench.html prints its JSON line.
async function chromiumCoreBench() {
  if (!existsSync(WASM) || !existsSync(WASM_HTML)) { R.errors.push(`WASM bench or its page missing: ${WASM_HTML}`); return null; }
  const server = await startServer(path.dirname(WASM));
  const { context, page } = await openPage(browser, `${server.url}core_bench.html?seconds=${SECONDS}`);
  try {
    log(`wasm-chromium: ${server.url}core_bench.html`);
    await page.waitForFunction(() => window.coreBench, null, { timeout: (SECONDS * 2 + 120) * 1000, polling: 500 });
    const out = await page.evaluate(() => window.coreBench);
    if (out.error) throw new Error(out.error);
    log(`wasm-chromium: ${JSON.stringify(out.json)}`);
    return out.json;
  } catch (e) {
    R.errors.push(`WASM bench in Chromium failed: ${e.message}`); log(`ERROR ${e.message}`); return null;
  } finally {
    await context.close();
    await server.close();
  }
}

// Frame times of bench/bare_imgui (one small ImGui window, the page's SDL2/WebGL2/ImGui setup) at the page's size.
async function bareImguiFrames() {
  if (!existsSync(path.join(BARE, 'bare_imgui.wasm'))) { R.errors.push(`bare ImGui build missing: ${BARE}`); return null; }
  const server = await startServer(BARE);
  const { context, page, errors } = await openPage(browser, server.url);
  try {
    await page.waitForFunction(() => window.bareImguiFrames >= 1, null, { timeout: 60_000 });
    await sleep(1000);
    const frames = await frameTimes(page, SECONDS * 1000, (p) => p.evaluate(() => window.bareImguiFrames));
    log(`bare ImGui: median ${frames.median_ms.toFixed(1)} ms, p95 ${frames.p95_ms.toFixed(1)} ms`);
    return { ...frames, errors };
  } catch (e) {
    R.errors.push(`bare ImGui page failed: ${e.message}`); log(`ERROR ${e.message}`); return null;
  } finally {
    await context.close();
    await server.close();
  }
}

try {
  R.wasm_chromium = await chromiumCoreBench();
  R.frames_bare = await bareImguiFrames();

  // Start-up: navigation -> the first complete picture (catgeo.firstFrameMs: performance.now() when catgeo.ready resolved,
  // i.e. the first run built by the engine worker and drawn).
  log(`page: ${pageServer.url}`);
  const wallStart = Date.now();
  const { context, page, errors } = await openPage(browser, pageServer.url);
  const state = await waitForStart(page);
  if (state !== 'running') throw new Error(`page did not start: ${state}`);
  await page.waitForFunction(() => window.catgeo.module.ccall('catgeo_frame_count', 'number', [], []) >= 1, null, { timeout: 60_000 });
  R.startup = {
    // catgeo.ready resolves once the first run is built and drawn (the engine starts in its worker meanwhile).
    first_frame_ms: await page.evaluate(() => window.catgeo.ready.then(() => window.catgeo.firstFrameMs)),
    wall_ms: Date.now() - wallStart,
    fetched: await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      return entries.map((e) => ({ name: e.name.replace(location.origin, ''), bytes: e.encodedBodySize, transfer: e.transferSize }));
    }),
  };
  log(`startup: first frame ${R.startup.first_frame_ms.toFixed(0)} ms after navigation`);

  // Frame times: idle (E5 loaded, paused) and while the engine worker trains E5 (default grid and refresh).
  await page.evaluate(async () => { await catgeo.load('scenario=E5&epochs=10000'); await catgeo.pause(); });
  await sleep(1000);
  R.frames_idle = await frameTimes(page, SECONDS * 1000);
  R.frames_idle.perf = await page.evaluate(() => catgeo.perf());
  R.frames_redraw = await frameTimes(page, SECONDS * 1000, drawnFrames, { hover: true, cost: true });
  await page.evaluate(async () => { await catgeo.load('scenario=E5&epochs=10000'); await catgeo.play(); });
  await sleep(1000);
  const e0 = await page.evaluate(() => ({ e: catgeo.metrics().epoch_progress, t: performance.now() }));
  R.frames_training = await frameTimes(page, SECONDS * 1000, drawnFrames, { cost: true });
  const e1 = await page.evaluate(() => ({ e: catgeo.metrics().epoch_progress, t: performance.now() }));
  R.frames_training.perf = await page.evaluate(() => catgeo.perf());
  R.frames_training.interactive_samples_per_s = ((e1.e - e0.e) * E5_SAMPLES_PER_EPOCH) / ((e1.t - e0.t) / 1000);
  await page.evaluate(() => catgeo.pause());
  log(`frames: idle median ${R.frames_idle.median_ms.toFixed(1)} ms, training median ${R.frames_training.median_ms.toFixed(1)} ms`);

  // Overlay recompute time in the page (perf().field_ms_last sampled while training, one value per refresh).
  R.overlay_page = {};
  for (const grid of [64, 128]) {
    await page.evaluate(async (g) => {
      await catgeo.load('scenario=E5&epochs=10000');
      await catgeo.setOption('grid', g);
      await catgeo.play();
    }, grid);
    await sleep(500);
    const samples = []; let lastCount = -1; const stop = Date.now() + SECONDS * 1000;
    let perf = null;
    while (Date.now() < stop) {
      perf = await page.evaluate(() => catgeo.perf());
      if (perf.refresh_count !== lastCount && perf.field_ms_last > 0) { samples.push(perf.field_ms_last); lastCount = perf.refresh_count; }
      await sleep(100);
    }
    await page.evaluate(() => catgeo.pause());
    R.overlay_page[grid] = { refreshes: samples.length, median_ms: pct(samples, 50), p95_ms: pct(samples, 95), grid_reported: perf?.grid };
    log(`overlay ${grid}x${grid} in page: median ${R.overlay_page[grid].median_ms} ms over ${samples.length} refreshes`);
  }
  await page.evaluate(async () => catgeo.setOption('grid', 64));

  // Training throughput of the page's engine worker: trainFor(); the trainer computes metrics after every epoch.
  R.page_training = {};
  const trainInPage = (link, perEpoch) => page.evaluate(async ({ link, ms }) => {
    const loaded = await catgeo.load(link);
    const t0 = performance.now();
    while (catgeo.state() === 'no_run' && performance.now() - t0 < 60000) await new Promise((r) => setTimeout(r, 100));
    await catgeo.pause();
    const config = catgeo.config();
    const before = catgeo.metrics().epoch_progress;
    const start = performance.now();
    const after = await catgeo.trainFor(ms);
    const seconds = (performance.now() - start) / 1000;
    const perf = catgeo.perf();  // the engine's own rates over its latest 2 s window
    return { loaded, state: catgeo.state(), batch: config.training.batch_size, layers: config.network.hidden, wait_ms: start - t0,
      engine_train_samples_per_s: perf.train_samples_per_second, work_share: perf.work_share,
      measured_rows: catgeo.metrics({ history: true }).history.filter((row) => row.measured !== false).length,
      epochs: after.epoch_progress - before, seconds };
  }, { link, ms: SECONDS * 1000 }).then((r) => ({ ...r, samples_per_s: (r.epochs * perEpoch) / r.seconds }));
  R.page_training.e5 = await trainInPage('scenario=E5&epochs=10000', E5_SAMPLES_PER_EPOCH);
  log(`page E5: ${R.page_training.e5.samples_per_s.toFixed(0)} samples/s (batch ${R.page_training.e5.batch})`);
  R.page_training.mnist = await trainInPage('scenario=mnist&epochs=10000', MNIST_SAMPLES_PER_EPOCH);
  log(`page MNIST: ${R.page_training.mnist.samples_per_s.toFixed(0)} samples/s (batch ${R.page_training.mnist.batch})`);
  R.page_training.e7 = await trainInPage('scenario=E7&layers=256s-256s&epochs=10000', E7_SAMPLES_PER_EPOCH);
  log(`page E7 256s-256s: ${R.page_training.e7.samples_per_s.toFixed(0)} samples/s`);
  R.page_errors = errors;
  await context.close();

  // Reference floor (not the bare-ImGui target): rAF deltas of a blank page in the same browser.
  const blank = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const blankPage = await blank.newPage();
  await blankPage.goto(`${pageServer.url}__blank__`).catch(() => {});
  R.frames_blank = await blankPage.evaluate((duration) => new Promise((resolve) => {
    const d = []; let last = null; const t0 = performance.now();
    const tick = (t) => { if (last !== null) d.push(t - last); last = t; if (t - t0 < duration) requestAnimationFrame(tick); else resolve(d); };
    requestAnimationFrame(tick);
  }), Math.min(2000, SECONDS * 1000)).then((d) => ({ median_ms: pct(d, 50), p95_ms: pct(d, 95) }));
  await blank.close();

  // TF.js in the same browser (cpu and wasm backends, E5 and MNIST nets, batch 32).
  R.tfjs = await runTfjsBench({ browser, baseUrl: repoServer.url, seconds: SECONDS, log });
} catch (e) {
  R.errors.push(`browser: ${e && e.stack || e}`);
  log(`ERROR ${e && e.stack || e}`);
} finally {
  await browser.close();
  await pageServer.close();
  await repoServer.close();
}

// ---------- 3. transferred bytes ----------
const PAGE_FILE = (name) => name === 'index.html' || name.endsWith('.js') || name.endsWith('.css') || name.endsWith('.wasm');
R.transfer = { files: [], excluded: [], total: 0, total_gzip: 0 };
for (const name of readdirSync(webRoot).sort()) {
  const file = path.join(webRoot, name);
  if (statSync(file).isDirectory() || !PAGE_FILE(name)) { R.transfer.excluded.push(name); continue; }
  const data = readFileSync(file);
  const gz = gzipSync(data, { level: 9 }).length;
  R.transfer.files.push({ name, bytes: data.length, gzip: gz });
  R.transfer.total += data.length; R.transfer.total_gzip += gz;
}
const mnistAsset = path.join(webRoot, 'assets/mnist14.cgd');
if (existsSync(mnistAsset)) {
  const data = readFileSync(mnistAsset);
  R.transfer.mnist_asset = { name: 'assets/mnist14.cgd', bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
}
R.machine.uptime_after = sh('uptime', []);
R.machine.loadavg_after = os.loadavg();
R.finished = new Date().toISOString();
if (JSON_OUT) writeFileSync(path.resolve(JSON_OUT), JSON.stringify(R, null, 2) + '\n');

// ---------- 4. docs/benchmarks.md ----------
const f0 = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const rx = (x) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}x` : 'n/a');
const pctS = (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)}%` : 'n/a');
const verdict = (ok) => (ok === null ? 'not measured' : ok ? '**met**' : '**not met**');
const check = (value, pred) => (Number.isFinite(value) ? pred(value) : null);
const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;

const tf = (backend, net) => (R.tfjs || []).find((r) => r.backend === backend && r.net === net && !r.error);
const tfBest = (net) => ['cpu', 'wasm'].map((b) => tf(b, net)).filter(Boolean).sort((a, b) => b.samples_per_s - a.samples_per_s)[0];
const pageE5 = R.page_training?.e5?.samples_per_s, pageMnist = R.page_training?.mnist?.samples_per_s;
const bestE5 = tfBest('e5'), bestMnist = tfBest('mnist');
const N = R.native || {}, W = R.wasm_node || {}, C = R.wasm_chromium || {};
// The targets compare like with like: our trainer in Chromium (forward + backward + Adam, as TF.js does) against
// TF.js; the page's own rate (which also measures every metric after each epoch) is the second number.
const rE5 = ratio(C.e5_samples_per_s, bestE5?.samples_per_s), rMnist = ratio(C.mnist_samples_per_s, bestMnist?.samples_per_s);
const rPageE5 = ratio(pageE5, bestE5?.samples_per_s), rPageMnist = ratio(pageMnist, bestMnist?.samples_per_s);
// The small-net training key: e5_samples_per_s (the page's E5 net) when the core bench prints it, else the E1 net.
const smallKey = [N, W, C].some((r) => 'e5_samples_per_s' in r) ? 'e5_samples_per_s' : 'e1_samples_per_s';
const smallNet = smallKey === 'e5_samples_per_s' ? 'E5 net' : 'E1 net';
const wSmall = ratio(W[smallKey], N[smallKey]), wMn = ratio(W.mnist_samples_per_s, N.mnist_samples_per_s);
const overlay128 = W.overlay_e5_128_ms;
// Training fps / idle fps, idle meaning the page drawing every frame (at rest it draws on demand, at the rAF cap).
// Frames per second, not the median frame: training frames that redraw a snapshot and cheap ones between them mix,
// and the median would hide the slow ones.
const keep = ratio(R.frames_training?.fps, R.frames_redraw?.fps);
const vsBare = ratio(R.frames_idle?.median_ms, R.frames_bare?.median_ms);  // page idle frame time / bare ImGui frame time
const redrawVsBare = ratio(R.frames_redraw?.median_ms, R.frames_bare?.median_ms);  // a drawn page frame / bare ImGui frame
const firstFrame = R.startup?.first_frame_ms;
const gzipTotal = R.transfer.total_gzip;

const md = [];
md.push('<!-- Generated by scripts/bench (bench/run_all.mjs); do not edit by hand, re-run instead. -->');
md.push('# Benchmarks', '');
md.push(`Run ${R.started} (finished ${R.finished}), ${SECONDS} s per measurement, commit ${R.machine.git}${R.machine.git_dirty ? ' (working tree modified)' : ''}.`, '');
md.push(`Machine: ${R.machine.nproc} cores (${R.machine.cpu}), Node ${R.machine.node}, Chromium ${R.machine.chromium || '?'} headless with SwiftShader WebGL.`);
md.push(`Load average (1/5/15 min) before: ${R.machine.loadavg_before.map((x) => x.toFixed(2)).join(' / ')}, after: ${R.machine.loadavg_after.map((x) => x.toFixed(2)).join(' / ')}.`);
md.push('The machine is shared (other jobs, e.g. builds, may run at the same time), so absolute numbers drift from run to run;',
  'the ratios, whose two sides were measured minutes apart in the same run, are what matter.', '');
md.push('Binaries:');
for (const [k, b] of Object.entries(R.binaries)) md.push(`- ${k}: \`${b?.path ?? '?'}\`${b?.missing ? ' (missing)' : ` (built ${b?.mtime})`}`);
if (process.env.CATGEO_WASM_BENCH) md.push(`- The WASM bench binary was overridden with CATGEO_WASM_BENCH (not the \`build/wasm-release\` one); see its build time above.`);
if (process.env.CATGEO_NATIVE_BENCH) md.push('- The native bench binary was overridden with CATGEO_NATIVE_BENCH.');
if (process.env.CATGEO_BARE_IMGUI_ROOT) md.push('- The bare ImGui build was overridden with CATGEO_BARE_IMGUI_ROOT.');
md.push('');
if (R.errors.length) { md.push('Errors in this run:', ''); for (const e of R.errors) md.push(`- ${String(e).split('\n')[0]}`); md.push(''); }

md.push('## Targets', '');
md.push('| Target | Measured | Result |', '|---|---|---|');
const trainingRow = (label, target, key, r, rPage, page, best) => `| Browser training >= ${target}x TF.js best backend, ${label} | ` +
  `${rx(r)} (CatGeo trainer in Chromium ${f0(C[key])} vs TF.js ${best?.backend ?? 'n/a'} ${f0(best?.samples_per_s)} samples/s); ` +
  `the page incl. per-epoch metrics: ${rx(rPage)} (${f0(page)} samples/s) | ${verdict(check(r, (x) => x >= target))} (trainer); ${verdict(check(rPage, (x) => x >= target))} (page) |`;
md.push(trainingRow('E5', 20, 'e5_samples_per_s', rE5, rPageE5, pageE5, bestE5));
md.push(trainingRow('MNIST', 5, 'mnist_samples_per_s', rMnist, rPageMnist, pageMnist, bestMnist));
// The page against its own trainer in Chromium (issue 23): what the work after each epoch leaves of the trainer's speed.
const pageRow = (label, target, key, run) => {
  const r = ratio(run?.samples_per_s, C[key]);
  return `| Page / trainer in Chromium >= ${pctS(target)}, ${label} | ${pctS(r)} (page ${f0(run?.samples_per_s)} vs trainer ` +
    `${f0(C[key])} samples/s; the engine's trainer alone ${f0(run?.engine_train_samples_per_s)}; work after training ` +
    `${pctS(run?.work_share)} of the worker's last 2 s; ${run?.measured_rows ?? 'n/a'} measured rows) | ${verdict(check(r, (x) => x >= target))} |`;
};
md.push(pageRow('E5 2-128-2', 0.25, 'e5_samples_per_s', R.page_training?.e5));
md.push(pageRow('MNIST 196-128-2-128-10', 0.5, 'mnist_samples_per_s', R.page_training?.mnist));
md.push(pageRow('E7 2-256-256-3', 0.5, 'e7_256s_256s_samples_per_s', R.page_training?.e7));
md.push(`| WASM >= 50% of native (training, ${smallNet} / MNIST net) | ${pctS(wSmall)} / ${pctS(wMn)} | ${verdict(Number.isFinite(wSmall) && Number.isFinite(wMn) ? wSmall >= 0.5 && wMn >= 0.5 : null)} |`);
md.push(`| 128x128 overlay <= 30 ms in WASM (E5, Node) | ${f1(overlay128)} ms (in the page: ${f1(R.overlay_page?.[128]?.median_ms)} ms median) | ${verdict(check(overlay128, (x) => x <= 30))} |`);
md.push(`| Training keeps >= 85% of idle frame rate | ${pctS(keep)} (${f1(R.frames_training?.fps)} frames/s training vs ${f1(R.frames_redraw?.fps)} idle while redrawing every frame; median frame ${f1(R.frames_training?.median_ms)} vs ${f1(R.frames_redraw?.median_ms)} ms, p95 ${f1(R.frames_training?.p95_ms)} vs ${f1(R.frames_redraw?.p95_ms)} ms; at rest the idle page draws on demand) | ${verdict(check(keep, (x) => x >= 0.85))} |`);
md.push(R.frames_bare
  ? `| Idle frame time <= 2x a bare ImGui window | ${rx(vsBare)} (median frame ${f1(R.frames_idle?.median_ms)} ms page idle vs ${f1(R.frames_bare.median_ms)} ms bare ImGui; p95 ${f1(R.frames_idle?.p95_ms)} vs ${f1(R.frames_bare.p95_ms)} ms). The idle page draws on demand (${R.frames_idle?.app_frames ?? 'n/a'} frames drawn in ${SECONDS} s); redrawing every frame (mouse moving) it takes ${f1(R.frames_redraw?.median_ms)} ms, ${rx(redrawVsBare)} the bare window | ${verdict(check(vsBare, (x) => x <= 2))} (idle); ${verdict(check(redrawVsBare, (x) => x <= 2))} (redrawing) |`
  : `| Idle frame time <= 2x a bare ImGui window | idle median ${f1(R.frames_idle?.median_ms)} ms; **bare ImGui build missing** (\`${shownPath(path.join(BARE, 'bare_imgui.wasm'))}\`: build target \`bare_imgui\` or set CATGEO_BARE_IMGUI_ROOT) | not measured |`);
md.push(`| First frame <= 2 s after navigation | ${f0(firstFrame)} ms | ${verdict(check(firstFrame, (x) => x <= 2000))} |`);
md.push(`| Page download < 3 MB gzip | ${mb(gzipTotal)} gzip (${mb(R.transfer.total)} plain) | ${verdict(check(gzipTotal, (x) => x < 3e6))} |`);
if (BASELINE) {  // not worse than an earlier run: the first frame within 10% (it drifts with the machine's load), bytes
  const before = BASELINE.startup?.first_frame_ms, bytesBefore = BASELINE.transfer?.total_gzip;
  // The baseline's page may come from another tree (CATGEO_WEB_ROOT): name that page, not only the bench's commit.
  const baselineWeb = BASELINE.binaries?.web?.path ?? '?';
  const baselineName = `bench at ${BASELINE.machine?.git ?? '?'}, page \`${baselineWeb}\` built ${BASELINE.binaries?.web?.mtime ?? '?'}`;
  md.push(`| First frame not worse than the baseline (+10%) | ${f0(firstFrame)} ms vs ${f0(before)} ms (${baselineName}) | ${verdict(Number.isFinite(before) ? firstFrame <= 1.1 * before : null)} |`);
  md.push(`| Page bytes not worse than the baseline | ${f0(gzipTotal)} vs ${f0(bytesBefore)} bytes gzip | ${verdict(Number.isFinite(bytesBefore) ? gzipTotal <= bytesBefore : null)} |`);
}
md.push('');

md.push('## Training throughput (samples/s, batch 32)', '');
// One core-bench key across native, Node and Chromium: values, WASM/native, Chromium/Node and Chromium/native (as percentages).
const coreCells = (key) => [f0(N[key]), f0(W[key]), pctS(ratio(W[key], N[key])), f0(C[key]), pctS(ratio(C[key], W[key])), pctS(ratio(C[key], N[key]))];
const e5Row = smallKey === 'e5_samples_per_s' ? 'E5 net 2-128-2' : 'E5 net 2-128-2 (page; core bench columns run the 1-128-2 E1 net)';
md.push('| Network | Native release | WASM under Node | WASM / native | WASM core bench in Chromium | Chromium / Node | Chromium / native | CatGeo page in Chromium (incl. per-epoch metrics) | Page / WASM-Node | TF.js cpu | TF.js wasm | Chromium trainer / best TF.js | Page / best TF.js |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|');
md.push(`| ${e5Row} | ${coreCells(smallKey).join(' | ')} | ${f0(pageE5)} | ${pctS(ratio(pageE5, W[smallKey]))}${smallKey === 'e5_samples_per_s' ? '' : ' (other net)'} | ${f0(tf('cpu', 'e5')?.samples_per_s)} | ${f0(tf('wasm', 'e5')?.samples_per_s)} | ${rx(rE5)} | ${rx(rPageE5)} |`);
md.push(`| MNIST net 196-128-2-128-10 | ${coreCells('mnist_samples_per_s').join(' | ')} | ${f0(pageMnist)} | ${pctS(ratio(pageMnist, W.mnist_samples_per_s))} | ${f0(tf('cpu', 'mnist')?.samples_per_s)} | ${f0(tf('wasm', 'mnist')?.samples_per_s)} | ${rx(rMnist)} | ${rx(rPageMnist)} |`);
md.push('');
md.push(`- Native, WASM under Node and WASM core bench in Chromium: \`bench/core_bench.cpp\` (\`${smallKey}\`, \`mnist_samples_per_s\`), forward + backward + Adam on one fixed random batch, no metrics.`,
  '  Node and Chromium run the same `catgeo_bench.js`/`.wasm` (linked `-sENVIRONMENT=node,web`); in Chromium `bench/core_bench.html` runs it on the main thread of its own tab.',
  `- CatGeo page: \`catgeo.trainFor(${SECONDS * 1000})\` in the page, samples = epochs x ${E5_SAMPLES_PER_EPOCH} (E5 training set) or epoch progress x ${MNIST_SAMPLES_PER_EPOCH} (MNIST: 80% of the 10,000 digits in assets/mnist14.cgd) over wall time. This is **page training incl. per-epoch metrics**: the trainer computes the metrics after every epoch and that time is counted.`,
  `  Batch size reported by the page: E5 ${R.page_training?.e5?.batch ?? '?'}, MNIST ${R.page_training?.mnist?.batch ?? '?'}.`,
  `- The page's engine (a Web Worker) over the trainer's own time, metrics left out: E5 ${f0(R.page_training?.e5?.engine_train_samples_per_s)} samples/s ` +
  `(${pctS(ratio(R.page_training?.e5?.engine_train_samples_per_s, C[smallKey]))} of the CatGeo trainer in Chromium), MNIST ` +
  `${f0(R.page_training?.mnist?.engine_train_samples_per_s)} samples/s (${pctS(ratio(R.page_training?.mnist?.engine_train_samples_per_s, C.mnist_samples_per_s))}).`,
  '- TF.js: `bench/tfjs/run_tfjs_bench.mjs` in the same browser, wall-time samples/s of the faster of model.fit / optimizer.minimize.',
  `- While training interactively (play(): the engine worker trains while the page redraws), the page trained E5 at ${f0(R.frames_training?.interactive_samples_per_s)} samples/s.`);
md.push('');

md.push('## Overlay recompute (ms per refresh, WASM)', '');
// One overlay key: times (ms) native, Node, Chromium core bench, and the time ratios WASM/native, Chromium/Node, Chromium/native.
const overlayCells = (key) => [f2(N[key]), f2(W[key]), rx(ratio(W[key], N[key])), f2(C[key]), rx(ratio(C[key], W[key])), rx(ratio(C[key], N[key]))];
const pageOverlay = (g) => `${f1(R.overlay_page?.[g]?.median_ms)} / ${f1(R.overlay_page?.[g]?.p95_ms)} (${R.overlay_page?.[g]?.refreshes ?? 0})`;
md.push('| Overlay | Native | WASM under Node | WASM / native time | WASM core bench in Chromium | Chromium / Node time | Chromium / native time | Page in Chromium (median / p95, refreshes) |',
  '|---|---|---|---|---|---|---|---|');
md.push(`| E5 64x64 | ${overlayCells('overlay_e5_64_ms').join(' | ')} | - |`);
md.push(`| E5 64x64 while training (reference fields kept) | - | - | - | - | - | - | ${pageOverlay(64)} |`);
md.push(`| E5 128x128 | ${overlayCells('overlay_e5_128_ms').join(' | ')} | - |`);
md.push(`| E5 128x128 while training (reference fields kept) | ${overlayCells('overlay_e5_128_training_ms').join(' | ')} | ${pageOverlay(128)} |`);
md.push(`| E6 128x128 | ${overlayCells('overlay_e6_128_ms').join(' | ')} | - |`);
md.push('', 'A full refresh recomputes everything (reference posterior and F_cat, network posterior and F_code, eigen-decompositions); while training, the reference fields of a fixed grid are kept and only the network fields are recomputed. Page values are `catgeo.perf().field_ms_last`, sampled every 100 ms while training E5 (one value per refresh).', '');

md.push('## Decoder check and F_code at other layers (ms)', '');
md.push('| Work | Native | WASM under Node | WASM / native time | WASM core bench in Chromium | Chromium / Node time | Chromium / native time |',
  '|---|---|---|---|---|---|---|');
md.push(`| Decoder check, E5, 16x16 grid (${N.decoder_e5_points ?? '-'} data points, T = 400) | ${overlayCells('decoder_e5_16_ms').join(' | ')} |`);
md.push(`| Decoder check, E6 64t-128s, 16x16 grid (${N.decoder_e6_points ?? '-'} data points) | ${overlayCells('decoder_e6_16_ms').join(' | ')} |`);
md.push(`| Decoder check, E7 256s-256s, 16x16 grid (${N.decoder_e7_256s_256s_points ?? '-'} data points) | ${overlayCells('decoder_e7_256s_256s_16_ms').join(' | ')} |`);
md.push(`| E6 128x128 network fields, F_code at layer 1 (64 tanh) | ${overlayCells('fields_e6_128_layer1_network_ms').join(' | ')} |`);
md.push(`| E6 128x128 network fields, F_code at layer 2 = r (128 sigmoid) | ${overlayCells('fields_e6_128_layer2_network_ms').join(' | ')} |`);
md.push('', 'The decoder check (`core/analysis/decoder_check.h`, the page\'s "decoder check (NECO)") in one call on the untrained preset network; the page runs it in the engine in chunks of one batch of draws, between the other work (docs/engine.md), so it costs no frame time. The layer rows are the network part of a refresh (`network_coding_at` + `NetworkFieldEvaluator`), reference fields kept.', '');

md.push('## The work after an epoch, per unit (native, ms)', '');
md.push('| Link | Train samples | One epoch of training | Its metrics | of which the metric grid | and the test set | A display refresh (fields + test-set digest) | Per-layer metrics | An information measurement |',
  '|---|---|---|---|---|---|---|---|---|');
for (const w of R.work_profile || []) {
  md.push(`| \`${w.link}\` | ${f0(w.train_samples)} | ${f2(w.epoch_training_ms)} | ${f2(w.epoch_metrics_ms)} | ${f2(w.metric_grid_fields_ms)} | ` +
    `${f2(w.test_set_ms)} | ${f2(w.display_refresh_fields_ms)} + ${f2(w.display_refresh_digest_ms)} | ${f2(w.layer_metrics_ms)} | ${f2(w.information_ms)} |`);
}
md.push('', '`bench/work_profile.cpp`: medians of 3 (1 for the last two), after two epochs of training, display grid 64 x 64. While a run trains, the engine keeps all of this to about a quarter of its time (the measured schedule, docs/engine.md): the page / trainer rows above measure what is left.', '');
md.push('## Frames (headless Chromium, 1280x800, SwiftShader WebGL)', '');
md.push('| State | Median frame (ms) | p95 frame (ms) | Frames/s | App frames drawn | vs idle |', '|---|---|---|---|---|---|');
md.push(`| Idle (E5 loaded, paused) | ${f1(R.frames_idle?.median_ms)} | ${f1(R.frames_idle?.p95_ms)} | ${f1(R.frames_idle?.fps)} | ${R.frames_idle?.app_frames ?? 'n/a'} | 1.00x |`);
md.push(`| Idle, redrawing every frame (mouse moving over the left panel) | ${f1(R.frames_redraw?.median_ms)} | ${f1(R.frames_redraw?.p95_ms)} | ${f1(R.frames_redraw?.fps)} | ${R.frames_redraw?.app_frames ?? 'n/a'} | frame time ${rx(ratio(R.frames_redraw?.median_ms, R.frames_idle?.median_ms))} of idle |`);
md.push(`| Training E5 (play) | ${f1(R.frames_training?.median_ms)} | ${f1(R.frames_training?.p95_ms)} | ${f1(R.frames_training?.fps)} | ${R.frames_training?.app_frames ?? 'n/a'} | frame rate ${pctS(keep)} of idle redrawing |`);
md.push(`| Bare ImGui window (\`bench/bare_imgui\`, reference) | ${f1(R.frames_bare?.median_ms)} | ${f1(R.frames_bare?.p95_ms)} | ${f1(R.frames_bare?.fps)} | ${R.frames_bare?.app_frames ?? 'n/a'} | idle frame time ${rx(vsBare)} of this |`);
md.push(`| Blank page (reference, no drawing) | ${f1(R.frames_blank?.median_ms)} | ${f1(R.frames_blank?.p95_ms)} | - | - | - |`);
const bareAtFloor = R.frames_bare?.median_ms <= 1.05 * R.frames_blank?.median_ms;
md.push('', `requestAnimationFrame deltas over ${SECONDS} s. Headless Chromium caps rAF at about 60 Hz, so 16.7 ms is the floor.${bareAtFloor ? ' The bare ImGui window runs at that floor, so its real frame cost is lower and the idle / bare ratio understates the cost ratio.' : ''} Time from navigation to the first drawn frame: **${f0(firstFrame)} ms** (\`catgeo.firstFrameMs\`; ${f0(R.startup?.wall_ms)} ms wall time from page.goto).`, '');
const costRow = (name, c) => `| ${name} | ${c?.vertices ?? 'n/a'} | ${c?.indices ?? 'n/a'} | ${c?.draw_calls ?? 'n/a'} | ${c?.drawn_indices ?? 'n/a'} | ${f1(c?.build_ms)} | ${f1(c?.submit_ms)} |`;
md.push('', 'Drawn frames (`catgeo_frame_cost`, medians over the frames above): what ImGui built, and how much of it was redrawn on the canvas (the rest had not changed).', '');
md.push('| State | Vertices | Indices | Draw calls | Indices redrawn | Build (ms) | GL calls (ms) |', '|---|---|---|---|---|---|---|');
md.push(costRow('Idle, redrawing every frame', R.frames_redraw?.cost), costRow('Training E5 (play)', R.frames_training?.cost), '');

md.push('## Core bench, every key', '');
md.push('All numeric keys `bench/core_bench.cpp` printed (samples/s or ms), with value ratios.', '');
md.push('| Key | Native | WASM under Node | Node / native | WASM in Chromium | Chromium / Node | Chromium / native |', '|---|---|---|---|---|---|---|');
const coreKeys = [...new Set([N, W, C].flatMap((r) => Object.keys(r).filter((k) => typeof r[k] === 'number')))];
const fv = (x) => (Math.abs(x) >= 1000 ? f0(x) : f2(x));
for (const key of coreKeys) md.push(`| \`${key}\` | ${fv(N[key])} | ${fv(W[key])} | ${rx(ratio(W[key], N[key]))} | ${fv(C[key])} | ${rx(ratio(C[key], W[key]))} | ${rx(ratio(C[key], N[key]))} |`);
md.push('');

md.push('## Transferred bytes', '');
md.push('| File | Bytes | gzip -9 |', '|---|---|---|');
for (const f of R.transfer.files) md.push(`| ${f.name} | ${f0(f.bytes)} | ${f0(f.gzip)} |`);
md.push(`| **Page total** | **${f0(R.transfer.total)}** | **${f0(gzipTotal)}** |`);
if (R.transfer.mnist_asset) md.push(`| ${R.transfer.mnist_asset.name} (fetched only when MNIST is opened) | ${f0(R.transfer.mnist_asset.bytes)} | ${f0(R.transfer.mnist_asset.gzip)} |`);
const fetchedBytes = (R.startup?.fetched || []).reduce((a, e) => a + (e.bytes || 0), 0);
md.push('', `Excluded from the page total: ${R.transfer.excluded.join(', ')} (not loaded by index.html; the assets folder is fetched on demand). ` +
  `Cross-check: the page itself fetched ${f0(fetchedBytes)} bytes of bodies up to its first frame (the bench server does not compress).`, '');

writeFileSync(OUT, md.join('\n') + '\n');
log(`wrote ${path.relative(repoRoot, OUT)}`);
process.exit(R.errors.length ? 1 : 0);
