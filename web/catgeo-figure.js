// CatGeo as a figure in a page: autoplay starts once the canvas is in view, a swipe over an embedded figure scrolls
// the host page unless it acts on the figure, and the tour answers a presenter's keys (arrows, PageDown/PageUp,
// Home/End). Uses window.catgeo (catgeo-loader.js, catgeo-api.js); documented in docs/embedding.md.
(function () {
  'use strict';

  const api = window.catgeo;
  const canvas = document.getElementById('canvas');
  if (!api || !canvas) return;
  const embedded = window.self !== window.top;  // an iframe: a host page around the figure

  // ---- in view: the engine holds an autoplay link until the page says its figure can be seen ----
  // At least 40% of the canvas inside the viewport (in an iframe, the top page's viewport as clipped by the frame).
  const VISIBLE_RATIO = 0.4;
  function watchVisibility() {
    const report = (visible) => api.setOption('on_screen', visible ? 1 : 0);
    if (typeof IntersectionObserver !== 'function') {
      report(true);
      return;
    }
    let shown = null;
    new IntersectionObserver((entries) => {
      const visible = entries[entries.length - 1].intersectionRatio >= VISIBLE_RATIO;
      if (visible !== shown) report((shown = visible));
    }, { threshold: [0, VISIBLE_RATIO, 1] }).observe(canvas);
  }

  // ---- touch in an embed: the host page scrolls with a vertical swipe that does not act on the figure ----
  function embedTouchPolicy() {
    canvas.style.touchAction = 'pan-y pinch-zoom';  // the browser may scroll or zoom the page from the figure
    canvas.addEventListener('touchstart', (event) => {
      if (api.phase !== 'running') return;
      const rect = canvas.getBoundingClientRect();
      const touch = event.changedTouches[0];
      const wants = api.module._catgeo_figure_wants_touch(touch.clientX - rect.left, touch.clientY - rect.top);
      if (wants) event.preventDefault();  // a class mean, a tool, the digit pad: the figure keeps this finger
    }, { passive: false });
    // SDL cancels every touchend (so that no emulated mouse click follows); once the page scrolls, the browser has made
    // the event uncancelable and would log the attempt as an error: it is a no-op then, so skip it.
    for (const type of ['touchmove', 'touchend', 'touchcancel']) {
      window.addEventListener(type, (event) => {
        if (!event.cancelable) event.preventDefault = () => {};
      }, { capture: true, passive: true });
    }
    // The browser took the finger for the page: the lab sees it lifted away (no click on what it started on).
    canvas.addEventListener('pointercancel', (event) => {
      if (event.pointerType === 'touch' && api.phase === 'running') api.module._catgeo_touch_taken_by_page();
    });
  }

  // ---- a presenter's keys: the tour is a slide deck ----
  const STEP_KEYS = { PageDown: 1, ArrowRight: 1, PageUp: -1, ArrowLeft: -1 };
  function presenterKeys() {
    window.addEventListener('keydown', (event) => {
      if (api.phase !== 'running' || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const table = document.getElementById('catgeo-table');
      if (table && !table.hidden) return;
      const tour = api.tour();
      if (!tour.step) return;
      let to = 0;
      if (event.key in STEP_KEYS) to = tour.step + STEP_KEYS[event.key];
      else if (event.key === 'Home') to = 1;
      else if (event.key === 'End') to = tour.count;
      if (to < 1 || to > tour.count || to === tour.step) return;
      event.preventDefault();
      api.tourStep(to);
    });
  }

  presenterKeys();
  api.firstFrame.then(() => {  // at once: a figure out of view draws nothing more and holds its autoplay
    watchVisibility();
    if (embedded) embedTouchPolicy();
  }, () => {});
})();
