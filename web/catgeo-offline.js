// Offline use: in the package (scripts/package marks this script's tag with data-sw) registers the service worker,
// words its state for the About panel (catgeo_set_offline_status) and lets tests read it as catgeo.offline().
(function () {
  'use strict';

  const api = window.catgeo;
  const workerUrl = document.currentScript && document.currentScript.dataset.sw;
  const READY = ' — this lab and the article work without a network (MNIST once it has been opened).';
  let status = workerUrl ? { state: 'installing', release: '', line: 'Offline: getting ready…' }
    : { state: 'unavailable', release: '', line: 'Offline: not available (served without the package).' };

  function publish(state, release, line) {
    status = { state, release, line };
    if (api.phase === 'running') api.module.ccall('catgeo_set_offline_status', null, ['string'], [line]);
  }

  // {state: unavailable | installing | ready | failed, release, line: this page's words, about: the About panel's}.
  api.offline = () => ({
    ...status,
    about: api.phase === 'running' ? api.module.ccall('catgeo_offline_status', 'string', [], []) : '',
  });

  // Inside another site's page (a blog's iframe) the browser would keep a separate copy per site: no worker there.
  function embeddedElsewhere() {
    try {
      return window.top !== window && window.top.location.origin !== window.location.origin;
    } catch (error) {
      return true;
    }
  }

  // The release the active worker holds (it is active only once its whole release is cached).
  function askRelease(worker) {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data && event.data.release);
      worker.postMessage({ type: 'catgeo-release' }, [channel.port2]);
    });
  }

  async function follow(registration) {
    const installing = registration.installing;
    if (installing && !registration.active) {
      publish('installing', '', 'Offline: getting ready…');
      installing.addEventListener('statechange', () => {
        if (installing.state !== 'redundant' || registration.active) return;
        failed(new Error('the release could not be cached'));
      });
    }
    const ready = await navigator.serviceWorker.ready;
    const release = await askRelease(ready.active);
    publish('ready', release, `Offline: ready (release ${release})${READY}`);
  }

  async function register() {
    if (!workerUrl) return;
    if (!('serviceWorker' in navigator) || !window.isSecureContext) {
      publish('unavailable', '', 'Offline: not available in this browser (no service workers on this page).');
      return;
    }
    if (embeddedElsewhere()) {
      publish('unavailable', '', 'Offline: not available in an embed (open the lab itself once to keep it offline).');
      return;
    }
    // A release cached on an earlier visit is ready at once, offline too; register() then checks for a new one.
    const existing = await navigator.serviceWorker.getRegistration();
    if (existing && existing.active) await follow(existing);
    const registration = await navigator.serviceWorker.register(workerUrl).catch((error) => {
      if (existing && existing.active) return existing;  // offline: the check could not fetch catgeo-sw.js
      throw error;
    });
    // A new release replaces the worker (it takes over at once: catgeo-sw.js).
    navigator.serviceWorker.addEventListener('controllerchange', () => follow(registration).catch(failed));
    if (registration !== existing) await follow(registration);
  }

  function failed(error) {
    publish('failed', '', `Offline: not available (${(error && error.message) || error}).`);
  }

  // After the lab has started, so the worker's downloads never compete with the page's own.
  api.ready.then(() => {
    publish(status.state, status.release, status.line);
    register().catch(failed);
  }, () => {});
})();
