// Writes the CatGeo package from a built page (scripts/package runs it): node scripts/package.mjs [--from WEB] [OUT].
// Keeps the files index.html and article.html reach, plus the licences; gives every other file a content-hashed name
// and rewrites every quoted reference to it; adds the service worker, its manifest and .gz/.br copies.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOTS = ['index.html', 'article.html'];  // keep their names: links to them stay valid
const LICENCES = [  // [name in the package, source]
  ['assets/MNIST-LICENSE.txt', 'assets/MNIST-LICENSE.txt'],
  ['assets/fonts/DejaVu-LICENSE.txt', 'assets/fonts/DejaVu-LICENSE.txt'],  // the typeface compiled into catgeo.wasm
];
const WORKER = 'catgeo-sw.js';
const MANIFEST = 'catgeo-release.json';
const TEXT = /\.(html|js|css)$/;
const COMPRESSIBLE = /\.(html|js|css|wasm|txt|json|cgd)$/;
const ON_FIRST_USE = /\.cgd$/;  // big and only for the MNIST scenario: the service worker caches them when first used

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

function parseArgs(argv) {
  let from = path.join(repoRoot, 'build/wasm-release/web');
  let out = path.join(repoRoot, 'build/package');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--from') from = path.resolve(argv[++i]);
    else if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}`);
    else out = path.resolve(argv[i]);
  }
  return { from, out };
}

async function listFiles(dir, prefix = '') {
  const names = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) names.push(...await listFiles(dir, name));
    else if (entry.isFile()) names.push(name);
  }
  return names;
}

const quoted = (name) => [`'${name}'`, `"${name}"`];
const refersTo = (text, name) => quoted(name).some((q) => text.includes(q));
const hashedName = (name, hash) => name.replace(/(\.[^./]+)$/, `.${hash.slice(0, 8)}$1`);

// The files the roots reach through quoted names (HTML attributes, JS strings), each with the names it refers to.
async function reachable(from) {
  const all = await listFiles(from);
  const files = new Map();  // name -> { bytes, refs }
  const queue = [...ROOTS];
  while (queue.length) {
    const name = queue.shift();
    if (files.has(name)) continue;
    const bytes = await readFile(path.join(from, name));
    const text = TEXT.test(name) ? bytes.toString('utf8') : '';
    const refs = all.filter((other) => other !== name && text && refersTo(text, other));
    files.set(name, { bytes, refs });
    queue.push(...refs);
  }
  return files;
}

// Renames every reached file but the roots to name.<hash>.ext, references first, so a file's hash covers the hashed
// names it refers to (a new engine gives a new worker script, loader and so on).
function hashNames(files) {
  const renamed = new Map();  // old name -> new name
  const output = new Map();   // new name -> bytes
  const visit = (name, trail) => {
    if (renamed.has(name)) return;
    if (trail.includes(name)) throw new Error(`reference cycle: ${[...trail, name].join(' -> ')}`);
    const file = files.get(name);
    const deps = file.refs.filter((ref) => !ROOTS.includes(ref));  // a root keeps its name: nothing to rewrite
    for (const ref of deps) visit(ref, [...trail, name]);
    let bytes = file.bytes;
    if (deps.length) {
      let text = bytes.toString('utf8');
      for (const ref of deps) {
        const now = quoted(renamed.get(ref));
        quoted(ref).forEach((q, i) => { text = text.split(q).join(now[i]); });
      }
      bytes = Buffer.from(text, 'utf8');
    }
    const target = ROOTS.includes(name) ? name : hashedName(name, sha(bytes));
    renamed.set(name, target);
    output.set(target, bytes);
  };
  for (const root of ROOTS) visit(root, []);
  return { renamed, output };
}

// The lab's tag for web/catgeo-offline.js gets data-sw: only the package registers the service worker.
function markOfflineScript(output, renamed) {
  const tag = `<script src="${renamed.get('catgeo-offline.js')}"`;
  const html = output.get('index.html').toString('utf8');
  if (!renamed.has('catgeo-offline.js') || !html.includes(tag)) {
    throw new Error('index.html does not load catgeo-offline.js');
  }
  output.set('index.html', Buffer.from(html.replace(tag, `${tag} data-sw="${WORKER}"`), 'utf8'));
}

// No text file may still name a file by its unhashed name.
function checkRewritten(output, renamed) {
  for (const [name, bytes] of output) {
    if (!TEXT.test(name)) continue;
    const text = bytes.toString('utf8');
    for (const [old, now] of renamed) {
      if (old !== now && refersTo(text, old)) throw new Error(`${name} still refers to ${old}`);
    }
  }
}

async function compressed(name, bytes) {
  if (!COMPRESSIBLE.test(name)) return {};
  const text = /\.(html|js|css|txt|json)$/.test(name);
  const [gz, br] = await Promise.all([
    gzip(bytes, { level: 9 }),
    brotli(bytes, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    } }),
  ]);
  const worth = (copy) => copy.length < 0.95 * bytes.length;  // a copy that saves under 5% is left out
  return { gz: worth(gz) ? gz : null, br: worth(br) ? br : null };
}

async function folderBytes(dir) {
  let total = 0;
  for (const name of await listFiles(dir)) total += (await stat(path.join(dir, name))).size;
  return total;
}

async function main() {
  const { from, out } = parseArgs(process.argv.slice(2));
  for (const root of ROOTS) {
    if (!existsSync(path.join(from, root))) throw new Error(`${from}/${root} is missing: build the page first`);
  }
  if (existsSync(out) && (await readdir(out)).length && !existsSync(path.join(out, MANIFEST))) {
    throw new Error(`${out} is not empty and holds no package: choose another folder`);
  }
  const files = await reachable(from);
  const { renamed, output } = hashNames(files);
  markOfflineScript(output, renamed);
  checkRewritten(output, renamed);
  for (const [name, source] of LICENCES) output.set(name, await readFile(path.join(repoRoot, source)));

  const entries = [...output].sort(([a], [b]) => a.localeCompare(b)).map(([name, bytes]) => ({
    name, bytes: bytes.length, sha256: sha(bytes), hashed: !ROOTS.includes(name) && !name.endsWith('.txt'),
    precache: !ON_FIRST_USE.test(name),
  }));
  const release = sha(entries.map((e) => `${e.name} ${e.sha256}\n`).join('')).slice(0, 10);
  const template = await readFile(path.join(repoRoot, 'scripts/catgeo-sw.js'), 'utf8');
  if (template.split('@RELEASE@').length !== 2) throw new Error('scripts/catgeo-sw.js must hold @RELEASE@ once');
  output.set(WORKER, Buffer.from(template.replace('@RELEASE@', release), 'utf8'));
  const copies = new Map(await Promise.all(
    [...output].map(async ([name, bytes]) => [name, await compressed(name, bytes)])));
  for (const entry of entries) {
    const { gz, br } = copies.get(entry.name);
    Object.assign(entry, { gzip: gz ? gz.length : entry.bytes, br: br ? br.length : entry.bytes });
  }
  const lines = entries.map((entry) => JSON.stringify(entry)).join(',\n  ');  // one file a line
  const manifest = Buffer.from(`{"release": "${release}", "files": [\n  ${lines}\n]}\n`, 'utf8');
  output.set(MANIFEST, manifest);
  copies.set(MANIFEST, await compressed(MANIFEST, manifest));

  await rm(out, { recursive: true, force: true });
  let written = 0, bytes = 0, gzBytes = 0, brBytes = 0;
  for (const [name, data] of output) {
    const { gz, br } = copies.get(name);
    const write = async (file, content) => {
      await mkdir(path.dirname(path.join(out, file)), { recursive: true });
      await writeFile(path.join(out, file), content);
      written++;
    };
    await write(name, data);
    if (gz) await write(`${name}.gz`, gz);
    if (br) await write(`${name}.br`, br);
    bytes += data.length;
    gzBytes += gz ? gz.length : data.length;
    brBytes += br ? br.length : data.length;
  }
  const build = await folderBytes(from);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`package: release ${release} in ${out}`);
  console.log(`package: ${output.size} files (${written} with the .gz/.br copies), ${kb(bytes)}; ` +
    `as gzip ${kb(gzBytes)}, as brotli ${kb(brBytes)}`);
  console.log(`package: the build folder ${path.relative(process.cwd(), from) || from} holds ${kb(build)}` +
    ` (${(await listFiles(from)).length} files); the package is ${(100 * bytes / build).toFixed(0)}% of it, ` +
    `its gzip copies ${(100 * gzBytes / build).toFixed(0)}%`);
}

main().catch((error) => {
  console.error(`package: ${error.message}`);
  process.exit(1);
});
