import puppeteer from 'puppeteer-core';
import { startServer } from '../browser/harness.mjs';
const t0 = Date.now();
const server = await startServer();
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: false,
  protocolTimeout: 120000, env: { ...process.env, LIBGL_ALWAYS_SOFTWARE: '1' } });
console.log('launched', Date.now() - t0);
try {
const page = await browser.newPage();
const errors = [];
page.on('console', (m) => { errors.push(m.type() + ': ' + m.text()); });
page.on('pageerror', (e) => errors.push('pageerror ' + String(e)));
await page.setViewport({ width: 1280, height: 800 });
await page.goto(`${server.url}#scenario=E5&epochs=50&seed=3`);
await page.waitForFunction(() => document.body.dataset.catgeoState !== 'loading', { timeout: 90000 });
console.log('state', await page.evaluate(() => document.body.dataset.catgeoState), Date.now() - t0);
const m = await page.evaluate(async () => { await catgeo.trainEpochs(50); return catgeo.metrics(); });
console.log('trained', m.train_loss, m.epochs, Date.now() - t0);
await page.evaluate(() => { console.error('probe'); new Worker(URL.createObjectURL(new Blob(['console.error("wprobe"); throw new Error("wthrow")']))); setTimeout(() => { throw new Error('unc'); }); });
await new Promise((r) => setTimeout(r, 1500));
const png = await page.screenshot();
(await import('node:fs')).writeFileSync('/tmp/eng/shot-ff.png', png);
console.log(errors, await page.evaluate(() => { const c = document.createElement('canvas').getContext('webgl2'); const e = c.getExtension('WEBGL_debug_renderer_info'); return e ? c.getParameter(e.UNMASKED_RENDERER_WEBGL) : c.getParameter(c.RENDERER); }));
} finally { await browser.close(); await server.close(); }
console.log('done', Date.now() - t0);
