// Screenshots of the real page for the README, one per layout: docs/screenshots/<name>.png (1 CSS px = 1 pixel).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, startServer, waitForRunning } from '../tests/browser/harness.mjs';

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots');
const SHOTS = [
  { name: 'phone', link: 'tour=3', viewport: { width: 390, height: 844 }, touch: true },
  { name: 'tablet', link: 'scenario=E7', viewport: { width: 768, height: 1024 }, touch: true },
  { name: 'desktop', link: 'scenario=E6', viewport: { width: 1280, height: 800 } },
  { name: 'embed', link: 'tour=4&embed=1', viewport: { width: 720, height: 480 } },
  { name: 'lecture', link: 'tour=3&lecture=1', viewport: { width: 1920, height: 1080 } },
];
const EPOCHS = 30;

await mkdir(outDir, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const shot of SHOTS) {
    const { context, page, errors } = await openPage(browser, `${server.url}#${shot.link}`,
      { viewport: shot.viewport, hasTouch: Boolean(shot.touch) });
    await waitForRunning(page);
    await page.evaluate((epochs) => catgeo.trainEpochs(epochs), EPOCHS);
    await page.waitForTimeout(600);  // a few frames with the trained fields
    const file = path.join(outDir, `${shot.name}.png`);
    await page.screenshot({ path: file });
    if (errors.length) throw new Error(`${shot.name}: ${errors.join('; ')}`);
    console.log(`screenshots: ${file} (#${shot.link}, ${EPOCHS} epochs)`);
    await context.close();
  }
  // The article on a phone, at its second figure (it plays by itself once in view: a few seconds of it).
  const { context, page, errors } = await openPage(browser, `${server.url}article.html`,
    { viewport: { width: 390, height: 844 }, hasTouch: true });
  const figure = await page.waitForSelector('iframe.catgeo-frame >> nth=1');
  await figure.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const frame = await figure.contentFrame();
  await frame.waitForFunction(() => window.catgeo && catgeo.phase === 'running', null, { timeout: 120_000 });
  await frame.waitForFunction(() => catgeo.metrics().epoch >= 10, null, { timeout: 120_000 });
  const file = path.join(outDir, 'article-phone.png');
  await page.screenshot({ path: file });
  if (errors.length) throw new Error(`article: ${errors.join('; ')}`);
  console.log(`screenshots: ${file} (article.html, second figure after 10 epochs of autoplay)`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
