// CatGeo's service worker, written into the package as catgeo-sw.js by scripts/package.mjs: keeps one release offline.
// Install caches the release's files from catgeo-release.json (the MNIST asset waits for its first use); requests are
// answered cache-first; a new release (a new RELEASE below, so a changed script) takes over at once and deletes the old
// release's cache. Taking over at once (skipWaiting + clients.claim) is safe because every file that changes between
// releases has a content-hashed name: a page of the old release never gets a new file under an old name.
'use strict';

const RELEASE = '@RELEASE@';  // replaced by scripts/package.mjs
const SCOPE = self.registration.scope;
const PREFIX = `catgeo ${SCOPE} `;  // one origin may host several packages, one per folder
const CACHE = PREFIX + RELEASE;
const MANIFEST = new URL('catgeo-release.json', SCOPE).href;

let manifest = null;  // the release's {release, files: [{name, bytes, hashed, precache}]}

async function readManifest() {
  if (!manifest) {
    const cached = await (await caches.open(CACHE)).match(MANIFEST);
    if (cached) manifest = await cached.json();
  }
  return manifest;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const response = await fetch(MANIFEST, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`catgeo-release.json: HTTP ${response.status}`);
    const list = await response.clone().json();
    if (list.release !== RELEASE) throw new Error(`catgeo-release.json is release ${list.release}, not ${RELEASE}`);
    const cache = await caches.open(CACHE);
    // A hashed name never changes its content, so the browser's HTTP cache may serve it; the others are revalidated.
    await cache.addAll(list.files.filter((file) => file.precache).map((file) =>
      new Request(new URL(file.name, SCOPE).href, { cache: file.hashed ? 'default' : 'no-cache' })));
    await cache.put(MANIFEST, response);
    manifest = list;
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The cache key of a request: the file's URL without query or fragment; a folder's address is its index.html.
function cacheKey(request) {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  return url.href;
}

async function respond(request) {
  const key = cacheKey(request);
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  const list = await readManifest();
  const name = key.slice(SCOPE.length);
  if (response.ok && list && list.files.some((file) => file.name === name)) {
    await cache.put(key, response.clone());  // a file of the release cached on its first use (the MNIST asset)
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE) || request.headers.has('range')) return;
  event.respondWith(respond(request));
});

// The page asks which release this worker holds (web/catgeo-offline.js shows it in the About panel).
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'catgeo-release' && event.ports[0]) {
    event.ports[0].postMessage({ release: RELEASE });
  }
});
