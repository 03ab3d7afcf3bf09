// sw.js — keeps the wizard working with the home off the internet.
// In the middle of the journey the customer unplugs the internet; a reload, or the next step,
// must still work then. So, right after the first screen, this worker puts the page and every
// file the journey needs (the wasm, fonts, locales, the device database, the password step's
// lists) in the Cache Storage, and answers those requests from there, online or not.
// A language's own password data (its dictionary and passphrase words) is kept only when the
// page asks for that language: the customer's, and the other one once they switch to it.
//
// Rules that keep it safe:
// - One cache per build ("cleanslate-<version>"). The site build (scripts/build-site.mjs)
//   writes the version and the precache list below; every file but index.html has a
//   content-hashed name, so a cached file can never be from another build than its name says.
// - The page comes from the cache of the worker that controls it, so the page, its wasm and
//   its data are always one build. A new build installs in the background and takes over
//   when no tab uses the old one; only then are the old caches removed.
// - Only the precache list is ever cached: never the server's answers (/api/...), never a URL
//   with the link's token (it sits in the fragment, which no request carries).
'use strict';
const BUILD = /*@build*/{ "version": "unbuilt", "precache": [], "languages": {} }/*@end*/;
const CACHE_PREFIX = 'cleanslate-';
const CACHE = CACHE_PREFIX + BUILD.version;
const SCOPE = new URL(self.registration.scope);
const PAGE = new URL('./', SCOPE).href;
const absolute = names => names.map(name => new URL(name, SCOPE).href);

// --- Install: everything the journey needs, or nothing ----------------------------------------
// A hashed file that an older build's cache already holds is copied, not downloaded again:
// after a deploy only the files that changed cross the network.
self.addEventListener('install', event => event.waitUntil(precache()));

async function precache() {
  const cache = await caches.open(CACHE);
  // The page is not hashed: fetch it past the HTTP cache and check it is this build's page.
  const page = await fetch(PAGE, { cache: 'no-cache' });
  if (!page.ok || !(await page.clone().text()).includes(BUILD.version))
    throw new Error('the page on the server is not from build ' + BUILD.version);
  await cache.put(PAGE, page);
  // The languages an older build kept stay kept: after a deploy, a customer who switched
  // language mid-journey still has both offline.
  const kept = await keptLanguages();
  await keep(cache, absolute([...BUILD.precache, ...kept.flatMap(language => BUILD.languages[language])]));
}

// Puts the files in the cache: from an older build's cache when it has them, else downloaded.
// Rejects if any download fails.
async function keep(cache, urls) {
  const missing = [];
  for (const url of urls) {
    if (await cache.match(url)) continue;
    const earlier = await caches.match(url);
    if (earlier) await cache.put(url, earlier);
    else missing.push(url);
  }
  await cache.addAll(missing);
}

// The languages whose data some cache already holds (an older build's: its hashed names differ,
// so a file is known by its name without the hash).
async function keptLanguages() {
  const unhashed = url => new URL(url).pathname.replace(/\.[0-9a-f]{8,}(\.[^./]+)$/, '$1');
  const held = new Set();
  for (const name of await caches.keys())
    if (name.startsWith(CACHE_PREFIX))
      for (const request of await (await caches.open(name)).keys()) held.add(unhashed(request.url));
  return Object.keys(BUILD.languages).filter(language =>
    absolute(BUILD.languages[language]).some(url => held.has(unhashed(url))));
}

// --- A language's password data: kept when the page asks ---------------------------------------------
// The page sends {keepLanguage: 'nl'} for the language on its screen; the answer {keptLanguage,
// ok} says whether its files are now in the cache (ok: false when the network failed).
self.addEventListener('message', event => {
  const language = event.data && event.data.keepLanguage;
  if (!Object.prototype.hasOwnProperty.call(BUILD.languages, language)) return;
  const answer = ok => event.source && event.source.postMessage({ keptLanguage: language, ok });
  event.waitUntil(caches.open(CACHE)
    .then(cache => keep(cache, absolute(BUILD.languages[language])))
    .then(() => answer(true), () => answer(false)));
});

// --- Activate: old builds' caches go, this worker serves the open tab at once -------------------
self.addEventListener('activate', event => event.waitUntil((async () => {
  for (const name of await caches.keys())
    if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
  await self.clients.claim();
})()));

// --- Fetch: cached files from the cache, everything else untouched --------------------------------
self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE.href)) return;
  const url = new URL(request.url);
  if (request.mode === 'navigate') {
    // The wizard's page (the link opens it with the token in the fragment, and maybe a query).
    if (url.pathname === SCOPE.pathname || url.pathname === SCOPE.pathname + 'index.html')
      event.respondWith(pageResponse(request));
    return;
  }
  if (url.pathname.startsWith(SCOPE.pathname + 'api/')) return;   // the server's answers: always the network's
  // Only hashed files are ever cached, and a hashed name means the same bytes in any build's
  // cache: a page of a newer build, still run by this worker, finds its files too.
  event.respondWith(caches.match(request).then(hit => hit || fetch(request)));
});

async function pageResponse(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(PAGE)) || fetch(request);
}
