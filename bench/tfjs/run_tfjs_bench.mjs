// Runs the TF.js training-throughput benchmark (cpu|wasm x e5|mnist) in headless Chromium; CLI prints {results:[...]} JSON, or import runTfjsBench().
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const PAGE_PATH = '/bench/tfjs/tfjs_bench.html';
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];
export const COMBOS = [
  { backend: 'cpu', net: 'e5' }, { backend: 'cpu', net: 'mnist' },
  { backend: 'wasm', net: 'e5' }, { backend: 'wasm', net: 'mnist' },
];

const MIME = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.data': 'application/octet-stream', '.bin': 'application/octet-stream', '.gz': 'application/gzip',
};

/** Static file server for `root` on a free 127.0.0.1 port. Resolves to {server, baseUrl, close()}. */
export function startStaticServer(root = REPO_ROOT) {
  const absRoot = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    let file = path.join(absRoot, path.normalize(rel));
    if (file !== absRoot && !file.startsWith(absRoot + path.sep)) { res.writeHead(403).end(); return; }
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) { file = path.join(file, 'index.html'); }
      fs.stat(file, (err2, st2) => {
        if (err2 || !st2.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
        res.writeHead(200, {
          'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
          'Content-Length': st2.size,
          'Cache-Control': 'no-store',
        });
        if (req.method === 'HEAD') { res.end(); return; }
        fs.createReadStream(file).pipe(res);
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** Launch the system Chromium headless through playwright-core (resolved from the repo's node_modules). */
export async function launchChromium(extraArgs = []) {
  const require = createRequire(path.join(REPO_ROOT, 'package.json'));
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

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
  if (!baseUrl) { srv = await startStaticServer(server_root); baseUrl = srv.baseUrl; }
  baseUrl = baseUrl.replace(/\/+$/, '');
  const results = [];
  let cdp = null;
  try {
    if (!browser) { browser = await launchChromium(); ownBrowser = true; }
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
