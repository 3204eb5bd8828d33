// CatGeo's table box: paste a CSV/TSV table of labelled points, choose a file, or drop one on the page; a good table
// becomes the run, a bad one is named where it fails (line N, column M) and the previous run goes on. An HTML text
// field, not an ImGui one, so that phone keyboards, pasting and screen readers work. Needs catgeo-api.js.
(function () {
  'use strict';

  const api = window.catgeo;
  if (!api) return;

  const MAX_BYTES = 4 * 1024 * 1024;  // a page-side guard before the text crosses to the engine (the parser's own
                                      // limits, shown in the help line, are far below it)
  const EXAMPLE = [
    'x,y,label',
    ...[["a", -0.7, -0.45], ["b", 0.7, -0.45], ["c", 0.0, 0.75]].flatMap(([name, cx, cy], k) =>
      Array.from({ length: 40 }, (_, i) => {
        const t = (i * 2.399963 + k) % (2 * Math.PI), r = 0.9 * Math.sqrt((i + 0.5) / 40);
        return `${(cx + r * Math.cos(t)).toFixed(3)},${(cy + r * Math.sin(t)).toFixed(3)},${name}`;
      })),
  ].join('\n');

  const box = document.getElementById('catgeo-table');
  if (!box) return;
  const form = document.getElementById('catgeo-table-form');
  const text = document.getElementById('catgeo-table-text');
  const message = document.getElementById('catgeo-table-message');
  const help = document.getElementById('catgeo-table-limits');
  const fileInput = document.getElementById('catgeo-table-file');
  const loadButton = document.getElementById('catgeo-table-load');

  function say(kind, line) {
    message.textContent = line;
    message.dataset.kind = kind;  // 'error' | 'ok' | 'busy' | ''
  }

  function open() {
    if (api.phase === 'running' && !help.textContent) {
      const f = JSON.parse(api.module.ccall('catgeo_table_format', 'string', [], []));
      help.textContent = `${f.classes[0]} to ${f.classes[1]} classes, up to ${f.points_max.toLocaleString('en')} ` +
        `points, labels up to ${f.label_bytes} bytes.`;
    }
    box.hidden = false;
    text.focus();
  }

  function close() {
    box.hidden = true;
    document.getElementById('canvas').focus();
  }

  const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

  // A table over MAX_BYTES is refused here, with the same kind of message as the parser's.
  function refuseSize(bytes, source) {
    const result = { ok: false, notices: [], error: `${source} is ${(bytes / 1048576).toFixed(1)} MB, too large for ` +
      `a table (${help.textContent || 'see the limits above'})` };
    say('error', `${capital(source)} was not loaded: ${result.error}. The previous run goes on.`);
    return result;
  }

  // Sends the table to the engine; resolves to the load result. `source` names it in the messages ("the file x.csv").
  async function load(tableText, source) {
    if (api.phase !== 'running') throw new Error('catgeo is not running yet');
    const bytes = new TextEncoder().encode(tableText).length;
    if (bytes > MAX_BYTES) return refuseSize(bytes, source);
    say('busy', `Reading ${source}…`);
    loadButton.disabled = true;
    try {
      const result = await api.loadTable(tableText);
      if (result.ok) {
        const notices = result.notices || [];
        say('ok', `Loaded ${source}${notices.length ? ' (see the notes at the top of the page)' : ''}.`);
        if (notices.length && window.catgeoShare) window.catgeoShare.showNotices(`${capital(source)} was loaded:`, notices);
        close();
      } else {
        say('error', `${capital(source)} was not loaded: ${result.error}. The previous run goes on; mend the table ` +
          'and load it again.');
        open();
      }
      return result;
    } finally {
      loadButton.disabled = false;
    }
  }

  // A file's text: UTF-16 (a byte-order mark, or ASCII with every other byte NUL) decoded as such, otherwise UTF-8;
  // the engine reads the same forms from bytes (core/data/point_table.h), but text from a file arrives here first.
  function tableText(bytes) {
    const sample = bytes.subarray(0, Math.min(bytes.length, 256) & ~1);
    const nulAt = (parity) => sample.length >= 2 && bytes.length % 2 === 0 &&
      sample.every((b, i) => (i % 2 === parity) === (b === 0));
    const le = (bytes[0] === 0xff && bytes[1] === 0xfe) || nulAt(1);
    const be = !le && ((bytes[0] === 0xfe && bytes[1] === 0xff) || nulAt(0));
    return new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8').decode(bytes);
  }

  async function loadFile(file) {
    if (!file) return null;
    const source = `the file ${file.name}`;
    if (file.size > MAX_BYTES) {
      open();
      return refuseSize(file.size, source);
    }
    const content = tableText(new Uint8Array(await file.arrayBuffer()));
    text.value = content;  // kept in the box: a bad file can be mended there
    return load(content, source);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(text.value, 'the table').catch((error) => say('error', String(error.message || error)));
  });
  document.getElementById('catgeo-table-cancel').addEventListener('click', close);
  document.getElementById('catgeo-table-example').addEventListener('click', () => { text.value = EXAMPLE; text.focus(); });
  fileInput.addEventListener('change', () => {
    loadFile(fileInput.files[0]).catch((error) => say('error', String(error.message || error)));
    fileInput.value = '';  // choosing the same file again reloads it
  });
  box.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });

  // A file dropped anywhere on the page (the canvas included) is loaded like a chosen one.
  const hasFiles = (event) => event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files');
  window.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    document.body.classList.add('catgeo-dropping');
  });
  window.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) document.body.classList.remove('catgeo-dropping');
  });
  window.addEventListener('drop', (event) => {
    document.body.classList.remove('catgeo-dropping');
    if (!hasFiles(event)) return;
    event.preventDefault();
    loadFile(event.dataTransfer.files[0]).catch((error) => { say('error', String(error.message || error)); open(); });
  });

  window.catgeoTable = { open, close, load: (tableText) => load(String(tableText), 'the table'), loadFile };
})();
