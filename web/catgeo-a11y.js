// CatGeo for keyboard and screen-reader users: the canvas's description in words and a table of its numbers (kept
// current from the engine's snapshots, at most every few seconds), and Escape from the page's own buttons back to
// the lab. Tab leaving the canvas is the platform's (src/platform/keyboard_focus.h). Needs catgeo-api.js.
(function () {
  'use strict';

  const api = window.catgeo;
  const canvas = document.getElementById('canvas');
  const summary = document.getElementById('catgeo-figure-summary');
  const table = document.getElementById('catgeo-figure-table');
  if (!api || !canvas || !summary || !table) return;

  const REFRESH_MS = 3000;  // the words follow training at most this often; a new state or run at once

  // ---- Escape on the page's own controls (not in a dialog, which Escape closes) brings the focus back to the lab ----
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.target === canvas) return;
    if (event.target.closest && event.target.closest('[role="dialog"], textarea, input, select')) return;
    canvas.focus();
  });

  // ---- numbers as words ----------------------------------------------------------------------------------------------
  const finite = (value) => typeof value === 'number' && Number.isFinite(value);
  const fixed = (digits) => (value) => value.toFixed(digits);
  const percent = (value) => `${(100 * value).toFixed(1)}%`;
  const significant = (value) => Number(value.toPrecision(3)).toString();
  const degrees = (value) => `${value.toFixed(1)}°`;

  // The metrics() keys the table shows: [key, label, format, dims (0: both)].
  const ROWS = [
    ['epoch', 'Epoch', fixed(0), 0],
    ['test_accuracy', 'Test accuracy', percent, 0],
    ['test_loss', 'Test loss (nats per sample)', significant, 0],
    ['train_loss', 'Training loss (nats per sample)', significant, 0],
    ['angle_deg_weighted', 'Angle between the most sensitive directions of F_code and F_cat, weighted by p(x)',
      degrees, 2],
    ['angle_deg_top20', 'The same angle where F_cat is in its top 20%', degrees, 2],
    ['peak_boundary_distance', 'Distance from the F_code peak to the nearest class boundary', significant, 1],
    ['fcode_fcat_peak_distance', 'Distance from the F_code peak to the nearest F_cat peak', significant, 1],
    ['loglog_r', 'Correlation of log F_code with log F_cat', significant, 0],
    ['spearman_r', 'Rank correlation of F_code with F_cat', significant, 0],
    ['contrast', 'Contrast of F_code (boundary region over elsewhere)', significant, 0],
    ['info_r_lower_bound', 'Lower bound on I(μ; r), nats', significant, 0],
  ];

  const STATE_WORDS = { training: 'running', paused: 'paused', finished: 'finished', diverged: 'stopped (it diverged)' };
  const cell = (values, key, format) => (finite(values[key]) ? format(values[key]) : 'not measured');

  // What the canvas shows, from the configuration (asked once per run: it can be large).
  function describeFigure(config, reference) {
    const fcat = reference === 'exact' ? 'F_cat (exact, from the data\'s mixture)' : 'F_cat (estimated from the points)';
    const space = config.data === 'mnist'
      ? `the network's learned 2-D code of MNIST digits ${config.mnist.digits.join(', ')}`
      : 'the input plane x';
    if (config.grid.dims === 1) {
      return `Three panels over x: the probability of each class (thick: true, thin: the network's); ${fcat} in ` +
        'orange and F_code, the network\'s sensitivity, in cyan, each divided by its maximum; and a histogram of ' +
        'the training data.';
    }
    const maps = config.view.mode === 'overlay'
      ? `One map of ${space} with ${fcat} and F_code drawn over each other.`
      : `Two maps of ${space}: on the left ${fcat}, how fast category membership changes, bright near the class ` +
        'boundaries; on the right F_code, how fast the network\'s noisy layer r changes (its sensitivity).';
    return `${maps} Colour: each field's ${config.view.measure === 'lmax' ? 'largest eigenvalue' : 'trace'} over ` +
      'its maximum; ellipses point along the most sensitive direction; white line: the true class boundary, ' +
      'pink: the network\'s; dots: training data, one colour per class.';
  }

  // The run and its key numbers against their values before training.
  function describeRun(config, m) {
    const target = config.training.epochs;
    const state = STATE_WORDS[m.state] || m.state;
    const run = `Scenario ${config.id} (${config.title}). Training is ${state} at epoch ${m.epoch} of ${target}.`;
    const sentences = [run];
    const against = (key, label, format) => {
      if (!finite(m[key])) return;
      const before = m.before && finite(m.before[key]) ? ` (${format(m.before[key])} before training)` : '';
      sentences.push(`${label} ${format(m[key])}${before}.`);
    };
    against('test_accuracy', 'Test accuracy', percent);
    if (config.grid.dims === 2) against('angle_deg_weighted', 'Angle between the most sensitive directions', degrees);
    else against('peak_boundary_distance', 'F_code peak to the boundary', significant);
    against('loglog_r', 'Log-log correlation of F_code with F_cat', significant);
    return sentences.join(' ');
  }

  function buildTable(config, m) {
    const dims = config.grid.dims;
    const caption = document.createElement('caption');
    caption.textContent = `${config.id} metrics at epoch ${m.epoch}, before training and now`;
    const head = document.createElement('tr');
    for (const text of ['Metric', 'Before training', 'Now']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      head.appendChild(th);
    }
    const rows = [head];
    for (const [key, label, format, rowDims] of ROWS) {
      if (rowDims && rowDims !== dims) continue;
      const tr = document.createElement('tr');
      tr.dataset.key = key;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      const before = document.createElement('td');
      before.textContent = cell(m.before || {}, key, format);
      const now = document.createElement('td');
      now.textContent = cell(m, key, format);
      tr.append(th, before, now);
      rows.push(tr);
    }
    table.replaceChildren(caption, ...rows);
    table.dataset.epoch = String(m.epoch);
  }

  // ---- kept current ----------------------------------------------------------------------------------------------------
  let config = null;       // of the link described
  let describedKey = '';   // state and link last described
  let lastRun = 0;         // performance.now() of the last description
  let timer = 0;
  let currentLink = '';

  function describe() {
    timer = 0;
    lastRun = performance.now();
    const m = api.metrics();
    if (!config || config.link !== currentLink) config = api.config();
    describedKey = `${m.state}|${currentLink}`;
    if (m.state === 'no_run' || !finite(m.epoch)) {
      summary.textContent = `No run: ${(m.message || 'the settings could not be built').replace(/\.+$/, '')}.`;
      table.replaceChildren();
      delete table.dataset.epoch;
      return;
    }
    const text = `${describeFigure(config, m.reference)} ${describeRun(config, m)}`;
    if (summary.textContent !== text) summary.textContent = text;
    if (table.dataset.epoch !== String(m.epoch) || table.dataset.link !== currentLink) {
      buildTable(config, m);
      table.dataset.link = currentLink;
    }
  }

  function onSnapshot(completed, link) {
    currentLink = link;
    const changed = `${api.state()}|${link}` !== describedKey;
    if (timer && !changed) return;
    clearTimeout(timer);
    timer = setTimeout(describe, changed ? 0 : Math.max(0, lastRun + REFRESH_MS - performance.now()));
  }

  api.ready.then(() => {
    config = api.config();  // read once: describe() reuses it while the link is the same
    currentLink = config.link;
    describe();
    api.onSnapshot(onSnapshot);
  }, () => { summary.textContent = 'CatGeo could not start.'; });
})();
