// Runs the TF.js training-throughput benchmark (cpu|wasm x e5|mnist) in headless Chromium; CLI prints {results:[...]} JSON, or import runTfjsBench().
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, startServer } from '../../tests/browser/harness.mjs';  // the tests' server and browser

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const PAGE_PATH = '/bench/tfjs/tfjs_bench.html';
export const COMBOS = [
  { backend: 'cpu', net: 'e5' }, { backend: 'cpu', net: 'mnist' },
  { backend: 'wasm', net: 'e5' }, { backend: 'wasm', net: 'mnist' },
];

/**
 * Run the benchmark page for each (backend, net) combination, each in a fresh browser context.
 * options: browser (already-launched Playwright Browser; else one is launched and closed),
 *          baseUrl (origin serving the repo root, e.g. 'http://127.0.0.1:8000'; else a server over server_root is started),
 *          server_root (default: repo root), seconds (timed seconds per method; default 5),
 *          method ('auto' = time fit and minimize in alternating blocks, report the faster; or 'fit' | 'minimize'),
 *          rounds (alternating timed blocks per method; page default 3 in auto mode, else 1),
 *          data ('real' MNIST digits with random fallback, or 'random'), combos (default all four),
 *          pagePath (default '/bench/tfjs/tfjs_bench.html'), log (progress callback; default stderr).
 * Returns an array of window.benchResult objects (an {backend, net, error} entry for a failed combination), each with
 * samples_per_s (wall time, the headline number) and samples_per_renderer_cpu_s (per CPU-second of Chromium's renderers).
 */
export async function runTfjsBench(options = {}) {
  const {
    seconds = 5, server_root = REPO_ROOT, method = 'auto', data = 'real', rounds = null,
    combos = COMBOS, pagePath = PAGE_PATH, log = (m) => process.stderr.write(m + '\n'),
  } = options;
  let { browser, baseUrl } = options;
  let srv = null, ownBrowser = false;
  if (!baseUrl) { srv = await startServer(path.resolve(server_root)); baseUrl = srv.url; }
  baseUrl = baseUrl.replace(/\/+$/, '');
  const results = [];
  let cdp = null;
  try {
    if (!browser) { browser = await launchBrowser(); ownBrowser = true; }
    // Renderer CPU time (CDP SystemInfo.getProcessInfo, 10 ms resolution) lets the page also report samples per
    // CPU-second, which is far less sensitive than wall time to other processes competing for the cores.
    try { cdp = await browser.newBrowserCDPSession(); } catch { cdp = null; }
    const rendererCpuSeconds = async () => {
      if (!cdp) return null;
      const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
      return processInfo.filter((p) => p.type === 'renderer').reduce((a, p) => a + p.cpuTime, 0);
    };
    const nMethods = method === 'auto' ? 2 : 1;
    for (const { backend, net } of combos) {
      const url = `${baseUrl}${pagePath}?backend=${backend}&net=${net}&seconds=${seconds}&method=${method}&data=${data}` + (rounds ? `&rounds=${rounds}` : '');
      log(`[tfjs-bench] ${backend}/${net}: ${url}`);
      const context = await browser.newContext();
      const page = await context.newPage();
      const consoleLines = [];
      page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
      if (cdp) await page.exposeFunction('__tfjsBenchCpuTime', rendererCpuSeconds);
      let r;
      const load_before = os.loadavg()[0];
      try {
        await page.goto(url, { waitUntil: 'load' });
        const timeout = (nMethods * (seconds + 10) + 60) * 1000;
        await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout, polling: 500 });
        r = await page.evaluate(() => window.benchResult);
        if (r.error) r = { backend, net, ...r, console: consoleLines.slice(-20) };
      } catch (e) {
        r = { backend, net, error: String(e && e.message || e), console: consoleLines.slice(-20) };
      } finally {
        await context.close();
      }
      r.host = { loadavg1_before: load_before, loadavg1_after: os.loadavg()[0], cpus: os.cpus().length, browser_version: browser.version() };
      log(`[tfjs-bench] ${backend}/${net}: ` + (r.error ? `ERROR ${r.error}` : `${r.samples_per_s.toFixed(0)} samples/s wall, ` +
        `${r.samples_per_renderer_cpu_s ? r.samples_per_renderer_cpu_s.toFixed(0) : '?'} samples/renderer-CPU-s (${r.method_key})`));
      results.push(r);
    }
  } finally {
    if (cdp) await cdp.detach().catch(() => {});
    if (ownBrowser && browser) await browser.close();
    if (srv) await srv.close();
  }
  return results;
}

// CLI: node bench/tfjs/run_tfjs_bench.mjs [seconds] [--method=auto|fit|minimize] [--data=real|random] [--rounds=R]
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const seconds = Number(args.find((a) => !a.startsWith('--')) ?? 5);
  const opt = (k, d) => (args.find((a) => a.startsWith(`--${k}=`)) || `=${d}`).split('=')[1];
  if (!(seconds > 0)) { console.error('usage: run_tfjs_bench.mjs [seconds>0] [--method=auto|fit|minimize] [--data=real|random] [--rounds=R]'); process.exit(2); }
  const started = new Date().toISOString();
  runTfjsBench({ seconds, method: opt('method', 'auto'), data: opt('data', 'real'), rounds: Number(opt('rounds', 0)) || null }).then((results) => {
    process.stdout.write(JSON.stringify({ results, seconds_per_method: seconds, started }, null, 2) + '\n');
    process.exit(results.some((r) => r.error) ? 1 : 0);
  }, (e) => { console.error(e); process.exit(1); });
}
