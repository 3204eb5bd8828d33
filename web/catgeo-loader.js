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

  function fail(title, detail) {
    if (phase === 'failed') return;
    setPhase('failed');
    document.getElementById('catgeo-message-title').textContent = title;
    document.getElementById('catgeo-message-text').textContent = detail;
    message.hidden = false;
    rejectReady(new Error(`${title}: ${detail}`));
  }

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
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
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

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.appendChild(script);
    });
  }

  async function start() {
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
          .catch((error) => fail('CatGeo could not start', String(error.message || error)));
        return {};
      },
      onCatgeoStatus(state, detail) {
        if (state === 'running' && phase === 'loading') {
          setPhase('running');
          resolveReady(api);
        } else if (state === 'failed') {
          fail('CatGeo could not start', detail);
        }
      },
      onCatgeoSnapshot(...args) { if (api.snapshotHook) api.snapshotHook(...args); },
      onAbort(what) { fail('CatGeo stopped', String(what)); },
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
        fail('CatGeo stopped', event.data.error);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail('CatGeo stopped', `the engine failed: ${event.message || 'unknown error'}`);
    };
    return engine;
  }

  window.addEventListener('error', (event) => {
    // Before the first frame any error is fatal; afterwards only a trap inside the WebAssembly module.
    const trap = typeof WebAssembly === 'object' && event.error instanceof WebAssembly.RuntimeError;
    if (phase === 'loading' || trap) {
      fail('CatGeo stopped', String(event.message || event.error));
    }
  });
  canvas.addEventListener('pointerdown', () => canvas.focus());
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());

  start().catch((error) => fail('CatGeo could not start', String(error.message || error)));
})();
