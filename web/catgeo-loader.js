// CatGeo page boot: checks WebAssembly and WebGL2, downloads catgeo.wasm with a progress bar, starts the module,
// and turns every failure into a readable message instead of a blank canvas. Defines window.catgeo.
(function () {
  'use strict';

  const body = document.body;
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('catgeo-loading');
  const barFill = document.getElementById('catgeo-bar-fill');
  const loadingText = document.getElementById('catgeo-loading-text');
  const message = document.getElementById('catgeo-message');

  // Page lifecycle: 'loading' -> 'running' | 'failed'. Kept here (other scripts extend window.catgeo) and
  // published as catgeo.phase and <body data-catgeo-state>.
  let phase = 'loading';
  let resolveReady, rejectReady;
  const api = (window.catgeo = {
    phase,
    module: null,  // the Emscripten module (ccall, cwrap, _catgeo_* exports)
    ready: new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; }),
  });
  api.firstFrame = api.ready;  // the first frame is drawn (catgeo-api.js makes ready wait for the first run too)
  api.ready.catch(() => {});  // a failure is shown on the page; callers may still await ready

  function setPhase(next) {
    phase = next;
    api.phase = next;
    body.dataset.catgeoState = next;
  }

  // Shows what happened and what to do (`text`, for the reader) with the browser's own words folded under "Details".
  function fail(title, text, details = '') {
    if (phase === 'failed') return;
    setPhase('failed');
    document.getElementById('catgeo-message-title').textContent = title;
    document.getElementById('catgeo-message-text').textContent = text;
    const more = document.getElementById('catgeo-message-details');
    more.hidden = !details;
    more.querySelector('code').textContent = details;
    message.hidden = false;
    rejectReady(new Error(`${title}: ${text}${details ? ` (${details})` : ''}`));
  }

  // What a reader can do about a failed download or start, by its cause.
  const SERVE_FOLDER = 'Browsers do not run CatGeo from a file on disk. Serve its folder with a web server (for ' +
    'example "python3 -m http.server" run in the folder, or scripts/serve in a CatGeo checkout) and open the address it ' +
    'prints.';
  const SERVER_INCOMPLETE = 'A part of CatGeo did not arrive intact from this page\'s server: the connection ' +
    'dropped, or the site\'s copy of CatGeo is incomplete or damaged. Reload the page to try again; if it happens ' +
    'again, tell whoever hosts it. Your link is kept.';
  const INTERNAL = 'Something went wrong inside CatGeo. Reload the page to start again: the link in the address bar ' +
    'keeps your settings.';

  function showProgress(loaded, total) {
    const mb = (bytes) => (bytes / 1048576).toFixed(1);
    const percent = total > 0 ? Math.min(100, Math.round((100 * loaded) / total)) : 0;
    barFill.style.width = `${percent}%`;
    loading.setAttribute('aria-valuenow', String(percent));
    loadingText.textContent = total > 0 ? `Loading… ${mb(loaded)} / ${mb(total)} MB` : `Loading… ${mb(loaded)} MB`;
  }

  function webgl2Available() {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return false;
      const lose = gl.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext();
      return true;
    } catch (error) {
      return false;
    }
  }

  // Downloads the wasm bytes, reporting progress (Content-Length may be absent or compressed: the bar then clamps).
  async function fetchWasm(url) {
    const response = await fetch(url);
    if (!response.ok) throw new DownloadError(`${url}: HTTP ${response.status} ${response.statusText}`.trim());
    const total = Number(response.headers.get('Content-Length')) || 0;
    const reader = response.body.getReader();
    const chunks = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      showProgress(loaded, total);
    }
    const bytes = new Uint8Array(loaded);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    loadingText.textContent = 'Starting…';
    return bytes;
  }

  // A file that did not arrive (missing on the server, or the network): the reader is told to reload, not that the
  // page is broken.
  class DownloadError extends Error { get name() { return 'DownloadError'; } }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new DownloadError(`could not load ${src}`));
      document.head.appendChild(script);
    });
  }

  // Fails with the message its cause calls for: a download that did not arrive, or a fault inside CatGeo.
  function failStart(error) {
    const detail = String(error);  // with the error's kind: "CompileError: ...", "DownloadError: ..."
    const damaged = typeof WebAssembly === 'object' && error instanceof WebAssembly.CompileError;  // not a .wasm
    if (error instanceof DownloadError || damaged || /fetch|network|load failed/i.test(detail)) {
      fail('CatGeo could not be downloaded', SERVER_INCOMPLETE, detail);
    } else {
      fail('CatGeo could not start', INTERNAL, detail);
    }
  }

  async function start() {
    if (window.location.protocol === 'file:') {
      fail('CatGeo needs to be served', SERVE_FOLDER, `opened from ${window.location.href}`);
      return;
    }
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      fail('WebAssembly is not available',
        'This browser cannot run WebAssembly. Please use a current Firefox, Chrome, Edge or Safari.');
      return;
    }
    if (!webgl2Available()) {
      fail('WebGL2 is not available',
        'CatGeo draws with WebGL2, which this browser or device does not provide right now ' +
        '(it may be switched off, or the graphics driver may be blocked). Please try another browser or device.');
      return;
    }
    // The engine starts in its own worker at once (its download and compile overlap the view's); commands sent before
    // it is ready wait in the worker.
    const engine = startEngine();
    const wasmBytes = fetchWasm('catgeo.wasm');
    wasmBytes.catch(() => {});  // reported by instantiateWasm below
    await loadScript('catgeo.js');
    // With MODULARIZE the config object becomes the module: keep it as window.catgeo.module.
    const config = {
      canvas,
      catgeoEngine: engine,
      instantiateWasm(imports, receiveInstance) {
        wasmBytes
          .then((bytes) => WebAssembly.instantiate(bytes, imports))
          .then((result) => receiveInstance(result.instance, result.module))
          .catch(failStart);
        return {};
      },
      onCatgeoStatus(state, detail) {
        if (state === 'running' && phase === 'loading') {
          setPhase('running');
          resolveReady(api);
        } else if (state === 'failed') {
          fail('CatGeo could not start', INTERNAL, detail);
        }
      },
      onCatgeoSnapshot(...args) { if (api.snapshotHook) api.snapshotHook(...args); },
      onAbort(what) { fail('CatGeo stopped', INTERNAL, String(what)); },
      print(text) { console.log(text); },
      printErr(text) { console.warn(text); },
    };
    api.module = config;
    await createCatGeoModule(config);
  }

  // The engine's worker: post(bytes) sends a command, snapshots queue up in `snapshots` until the view takes them.
  function startEngine() {
    const worker = new Worker('catgeo-engine-worker.js');
    const engine = {
      worker,
      snapshots: [],
      post(bytes) { worker.postMessage(bytes.buffer, [bytes.buffer]); },
    };
    worker.onmessage = (event) => {
      if (event.data instanceof ArrayBuffer) {
        engine.snapshots.push(event.data);
        // Applied at once (not at the next frame), so that commands' Promises resolve as soon as they took effect.
        if (phase === 'running') api.module._catgeo_take_snapshots();
      } else if (event.data && event.data.error) {
        const { error, download } = event.data;
        if (download) fail('CatGeo could not be downloaded', SERVER_INCOMPLETE, error);
        else fail('CatGeo stopped', INTERNAL, error);
      }
    };
    // The worker's script itself did not load (browsers give no reason for a missing one) or threw at its top level.
    worker.onerror = (event) => {
      event.preventDefault();
      if (event.message) fail('CatGeo stopped', INTERNAL, `the engine failed: ${event.message}`);
      else fail('CatGeo could not be downloaded', SERVER_INCOMPLETE, 'catgeo-engine-worker.js did not load');
    };
    return engine;
  }

  window.addEventListener('error', (event) => {
    // Before the first frame any error is fatal; afterwards only a trap inside the WebAssembly module.
    const trap = typeof WebAssembly === 'object' && event.error instanceof WebAssembly.RuntimeError;
    if (phase === 'loading' || trap) {
      fail('CatGeo stopped', INTERNAL, String(event.message || event.error));
    }
  });
  canvas.addEventListener('pointerdown', () => canvas.focus());
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());

  start().catch(failStart);
})();
