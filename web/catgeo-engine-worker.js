// CatGeo engine worker: runs the engine (catgeo_engine.wasm) off the page's main thread. Commands arrive as
// ArrayBuffers; the engine works in slices of SLICE_MS (so a command waits at most one slice) and every snapshot it
// publishes goes back to the page as a transferred ArrayBuffer. No SharedArrayBuffer: no COOP/COEP headers needed.
'use strict';

const SLICE_MS = 12;
const inbox = [];
let engine = null;
let scheduled = false;

// Zero-delay rescheduling (setTimeout(0) is clamped to 4 ms after a few nested calls).
const wake = new MessageChannel();
wake.port1.onmessage = () => { scheduled = false; tick(); };
function schedule() {
  if (scheduled || !engine) return;
  scheduled = true;
  wake.port2.postMessage(0);
}

self.onmessage = (event) => {
  inbox.push(new Uint8Array(event.data));
  schedule();
};

function tick() {
  for (const bytes of inbox) {
    const ptr = engine._malloc(bytes.length);
    engine.HEAPU8.set(bytes, ptr);
    engine._catgeo_engine_command(ptr, bytes.length);
    engine._free(ptr);
  }
  inbox.length = 0;
  const busy = engine._catgeo_engine_tick(SLICE_MS);
  const size = engine._catgeo_engine_snapshot();
  if (size > 0) {
    const ptr = engine._catgeo_engine_snapshot_data();
    const copy = engine.HEAPU8.slice(ptr, ptr + size);  // the heap itself cannot be transferred
    self.postMessage(copy.buffer, [copy.buffer]);
  }
  if (busy) {
    schedule();
  } else {
    const wakeMs = engine._catgeo_engine_wake_ms();  // a paced run (link key speed) sleeps until its next batch
    if (wakeMs >= 0) setTimeout(schedule, Math.max(1, wakeMs));
  }
}

try {
  importScripts('catgeo_engine.js');
  createCatGeoEngine({
    catgeoMnistUrl: 'assets/mnist14.cgd',  // read by src/platform/asset_fetch.cpp; scripts/package hashes the name
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => self.postMessage({ error: `the engine stopped: ${what}` }),
  }).then((module) => {
    engine = module;
    schedule();
  }, (error) => self.postMessage({ error: `the engine could not start: ${error.message || error}` }));
} catch (error) {  // importScripts: the engine's script did not arrive (missing on the server, or the network)
  self.postMessage({ error: `the engine could not load: ${error.message || error}`, download: true });
}
