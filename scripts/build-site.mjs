#!/usr/bin/env node
// build-site.mjs — turns the assembled wizard (the stage folder) into the site that a server
// or CDN serves. Run by the wasm build (wasm/wizard.cmake) after every change:
//   node scripts/build-site.mjs --stage build/wasm/stage --out build/wasm/site
//
//  1. Every file but index.html and sw.js gets a content-hashed name (wizard.3f2a9c1b7e.wasm):
//     a deploy can never pair a new wizard.js with an old wizard.wasm, and a hashed file can be
//     cached for a year because its name changes whenever its bytes do.
//  2. index.html references the hashed names and carries the asset map (name as the code asks
//     for it -> hashed name) that bridge.js and boot.js use for everything they load later.
//  3. sw.js gets the build's version and precache list: every file the journey needs, so the
//     wizard keeps working with the home off the internet. A language's own data (the password
//     check's dictionary and passphrase words, data/*-<language>.*, and its texts,
//     locales/<language>.json and locales/rest/<language>.json) is a group of its own: a
//     customer keeps only the language they use (and the other once they switch to it).
//  4. JavaScript is minified (terser: comments and blanks out, local names shortened; global
//     names such as createWizard and window.cleanslateBridge stay), so the first screen waits
//     for fewer bytes. The sources in web/static keep their comments.
//  5. Every file that compresses gets .br (brotli, quality 11) and .gz (zopfli when Debian's
//     zopfli is installed, else gzip -9) siblings; the server sends one when the browser
//     accepts it, so nothing is compressed per request.
// A problem (a reference in index.html to a file that is not in the site, a missing marker
// in sw.js) fails the build with the file and the problem named.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { minify } from 'terser';

// --- Arguments ---------------------------------------------------------------------------
function argument(name) {
  const at = process.argv.indexOf(name);
  if (at < 0 || !process.argv[at + 1]) fail(`usage: build-site.mjs --stage DIR --out DIR (missing ${name})`);
  return process.argv[at + 1];
}
function fail(message) {
  console.error('build-site: ' + message);
  process.exit(1);
}
const stage = argument('--stage');
const out = argument('--out');

// --- What gets hashed, precached and compressed ------------------------------------------
// The two files that must keep their names: the page the link opens and the service worker
// (a browser looks for updates of a worker at the URL it was registered from).
const FIXED_NAMES = new Set(['index.html', 'sw.js']);
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.txt', '.wasm', '.svg', '.ttf', '.otf']);
const HASH_LENGTH = 10;   // hex digits

function listFiles(root) {
  const files = [];
  const walk = dir => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;   // build stamps
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return files.sort();
}

// The shipped form of a script: same behaviour, fewer bytes. A script terser cannot parse
// fails the build with its name and the reason.
async function minified(name, text) {
  try {
    const result = await minify(text, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    return Buffer.from(result.code);
  } catch (error) {
    fail(`${name}: cannot minify: ${error.message}${error.line ? ` (line ${error.line})` : ''}`);
  }
}
const shipped = async (name, bytes) => (extname(name) === '.js' ? minified(name, bytes.toString('utf8')) : bytes);

const sha256 = bytes => createHash('sha256').update(bytes).digest('hex');

// The server (and any CDN rule) tells a hashed name by a part of 8+ hex digits with a digit in
// it; the rare hash whose first digits are all letters is taken on to its first digit.
function hashedName(name, bytes) {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  const hash = sha256(bytes);
  return `${stem}.${hash.slice(0, Math.max(HASH_LENGTH, hash.search(/[0-9]/) + 1))}${extension}`;
}

// --- 1. Content-hashed names ---------------------------------------------------------------
if (!existsSync(join(stage, 'index.html'))) fail(`${stage}/index.html is missing`);
if (!existsSync(join(stage, 'sw.js'))) fail(`${stage}/sw.js is missing`);
const names = listFiles(stage);
const files = {};                  // name as the code asks for it -> hashed name
const output = new Map();          // output name -> bytes
for (const name of names) {
  if (FIXED_NAMES.has(name)) continue;
  const bytes = await shipped(name, readFileSync(join(stage, name)));
  files[name] = hashedName(name, bytes);
  output.set(files[name], bytes);
}
// The build's version names everything in it, so a change to any file is a new version.
const version = sha256(JSON.stringify(files) + readFileSync(join(stage, 'index.html')) +
  readFileSync(join(stage, 'sw.js'))).slice(0, 12);

// A language's own files, by the names the code asks for: its texts (locales/nl.json and
// locales/rest/nl.json) and its password data (data/dictionary-nl.txt).
const LANGUAGE_DATA = /^(?:locales\/(?:rest\/)?|data\/[^/]+-)([a-z]{2})\.[^/.]+$/;
const languages = {};              // language -> its hashed data files
for (const [name, hashed] of Object.entries(files)) {
  const match = name.match(LANGUAGE_DATA);
  if (match) (languages[match[1]] ||= []).push(hashed);
}
for (const list of Object.values(languages)) list.sort();
function languageOf(hashed) {
  return Object.keys(languages).find(language => languages[language].includes(hashed));
}

// --- 2. index.html -------------------------------------------------------------------------
// Every src/href that names a site file points to its hashed name; the asset map goes in a
// JSON data block (not executed, so the Content-Security-Policy needs no exception for it).
const template = readFileSync(join(stage, 'index.html'), 'utf8');
let page = template.replace(/\b(src|href)="([^"#?:]+)"/g, (match, attribute, target) => {
  if (!files[target]) fail(`index.html: ${attribute}="${target}" names no file in the site`);
  return `${attribute}="${files[target]}"`;
});
const assetMap = JSON.stringify({ version, files, languages }).replace(/</g, '\\u003c');
if (!page.includes('</head>')) fail('index.html: no </head> to put the asset map before');
page = page.replace('</head>', `<script type="application/json" id="cleanslate-assets">${assetMap}</script>\n</head>`);
output.set('index.html', Buffer.from(page));

// --- 3. sw.js --------------------------------------------------------------------------------
// The worker precaches the page and every hashed file that every customer's journey needs (the
// shell, the wasm, fonts, the device database, the common-password lists). Each language's own
// texts and password data are kept only when the page asks for that language.
const worker = readFileSync(join(stage, 'sw.js'), 'utf8');
const marker = /\/\*@build\*\/[\s\S]*?\/\*@end\*\//;
if (!marker.test(worker)) fail('sw.js: no /*@build*/ ... /*@end*/ marker for the precache list');
const precache = Object.values(files).filter(hashed => !languageOf(hashed)).sort();
output.set('sw.js', await shipped('sw.js', Buffer.from(worker.replace(marker, JSON.stringify({ version, precache, languages })))));

// --- Write the site ------------------------------------------------------------------------------
// Only what this build holds stays: stale hashed files and their siblings are removed. A hashed
// file already there has the same bytes (its name says so) and keeps its compressed siblings.
const keep = new Set();
for (const name of output.keys()) for (const suffix of ['', '.br', '.gz']) keep.add(name + suffix);
if (existsSync(out)) for (const name of listFiles(out)) if (!keep.has(name)) rmSync(join(out, name));
const unchanged = name => !FIXED_NAMES.has(name) && existsSync(join(out, name));
for (const [name, bytes] of output) {
  if (unchanged(name)) continue;
  mkdirSync(dirname(join(out, name)), { recursive: true });
  writeFileSync(join(out, name), bytes);
  for (const suffix of ['.br', '.gz']) rmSync(join(out, name + suffix), { force: true });
}

// --- 5. Pre-compressed siblings --------------------------------------------------------------------
const hasZopfli = (() => { try { execFileSync('zopfli', ['-h'], { stdio: 'ignore' }); return true; } catch { return false; } })();
let identityBytes = 0, gzipBytes = 0, brotliBytes = 0;
for (const [name, bytes] of output) {
  const path = join(out, name);
  identityBytes += bytes.length;
  if (!COMPRESSIBLE.has(extname(name)) || bytes.length === 0) { gzipBytes += bytes.length; brotliBytes += bytes.length; continue; }
  // A sibling already there belongs to these very bytes (the name is their hash); written only
  // when it is smaller than the file.
  const sibling = (suffix, compress) => {
    if (existsSync(path + suffix)) return readFileSync(path + suffix);
    const packed = compress();
    if (packed.length < bytes.length) writeFileSync(path + suffix, packed);
    return packed;
  };
  const brotli = sibling('.br', () => brotliCompressSync(bytes, { params: {
    [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_LGWIN]: zlib.BROTLI_MAX_WINDOW_BITS,
    [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  // zopfli writes a gzip member 4-8 % smaller than gzip -9, for browsers without brotli.
  const gzip = sibling('.gz', () => (hasZopfli ? execFileSync('zopfli', ['--i5', '-c', path], { maxBuffer: 1 << 30 })
    : gzipSync(bytes, { level: 9 })));
  gzipBytes += Math.min(gzip.length, bytes.length);
  brotliBytes += Math.min(brotli.length, bytes.length);
}
const kb = n => (n / 1024).toFixed(0) + ' KB';
console.log(`build-site: ${output.size} files, version ${version}: ${kb(identityBytes)}, ` +
  `${kb(gzipBytes)} gzip${hasZopfli ? ' (zopfli)' : ''}, ${kb(brotliBytes)} brotli`);
