// CatGeo share links, embeds and exports in the page: URL hash <-> app state, notices banner, Copy link, Embed
// snippet, PNG/CSV/JSON downloads. Needs web/catgeo-loader.js (window.catgeo) loaded first; no threads, no
// SharedArrayBuffer, nothing that needs cross-origin isolation, so it works from static hosting inside any iframe.
(function () {
  'use strict';

  const PNG_TIMEOUT_MS = 10000;
  const UI_FLAGS = ['embed', 'panels', 'controls', 'autoplay', 'lecture'];

  const api = window.catgeo;
  if (!api) {
    console.warn('catgeo-share.js: window.catgeo is missing (load catgeo-loader.js first)');
    return;
  }

  // ---- small helpers ------------------------------------------------------------------------------------------

  // The body of a hash or link: no '#', no surrounding spaces.
  function linkBody(text) {
    return String(text || '').replace(/^#/, '').trim();
  }

  // key=value pairs of a link body (last value wins), percent-decoded where possible.
  function linkFlags(body) {
    const flags = {};
    for (const pair of linkBody(body).split('&')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      let key = pair.slice(0, eq), value = pair.slice(eq + 1);
      try { key = decodeURIComponent(key); value = decodeURIComponent(value); } catch { /* keep raw text */ }
      flags[key] = value;
    }
    return flags;
  }

  // The engine's current share link (without '#'), or '' before the page runs.
  function currentLink() {
    if (api.phase !== 'running') return '';
    return linkBody(api.config().link);
  }

  // ---- DOM: styles, notices banner, toolbar, embed dialog ------------------------------------------------------

  const STYLE = `
#catgeo-notices{position:fixed;top:8px;left:50%;transform:translateX(-50%);max-width:min(640px,calc(100% - 16px));
  z-index:20;background:#2b2f36;color:#e8e8e8;border:1px solid #d9a441;border-radius:6px;padding:8px 32px 8px 12px;
  font:13px/1.4 system-ui,sans-serif;box-shadow:0 2px 10px rgba(0,0,0,.4)}
#catgeo-notices[hidden]{display:none}
#catgeo-notices ul{margin:4px 0 0;padding-left:18px}
#catgeo-notices button{position:absolute;top:4px;right:6px;background:none;border:0;color:#ccc;font-size:18px;cursor:pointer}
#catgeo-share-bar{position:fixed;right:84px;bottom:10px;z-index:15;display:flex;gap:4px;flex-wrap:wrap;
  font:calc(12px * var(--catgeo-ui-scale, 1)) system-ui,sans-serif}
/* Lecture slides (the app's stage layout): the bar sits in the figure's title bar, clear of the play bar. */
body[data-catgeo-layout="stage"] #catgeo-share-bar{top:2px;bottom:auto;right:6px}
body[data-catgeo-layout="stage"] #catgeo-share-bar button{padding:0 8px}
#catgeo-share-bar[hidden]{display:none}
/* Embeds: the link to the full page sits in the figure's empty title bar, clear of the play bar. */
#catgeo-share-bar.catgeo-share-embed{top:2px;bottom:auto;right:6px}
#catgeo-share-bar.catgeo-share-embed a{padding:1px 8px}
/* Portrait screens (the app's portrait layout, app/screen_layout.cpp): the Controls tab has these buttons. */
@media (max-width:699.98px),(max-width:999.98px) and (max-aspect-ratio:10/11){#catgeo-share-bar:not(.catgeo-share-embed){display:none}}
#catgeo-share-bar button,#catgeo-share-bar a,#catgeo-embed-dialog button{background:#343a44;color:#e8e8e8;
  border:1px solid #555;border-radius:4px;padding:3px 8px;cursor:pointer;text-decoration:none;font:inherit}
#catgeo-share-bar button:hover,#catgeo-share-bar a:hover{background:#465060}
#catgeo-share-status{position:fixed;right:84px;bottom:40px;z-index:15;color:#ddd;
  font:calc(12px * var(--catgeo-ui-scale, 1)) system-ui,sans-serif;
  background:#2b2f36cc;padding:2px 6px;border-radius:4px}
#catgeo-share-status:empty{display:none}
#catgeo-embed-dialog{position:fixed;inset:0;z-index:30;display:flex;align-items:center;justify-content:center;
  background:rgba(0,0,0,.55);font:13px system-ui,sans-serif;color:#e8e8e8}
#catgeo-embed-dialog[hidden]{display:none}
#catgeo-embed-dialog>div{background:#2b2f36;border:1px solid #555;border-radius:8px;padding:14px;width:min(560px,92vw)}
#catgeo-embed-dialog textarea{width:100%;box-sizing:border-box;height:88px;font:12px ui-monospace,monospace;
  background:#1c1f24;color:#e8e8e8;border:1px solid #555}
#catgeo-embed-dialog input{width:64px;background:#1c1f24;color:#e8e8e8;border:1px solid #555}
#catgeo-embed-dialog label{margin-right:10px}`;

  function element(tag, attributes = {}, text = '') {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (text) node.textContent = text;
    return node;
  }

  const style = element('style');
  style.textContent = STYLE;
  document.head.appendChild(style);

  const banner = document.getElementById('catgeo-notices') ||
    document.body.appendChild(element('div', { id: 'catgeo-notices', role: 'status', 'aria-live': 'polite' }));
  banner.hidden = true;

  // Shows notices under a title; an empty list hides the banner. A notice is a string, or {text, details} with a
  // developer's detail folded under "Details".
  function showNotices(title, notices) {
    banner.textContent = '';
    if (!notices.length) {
      banner.hidden = true;
      return;
    }
    banner.appendChild(element('strong', {}, title));
    const list = element('ul');
    for (const notice of notices) {
      const item = list.appendChild(element('li', {}, typeof notice === 'string' ? notice : notice.text));
      if (notice.details) {
        const more = item.appendChild(element('details'));
        more.appendChild(element('summary', {}, 'Details'));
        more.appendChild(element('code', {}, notice.details));
      }
    }
    banner.appendChild(list);
    const close = element('button', { type: 'button', 'aria-label': 'Dismiss' }, '×');
    close.addEventListener('click', () => { banner.hidden = true; });
    banner.appendChild(close);
    banner.hidden = false;
  }

  const statusLine = document.body.appendChild(element('div', { id: 'catgeo-share-status', role: 'status' }));
  let statusTimer = 0;
  function flash(text) {
    statusLine.textContent = text;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => { statusLine.textContent = ''; }, 3000);
  }

  const bar = document.body.appendChild(element('div', { id: 'catgeo-share-bar', role: 'region',
    'aria-label': 'Share and export', hidden: '' }));
  const openFull = element('a', { target: '_blank', rel: 'noopener', title: 'Open this view in a full CatGeo page' },
    'Open in CatGeo ↗');
  const article = element('a', { href: 'article.html', title: 'A short article on the paper with live figures' },
    'Article');
  const buttons = [
    ['Copy link', () => copyLink()],
    ['Embed', () => showEmbedDialog()],
    ['PNG', () => download('png')],
    ['CSV', () => download('csv')],
    ['History', () => download('history')],
    ['Config', () => download('config')],
  ].map(([label, handler]) => {
    const button = element('button', { type: 'button' }, label);
    button.addEventListener('click', () => { Promise.resolve().then(handler).catch((e) => flash(String(e.message || e))); });
    return button;
  });

  // Full page: the share buttons; embed mode: one small link to the full page; controls=0: nothing.
  let barKey = null;
  function updateBar(body) {
    const flags = linkFlags(body);
    const key = `${flags.controls}|${flags.embed}|${flags.embed === '1' ? linkBody(body) : ''}`;
    if (key === barKey) return;  // rebuilding under the pointer could swallow a click
    barKey = key;
    bar.textContent = '';
    bar.classList.toggle('catgeo-share-embed', flags.embed === '1');
    if (flags.controls === '0') {
      bar.hidden = true;
      return;
    }
    if (flags.embed === '1') {
      openFull.href = fullPageUrl(body);
      bar.appendChild(openFull);
    } else {
      for (const button of buttons) bar.appendChild(button);
      bar.appendChild(article);
    }
    bar.hidden = false;
  }

  // ---- links -----------------------------------------------------------------------------------------------------

  function pageUrl(body) {
    const url = new URL(window.location.href);
    url.hash = body ? `#${body}` : '';
    return url.href;
  }

  // The same view without the embed-only flags, for "Open in CatGeo".
  function fullPageUrl(body) {
    const kept = linkBody(body).split('&').filter((pair) => {
      const key = pair.split('=')[0];
      return key && key !== 'embed' && key !== 'panels' && key !== 'controls';
    });
    return pageUrl(kept.join('&'));
  }

  // The iframe snippet for the current view (embed=1 added, autoplay kept as the link says).
  function embedSnippet(width = 720, height = 480) {
    const body = linkBody(currentLink() || window.location.hash);
    const pairs = body.split('&').filter((pair) => pair && pair.split('=')[0] !== 'embed');
    pairs.push('embed=1');
    const src = pageUrl(pairs.join('&')).replace(/"/g, '%22');
    return `<iframe src="${src}" width="${width}" height="${height}" loading="lazy" style="border:0" ` +
      `title="CatGeo" allowfullscreen></iframe>`;
  }

  // Copies text to the clipboard; call from a click (or within the few seconds of transient activation after one).
  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      // No clipboard permission (e.g. an iframe without allow="clipboard-write"): the old way, from a selection.
      const area = element('textarea', { readonly: '', style: 'position:fixed;top:-1000px;opacity:0' });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      let copied = false;
      try { copied = document.execCommand('copy'); } catch { copied = false; }
      area.remove();
      return copied;
    }
  }

  async function copyLink() {
    const url = pageUrl(currentLink() || linkBody(window.location.hash));
    if (await copyText(url)) {
      flash('Link copied');
    } else {
      showEmbedDialog(url, 'Copy this link (the browser did not allow copying):');
    }
    return url;
  }

  let dialog = null;
  function showEmbedDialog(text, title) {
    if (!dialog) {
      dialog = document.body.appendChild(element('div', { id: 'catgeo-embed-dialog', hidden: '', role: 'dialog',
        'aria-modal': 'true', 'aria-label': 'Embed CatGeo' }));
      dialog.innerHTML = '<div><div id="catgeo-embed-title"></div><textarea readonly></textarea>' +
        '<div id="catgeo-embed-size"><label>Width <input type="number" min="200" max="4000" value="720"></label>' +
        '<label>Height <input type="number" min="150" max="4000" value="480"></label></div>' +
        '<div style="margin-top:8px;display:flex;gap:6px;justify-content:flex-end">' +
        '<button type="button" data-act="copy">Copy</button><button type="button" data-act="close">Close</button></div></div>';
      const [widthInput, heightInput] = dialog.querySelectorAll('input');
      const refresh = () => {
        if (dialog.dataset.mode === 'embed') {
          dialog.querySelector('textarea').value = embedSnippet(Number(widthInput.value) || 720,
            Number(heightInput.value) || 480);
        }
      };
      widthInput.addEventListener('input', refresh);
      heightInput.addEventListener('input', refresh);
      dialog.addEventListener('click', async (event) => {
        const act = event.target.dataset && event.target.dataset.act;
        if (act === 'close' || event.target === dialog) dialog.hidden = true;
        if (act === 'copy') {
          const copied = await copyText(dialog.querySelector('textarea').value);
          flash(copied ? 'Copied' : 'Select the text and copy it');
        }
      });
      dialog.addEventListener('keydown', (event) => { if (event.key === 'Escape') dialog.hidden = true; });
      dialog.refresh = refresh;
    }
    const embed = text === undefined;
    dialog.dataset.mode = embed ? 'embed' : 'text';
    dialog.querySelector('#catgeo-embed-title').textContent =
      title || 'Paste this into a blog post or slide (HTML); it works on static hosting and across origins:';
    dialog.querySelector('#catgeo-embed-size').hidden = !embed;
    if (embed) dialog.refresh(); else dialog.querySelector('textarea').value = text;
    dialog.hidden = false;
    dialog.querySelector('textarea').select();
    return dialog.querySelector('textarea').value;
  }

  // ---- exports -----------------------------------------------------------------------------------------------------

  function moduleCall(name, returnType = 'string', types = [], args = []) {
    if (!api.module || typeof api.module.ccall !== 'function') throw new Error('CatGeo is not running yet');
    return api.module.ccall(name, returnType, types, args);
  }

  function exportText(name) {
    const text = moduleCall(name);
    if (!text) throw new Error(`nothing to export: ${moduleCall('catgeo_export_error') || 'no data yet'}`);
    return text;
  }

  let pngWaiters = [];
  // Resolves to a PNG Blob of the canvas as drawn in the next frame. options.region = {x, y, width, height} in CSS
  // pixels of the canvas (optional; default the whole canvas).
  function exportPng(options = {}) {
    return new Promise((resolve, reject) => {
      const module = api.module;
      if (!module || typeof module.ccall !== 'function') {
        reject(new Error('CatGeo is not running yet'));
        return;
      }
      const timer = setTimeout(() => {
        pngWaiters = pngWaiters.filter((w) => w.resolve !== resolve);
        reject(new Error('no frame was drawn to capture (is the tab hidden?)'));
      }, PNG_TIMEOUT_MS);
      pngWaiters.push({ resolve, reject, timer });
      module.onCatgeoPixels = deliverPixels;
      let region = [0, 0, 0, 0];
      if (options.region) {
        const canvas = document.getElementById('canvas');
        const scale = canvas.width / Math.max(1, canvas.clientWidth);
        const r = options.region;
        region = [r.x, r.y, r.width, r.height].map((v) => Math.round(Number(v) * scale) || 0);
      }
      module.ccall('catgeo_request_png', null, ['number', 'number', 'number', 'number'], region);
    });
  }

  function deliverPixels(bytes, width, height, error) {
    const waiters = pngWaiters;
    pngWaiters = [];
    for (const w of waiters) clearTimeout(w.timer);
    if (!bytes) {
      for (const w of waiters) w.reject(new Error(error || 'capture failed'));
      return;
    }
    const canvas = element('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(bytes.buffer, bytes.byteOffset,
      bytes.length), width, height), 0, 0);
    canvas.toBlob((blob) => {
      for (const w of waiters) {
        if (blob) w.resolve(blob); else w.reject(new Error('the browser could not encode the PNG'));
      }
    }, 'image/png');
  }

  function fileStem() {
    const flags = linkFlags(currentLink());
    const metrics = api.metrics();
    const epoch = Number.isFinite(metrics.epoch) ? `-epoch${Math.round(metrics.epoch)}` : '';
    return `catgeo-${(flags.scenario || 'run').replace(/[^A-Za-z0-9_-]/g, '')}${epoch}`;
  }

  function saveBlob(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = element('a', { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // Downloads one export: 'png' | 'csv' | 'history' | 'config' | 'table' (the points). Resolves to the file name.
  async function download(kind) {
    const stem = fileStem();
    let blob, name;
    if (kind === 'png') {
      blob = await exportPng();
      name = `${stem}.png`;
    } else if (kind === 'csv') {
      blob = new Blob([exportText('catgeo_export_csv')], { type: 'text/csv' });
      name = `${stem}-fields.csv`;
    } else if (kind === 'history') {
      blob = new Blob([exportText('catgeo_export_history_json')], { type: 'application/json' });
      name = `${stem}-history.json`;
    } else if (kind === 'config') {
      blob = new Blob([exportText('catgeo_export_config_json')], { type: 'application/json' });
      name = `${stem}-config.json`;
    } else if (kind === 'table') {
      blob = new Blob([exportText('catgeo_export_table_csv')], { type: 'text/csv' });
      name = `${stem}-table.csv`;
    } else {
      throw new Error(`unknown export '${kind}'`);
    }
    saveBlob(blob, name);
    flash(`Saved ${name}`);
    return name;
  }

  // ---- hash <-> app --------------------------------------------------------------------------------------------

  let lastLink = null;    // the hash as we last wrote it or loaded it (null before the first run)
  let hashLoads = 0;      // hash edits on their way to the engine: the hash is theirs until they are loaded

  // Shows what a load ({notices, error}) of link `body` could not use; returns it. A refusal (too large) is shown
  // already; a data file the server could not deliver is the server's fault, not the link's.
  function showLoadNotices(result, body) {
    if (result.refused) return result;
    if (result.asset_failed) {
      showNotices('The MNIST digits could not be loaded:', [...result.notices, {
        text: "This page's server has no usable copy of the digits (the file is missing or damaged). Your link is " +
          'fine and kept: reload the page to try again, or tell whoever hosts it.',
        details: result.error,
      }]);
      return result;
    }
    const shown = result.error ? [...result.notices, result.error] : result.notices;
    // A link of another version is used whole: only its numbers may differ (src/core/link/share_link.h).
    const version = linkFlags(body).v;
    const otherVersion = version !== undefined && version !== String(api.linkVersion());
    const onlyVersion = otherVersion && shown.length === 1;
    showNotices(onlyVersion ? 'This link comes from another version of CatGeo:' : 'Some of this link could not be used:',
      shown);
    return result;
  }

  // Loads a hash into the engine and shows its notices; resolves to {notices, error}.
  async function loadHash(hash) {
    const body = linkBody(hash);
    lastLink = body;
    ++hashLoads;
    let result;
    try {
      result = showLoadNotices(await api.load(body), body);
    } catch (error) {
      result = showLoadNotices({ notices: [], error: `could not load the link: ${error.message || error}` }, body);
    } finally {
      --hashLoads;
    }
    syncHash(currentLink());
    return result;
  }

  // Keeps the hash equal to the engine's link, without a navigation or a new history entry. Called when the engine
  // reports a link (no polling); a hash the user just edited is left alone until the engine has loaded it.
  function syncHash(link) {
    if (!link || hashLoads > 0) return;
    const shown = linkBody(window.location.hash);
    if (lastLink !== null && shown !== lastLink && !sameLink(shown, link)) {
      onHashChange();  // edited since we last wrote or loaded it, and its hashchange not handled yet: load it first
      return;
    }
    if (!sameLink(shown, link)) history.replaceState(history.state, '', `#${link}`);
    lastLink = link;
    updateBar(link);
  }

  // The same link, %-encoded or not.
  function sameLink(a, b) {
    const decoded = (text) => { try { return decodeURIComponent(text); } catch { return text; } };
    return a === b || decoded(a) === decoded(b);
  }

  // Several hashchange events in a row (scripted changes) load once, with the latest hash.
  let hashTimer = 0;
  function onHashChange() {
    clearTimeout(hashTimer);
    hashTimer = setTimeout(() => {
      const body = linkBody(window.location.hash);
      if (body !== lastLink) loadHash(body);
    }, 0);
  }

  // Buttons drawn by the app (app/share_hooks.h) arrive here through share_api.cpp.
  function action(name) {
    const run = {
      copy_link: copyLink,
      embed: () => showEmbedDialog(),
      png: () => download('png'),
      csv: () => download('csv'),
      history: () => download('history'),
      config: () => download('config'),
      table: () => download('table'),
      open_table: () => { if (window.catgeoTable) window.catgeoTable.open(); },
    }[name];
    if (!run) return;
    Promise.resolve().then(run).catch((error) => flash(String(error.message || error)));
  }

  const share = {
    load: loadHash,
    link: () => currentLink(),
    pageUrl: () => pageUrl(currentLink()),
    embedSnippet,
    copyLink,
    showEmbedDialog: () => showEmbedDialog(),
    exportPng,
    download,
    action,
    showNotices,  // (title, notices): the banner, e.g. for what a loaded table must say (merged points, ...)
    uiFlags: UI_FLAGS,
  };
  window.catgeoShare = share;

  // The export functions also live on window.catgeo, next to the app's own API.
  Object.assign(api, {
    exportPng,
    exportCsv: () => exportText('catgeo_export_csv'),
    exportHistoryJson: () => exportText('catgeo_export_history_json'),
    exportConfigJson: () => exportText('catgeo_export_config_json'),
    exportTableCsv: () => exportText('catgeo_export_table_csv'),
    download,
    copyLink,
    embedSnippet,
  });

  const openedHash = window.location.hash;  // the engine's link replaces it once the first run is built
  updateBar(openedHash);
  // The engine built the first run from the page's hash already (one run, no default first): show what that link
  // could not carry, then follow the engine's link and the user's hash edits.
  api.onSnapshot((completed, link) => syncHash(link));
  window.addEventListener('hashchange', onHashChange);
  api.ready.then(() => {
    lastLink = linkBody(window.location.hash);
    if (lastLink) showLoadNotices(api.loadResult(), linkBody(openedHash));
    syncHash(currentLink());
  }).catch(() => { bar.hidden = true; });  // a failed start is explained by the loader
})();
