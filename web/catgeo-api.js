// CatGeo JavaScript API: adds read/drive methods to window.catgeo (created by catgeo-loader.js) on top of the
// C exports in src/platform/js_api.cpp. Documented in docs/javascript-api.md. Every method is synchronous and
// may be called once `await catgeo.ready` resolved.
(function () {
  'use strict';

  const api = window.catgeo;
  if (!api) return;

  function call(name, returnType, argTypes, args) {
    if (!api.module || api.phase !== 'running') throw new Error('catgeo is not running yet: await catgeo.ready');
    return api.module.ccall(name, returnType, argTypes, args);
  }
  const json = (name, argTypes = [], args = []) => JSON.parse(call(name, 'string', argTypes, args));

  // Share-link keys accepted by load() / set() (see src/core/share_link.h for the grammar).
  const LINK_KEYS = ['scenario', 'mix', 'pts', 'digits', 'n', 'dseed', 'sigma', 'layers', 'rep', 'proj', 'opt', 'lr',
    'batch', 'epochs', 'seed', 'view', 'measure', 'log', 'glyphs', 'data', 'boundary',
    'embed', 'panels', 'controls', 'autoplay', 'lecture'];

  function toLink(config) {
    if (typeof config === 'string') return config;
    const parts = [];
    const scenario = config.scenario ?? 'E1';
    parts.push(`scenario=${encodeURIComponent(scenario)}`);
    for (const [key, raw] of Object.entries(config)) {
      if (key === 'scenario') continue;
      if (!LINK_KEYS.includes(key)) throw new Error(`catgeo.load: unknown key '${key}' (known: ${LINK_KEYS.join(', ')})`);
      const value = typeof raw === 'boolean' ? (raw ? '1' : '0') : String(raw);
      parts.push(`${key}=${encodeURIComponent(value)}`);
    }
    return parts.join('&');
  }

  Object.assign(api, {
    // Loads a configuration: an object such as {scenario: 'E5', sigma: 1, lr: 0.003} or a share-link string.
    // Training restarts (paused). Returns {ok, error, notices, link}.
    load(config) { return json('catgeo_load', ['string'], [toLink(config)]); },
    // Changes one share-link key of the current configuration (training restarts). Returns like load().
    set(key, value) {
      if (!LINK_KEYS.includes(key)) throw new Error(`catgeo.set: unknown key '${key}'`);
      const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
      return json('catgeo_set', ['string', 'string'], [key, encodeURIComponent(text)]);
    },
    setLearningRate(lr) { return api.set('lr', lr); },
    setSigma(sigma) { return api.set('sigma', sigma); },
    // The latest epoch's metrics plus scenario, epochs, state, message, before (the snapshot before training);
    // with {history: true} also every snapshot.
    metrics(options = {}) { return json('catgeo_metrics', ['number'], [options.history ? 1 : 0]); },
    config() { return json('catgeo_config'); },
    fields() { return json('catgeo_fields'); },
    perf() { return json('catgeo_perf'); },
    viewRect() { return json('catgeo_view_rect'); },
    // 'training' | 'paused' | 'finished' | 'diverged' | 'no_run' (catgeo.phase is the page's lifecycle).
    state() { return call('catgeo_state', 'string', [], []); },
    trainingState() { return call('catgeo_state', 'string', [], []); },
    message() { return call('catgeo_message', 'string', [], []); },
    statusLine() { return call('catgeo_status_line', 'string', [], []); },
    play() { call('catgeo_command', null, ['string', 'number'], ['play', 0]); },
    pause() { call('catgeo_command', null, ['string', 'number'], ['pause', 0]); },
    reset() { call('catgeo_command', null, ['string', 'number'], ['reset', 0]); },
    step(epochs = 1) { call('catgeo_command', null, ['string', 'number'], ['step', epochs]); },
    // Trains inside the call (the page freezes meanwhile) and returns the metrics when done.
    trainEpochs(epochs, maxSeconds = 600) {
      return JSON.parse(call('catgeo_train_epochs', 'string', ['number', 'number'], [epochs, maxSeconds]));
    },
    // Trains inside the call for about `ms` milliseconds of wall time (it may stop inside an epoch, and overrun by
    // up to one 50 ms training slice), then refreshes the fields once.
    trainFor(ms) {
      return JSON.parse(call('catgeo_train_epochs', 'string', ['number', 'number'], [1e9, Math.max(0.001, ms / 1000)]));
    },
    // Adds points [{x, y, label}] (label: 0-based class) to drawn data; switches to drawn data if needed.
    addPoints(points) {
      const text = points.map((p) => `${Number(p.x)},${Number(p.y)},${p.label | 0}`).join(';');
      return json('catgeo_add_points', ['string'], [text]);
    },
    // Display options outside the share link: grid (64 or 128 points per axis), speed, refresh_ms, budget_ms.
    setOption(name, value) { call('catgeo_set_option', null, ['string', 'number'], [name, Number(value)]); },
  });

  // Time from navigation start to the first drawn frame (ms), for benchmarks.
  api.ready.then(() => { api.firstFrameMs = performance.now(); }).catch(() => {});
})();
