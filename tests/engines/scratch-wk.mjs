import { Builder } from 'selenium-webdriver';
import { spawn } from 'node:child_process';
import { startServer } from '/work/main/tests/browser/harness.mjs';
const server = await startServer();
const out = [];
const driverProc = spawn('/usr/bin/WebKitWebDriver', ['--port=4478'], { stdio: ['ignore', 'pipe', 'pipe'] });
driverProc.stdout.on('data', (d) => out.push('OUT ' + d));
driverProc.stderr.on('data', (d) => out.push('ERR ' + d));
await new Promise((r) => setTimeout(r, 1500));
const t0 = Date.now();
const driver = await new Builder().usingServer('http://127.0.0.1:4478').withCapabilities({ browserName: 'MiniBrowser',
  'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation', '--enable-write-console-messages-to-stdout=true'] } }).build();
try {
  await driver.get(`${server.url}#scenario=E5&epochs=50&seed=3`);
  console.log('get', Date.now() - t0);
  let phase = 'loading';
  while (phase === 'loading') { await new Promise((r) => setTimeout(r, 300)); phase = await driver.executeScript('return document.body.dataset.catgeoState'); }
  console.log('phase', phase, Date.now() - t0);
  const m = await driver.executeAsyncScript('const done = arguments[arguments.length - 1]; catgeo.trainEpochs(50).then(() => done(catgeo.metrics()), (e) => done(String(e)));');
  console.log('trained', Date.now() - t0, m.train_loss, m.epochs);
  await driver.executeScript(`console.error('probe'); console.log('plain'); setTimeout(() => { throw new Error('probe-uncaught'); }); Promise.reject(new Error('rej'));
    new Worker(URL.createObjectURL(new Blob(['console.error("wprobe"); throw new Error("wthrow")'])));`);
  await new Promise((r) => setTimeout(r, 1000));
  const { execSync } = await import("node:child_process"); console.log(execSync("for p in $(pgrep -f WebKit); do echo $p; ls -l /proc/$p/fd/1 /proc/$p/fd/2; tr \"\\0\" \" \" < /proc/$p/cmdline; echo; done").toString());
  const png = await driver.takeScreenshot();
  (await import('node:fs')).writeFileSync('/tmp/eng/shot-webkit.png', Buffer.from(png, 'base64'));
} finally { await driver.quit(); driverProc.kill(); await server.close(); }
console.log(out.join(''));
