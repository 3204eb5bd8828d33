// CatGeo JavaScript API: adds read/drive methods to window.catgeo (created by catgeo-loader.js) on top of the
// C exports in src/platform/js_api.cpp. Documented in docs/javascript-api.md. Readers are synchronous and return
// what the canvas shows now; commands return Promises that resolve once the engine (a Web Worker) has carried them
// out and the view holds the result.
(function () {
  'use strict';

  const api = window.catgeo;
  if (!api) return;

  // Calls a C export. Text ('string') and byte ('array') arguments are copied to the WebAssembly heap and passed as
  // pointers: ccall would copy them onto the module's 5 MiB stack, where a large one overwrites memory.
  const encoder = new TextEncoder();
  function call(name, returnType, argTypes, args) {
    const module = api.module;
    if (!module || api.phase !== 'running') throw new Error('catgeo is not running yet: await catgeo.ready');
    const owned = [];
    try {
      const passed = args.map((arg, i) => {
        if (argTypes[i] !== 'string' && argTypes[i] !== 'array') return arg;
        const bytes = argTypes[i] === 'string' ? encoder.encode(`${arg}\0`) : arg;
        const pointer = module._malloc(Math.max(1, bytes.length));
        if (!pointer) throw new Error(`catgeo: no memory for ${bytes.length} bytes`);
        owned.push(pointer);
        module.HEAPU8.set(bytes, pointer);
        return pointer;
      });
      const types = argTypes.map((type) => (type === 'string' || type === 'array' ? 'number' : type));
      return module.ccall(name, returnType, types, passed);
    } finally {
      for (const pointer of owned) module._free(pointer);
    }
  }
  const json = (name, argTypes = [], args = []) => JSON.parse(call(name, 'string', argTypes, args));

  // ---- command completion: the view reports after each snapshot which command ids have taken effect ----
  let completed = 0;
  const waiters = [];  // {id, resolve}
  const snapshotListeners = [];
  function onSnapshot(done, link, loadCommand) {
    completed = done;
    for (let i = waiters.length - 1; i >= 0; --i) {
      if (waiters[i].id <= done) waiters.splice(i, 1)[0].resolve();
    }
    for (const listener of [...snapshotListeners]) listener(done, link, loadCommand);  // a listener may leave
  }
  // Resolves once command `id` has taken effect (0: at once).
  function whenDone(id) {
    if (id <= completed) return Promise.resolve();
    return new Promise((resolve) => waiters.push({ id, resolve }));
  }
  const command = (name, argTypes, args) => whenDone(call(name, 'number', argTypes, args));
  // Resolves to drawnDigit() once the view holds the engine's reading of drawing `id` (or of a later one).
  function whenDrawn(id) {
    return new Promise((resolve) => {
      const check = () => {
        const drawn = api.drawnDigit();
        if (drawn.command >= id) resolve(drawn);
        return drawn.command >= id;
      };
      if (check()) return;
      const listener = () => {
        if (check()) snapshotListeners.splice(snapshotListeners.indexOf(listener), 1);
      };
      snapshotListeners.push(listener);
    });
  }

  // The share-link grammar's keys with their ranges and choices, from the C++ parameter table (src/core/link/share_link.h,
  // parameters.h): load() and set() accept exactly these.
  let linkKeys = null;
  const keyList = () => (linkKeys ??= json('catgeo_link_keys'));
  const isLinkKey = (key) => keyList().some((entry) => entry.key === key);
  const keyNames = () => keyList().map((entry) => entry.key).join(', ');
  const linkValue = (raw) => (typeof raw === 'boolean' ? (raw ? '1' : '0') : String(raw));

  function toLink(config) {
    if (typeof config === 'string') return config;
    const parts = [];
    if (!('scenario' in config) && !('tour' in config)) parts.push('scenario=E1');
    for (const [key, raw] of Object.entries(config)) {
      if (!isLinkKey(key)) throw new Error(`catgeo.load: unknown key '${key}' (known: ${keyNames()})`);
      parts.push(`${key}=${encodeURIComponent(linkValue(raw))}`);
    }
    return parts.join('&');
  }

  const metrics = (options = {}) => json('catgeo_metrics', ['number'], [options.history ? 1 : 0]);

  // ---- inputs over the documented limits: refused with a notice on the page, the run goes on ----
  let limits = null;  // {link_bytes, table_bytes, points} (src/platform/js_api.cpp, from the parameter table)
  const inputLimits = () => (limits ??= json('catgeo_input_limits'));
  const megabytes = (bytes) => `${(bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 1)} MB`;
  // The refusal as a load result ({ok: false, refused: true, error}) after showing it in catgeo-share.js's banner.
  function refuse(title, error) {
    if (window.catgeoShare) window.catgeoShare.showNotices(title, [error]);
    return { ok: false, pending: false, refused: true, error, notices: [], link: json('catgeo_load_result').link };
  }
  // A number argument that is not a finite number (NaN, Infinity, a string that is not a number) is refused with a
  // notice: the promise rejects with it, and nothing crosses to the module.
  function notFinite(call, values) {
    const bad = Object.entries(values).find(([, value]) => !Number.isFinite(Number(value)));
    if (!bad) return null;
    const { error } = refuse('Not a number:', `${call}: ${bad[0]} must be a finite number; it was ` +
      `${String(bad[1]).slice(0, 40)}. Nothing was changed: the current run goes on.`);
    return Promise.reject(new Error(`catgeo.${call}: ${error}`));
  }
  // Resolves to refuse(...) when `bytes` exceeds `limit`, else to null.
  function oversized(what, bytes, limit, title) {
    if (bytes <= limit) return null;
    return refuse(title, `${what} is ${megabytes(bytes)}; CatGeo takes at most ${megabytes(limit)}. ` +
      'Nothing was changed: the current run goes on.');
  }

  Object.assign(api, {
    // Loads a configuration: an object such as {scenario: 'E5', sigma: 1, lr: 0.003} or a share-link string.
    // Training restarts (paused unless autoplay=1). Resolves to {ok, pending, error, notices, link} once the new
    // run is built and its fields are drawn.
    load(config) {
      const bytes = encoder.encode(toLink(config));  // with its length: a NUL byte must not end the link
      const refused = oversized('The link', bytes.length, inputLimits().link_bytes, 'This link is too long:');
      if (refused) return Promise.resolve(refused);
      return command('catgeo_load', ['array', 'number'], [bytes, bytes.length]).then(() => json('catgeo_load_result'));
    },
    // Loads a table of labelled points (CSV or TSV text: x, label or x, y, label; core/data/point_table.h). A good table
    // becomes the run (drawn points, scaled into the view) and resolves like load() with ok true; a bad one resolves
    // with ok false and error naming the place ('line 3, column 2: ...') while the previous run goes on.
    loadTable(text) {
      const bytes = encoder.encode(String(text));
      const refused = oversized('The table', bytes.length, inputLimits().table_bytes, 'This table is too large:');
      if (refused) return Promise.resolve(refused);
      return command('catgeo_load_table', ['array', 'number'], [bytes, bytes.length]).then(() => json('catgeo_load_result'));
    },
    // Changes one share-link key of the current configuration (training restarts). Resolves like load().
    set(key, value) {
      if (!isLinkKey(key)) return Promise.reject(new Error(`catgeo.set: unknown key '${key}' (known: ${keyNames()})`));
      const text = encodeURIComponent(linkValue(value));
      const refused = oversized(`The value of ${key}`, text.length, inputLimits().link_bytes,
        'This value is too long:');
      if (refused) return Promise.resolve(refused);
      return command('catgeo_set', ['string', 'string'], [key, text])
        .then(() => json('catgeo_load_result'));
    },
    setLearningRate(lr) { return api.set('lr', lr); },
    setSigma(sigma) { return api.set('sigma', sigma); },
    // The latest epoch's metrics plus scenario, epochs, state, message, before (the snapshot before training);
    // with {history: true} also every snapshot.
    metrics,
    config() { return json('catgeo_config'); },
    // The share link's keys: [{key, label, help, kind, min, max, choices}] (see catgeo_link_keys in js_api.cpp).
    linkKeys() { return keyList().map((entry) => ({ ...entry })); },
    // This CatGeo's link version: the links it writes end in v= this number (src/core/link/share_link.h).
    linkVersion() { return call('catgeo_link_version', 'number', [], []); },
    fields() { return json('catgeo_fields'); },
    perf() { return json('catgeo_perf'); },
    viewRect() { return json('catgeo_view_rect'); },
    // The last frame's layout report: {widgets, labels, windows, problems: [{kind, window, text, other?, by}]}.
    layoutReport() { return json('catgeo_layout_report'); },
    // The 1-D cut dragged on the 2-D view: {active, valid, segment [x0, y0, x1, y1], length} and, once computed,
    // distance (from A, per sample), fcat and fcode (each / its max on the cut), reference_crossings and
    // network_crossings (distances from A where the cut crosses the decision boundaries).
    cut() { return json('catgeo_cut'); },
    // The information-loss maps (link key lossmap=1; mixtures): {shown, before, latest, points_done, points_total},
    // each map {epoch (-1: not yet), average, average_se (nats, Monte-Carlo: ~ I(mu; x) - I(mu; r)), near_boundary,
    // elsewhere (p(x)-weighted loss per point where tr F_cat >= 25% of its max, and elsewhere), share_near_boundary,
    // high_snr_near_boundary (1/2 Tr(F_code^-1 F_cat) there: an approximation), points, max}.
    lossMaps() { return json('catgeo_loss_maps'); },
    // The width study (link key widths=1; mixtures with Gaussian noise; started when shown, setOption('width_study',
    // 0) cancels it, 1 runs it again): {shown, state (idle | running | done | cancelled | unavailable), message,
    // runs_total, progress, rows: [{link, state, width, sigma, snr (N / sigma^2), info_x, info_r, info_r_se,
    // info_r_highsnr, relative_gap}]}.
    widthStudy() { return json('catgeo_width_study'); },
    // MNIST: the path between two test digits ("Path between two test digits" in the read-outs, link key path; or
    // setOption('path', 0|1), 'path_from' / 'path_to' (digits), 'path_pair'): {shown, valid, error, from, to, test_a,
    // test_b} and per step codes, predicted, p_from, and cosine_distance between neighbouring steps.
    digitPath() { return json('catgeo_digit_path'); },
    // MNIST: puts a drawing on the digit pad ("Draw a digit" in the read-outs) and sends it, as drawing there does:
    // 784 numbers in [0, 1] (28 x 28, row-major, ink 1; [] clears the pad). Resolves to drawnDigit() once the engine
    // has read it (with the network the maps show: while training, at the next field refresh).
    drawDigit(pixels) {
      const values = Float32Array.from(pixels ?? []);
      if (values.length !== 0 && values.length !== 784) {
        return Promise.reject(new Error(`catgeo.drawDigit: 784 values (28 x 28) or none, not ${values.length}`));
      }
      const bytes = new Uint8Array(values.buffer);
      return whenDrawn(call('catgeo_draw_digit', 'number', ['array', 'number'], [bytes, values.length]));
    },
    // The network's reading of the pad's drawing: {command, active, valid, error, inked} and, once valid, predicted
    // (the digit, 0-9), digits (the run's, in class order), posterior (the network's, in that order), code [x, y] (its
    // point in the learned projection), fcode [[a, b], [b, c]] (J^T J / sigma^2 there), image (what the network read,
    // side * side in [0, 1]), nearest [{index, digit, distance}] (training digits by code).
    drawnDigit() { return json('catgeo_drawn_digit'); },
    // The guided-tour step the page shows (link key tour=N): step, count, title, caption, look_at, claim.
    tour() { return json('catgeo_tour'); },
    // Opens tour step `step` (1..count), keeping the page chrome (embed, lecture, controls) and a chosen speed;
    // resolves like load(). The arrow keys, PageDown / PageUp and Home / End do the same (catgeo-figure.js).
    tourStep(step) {
      return command('catgeo_tour_step', ['number'], [step]).then(() => json('catgeo_load_result'));
    },
    loadResult() { return json('catgeo_load_result'); },
    // Runs the engine has built since the page opened (a shared link builds exactly one).
    runsCreated() { return json('catgeo_config').runs_created; },
    // 'training' | 'paused' | 'finished' | 'diverged' | 'no_run' (catgeo.phase is the page's lifecycle).
    state() { return call('catgeo_state', 'string', [], []); },
    trainingState() { return call('catgeo_state', 'string', [], []); },
    message() { return call('catgeo_message', 'string', [], []); },
    statusLine() { return call('catgeo_status_line', 'string', [], []); },
    play() { return command('catgeo_command', ['string'], ['play']); },
    pause() { return command('catgeo_command', ['string'], ['pause']); },
    reset() { return command('catgeo_command', ['string'], ['reset']); },
    // Trains `epochs` more epochs (paused before and after); resolves to the metrics once the fields show them.
    step(epochs = 1) { return api.trainEpochs(epochs, 60); },
    trainEpochs(epochs, maxSeconds = 600) {
      const refused = notFinite('trainEpochs', { epochs, maxSeconds });
      if (refused) return refused;
      return command('catgeo_train_epochs', ['number', 'number'], [epochs, maxSeconds]).then(() => metrics());
    },
    // Trains for about `ms` milliseconds of wall time in the engine (it may stop inside an epoch), then refreshes
    // the fields once; resolves to the metrics.
    trainFor(ms) {
      const refused = notFinite('trainFor', { ms });
      if (refused) return refused;
      return command('catgeo_train_for', ['number'], [Math.max(1, ms) / 1000]).then(() => metrics());
    },
    // Adds points [{x, y, label}] (label: 0-based class) to drawn data; switches to drawn data if needed.
    // Resolves to the configuration; more points than a link carries are refused with a notice (rejects).
    addPoints(points) {
      const limit = inputLimits().points;
      if (points.length > limit) {
        const { error } = refuse('Too many points:', `${points.length.toLocaleString('en')} points were given; ` +
          `CatGeo takes at most ${limit.toLocaleString('en')}. Nothing was changed: the current run goes on.`);
        return Promise.reject(new Error(`catgeo.addPoints: ${error}`));
      }
      const bad = points.find((p) => !Number.isFinite(Number(p.x)) || !Number.isFinite(Number(p.y)));
      if (bad) return notFinite('addPoints', { "a point's x": bad.x, "a point's y": bad.y });
      const text = points.map((p) => `${Number(p.x)},${Number(p.y)},${p.label | 0}`).join(';');
      return command('catgeo_add_points', ['string'], [text]).then(() => api.config());
    },
    // Display options outside the share link: grid (points per axis), refresh_ms (engine), tool, draw_class, sheet_tab,
    // path, path_from, path_to, path_pair (view).
    setOption(name, value) {
      return notFinite('setOption', { [`the value of ${String(name).slice(0, 40)}`]: value }) ??
        command('catgeo_set_option', ['string', 'number'], [name, Number(value)]);
    },
    // Resolves once every command sent so far has taken effect.
    settled() { return whenDone(call('catgeo_last_sent', 'number', [], [])); },
    // Calls listener(completed, shareLink, loadCommand) after each batch of snapshots (used by catgeo-share.js).
    onSnapshot(listener) { snapshotListeners.push(listener); },
  });

  api.snapshotHook = onSnapshot;  // called by the module (catgeo-loader.js forwards Module.onCatgeoSnapshot)

  // Ready means: the first frame is drawn and the first run (the link's, or the default) is built and shown.
  api.ready = api.ready.then(() => api.settled()).then(() => {
    api.firstFrameMs = performance.now();  // time from navigation start to the first complete picture (ms)
    return api;
  });
  api.ready.catch(() => {});
})();
