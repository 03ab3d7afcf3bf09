// sw.js — keeps the wizard working with the home off the internet.
// In the middle of the journey the customer unplugs the internet; a reload, or the next step,
// must still work then. So, right after the first screen, this worker puts the page and every
// file the journey needs (the wasm, fonts, locales, the device database, the password step's
// lists) in the Cache Storage, and answers those requests from there, online or not.
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
const BUILD = /*@build*/{ "version": "unbuilt", "precache": [] }/*@end*/;
const CACHE_PREFIX = 'cleanslate-';
const CACHE = CACHE_PREFIX + BUILD.version;
const SCOPE = new URL(self.registration.scope);
const PAGE = new URL('./', SCOPE).href;
const precacheUrls = BUILD.precache.map(name => new URL(name, SCOPE).href);

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
  const missing = [];
  for (const url of precacheUrls) {
    if (await cache.match(url)) continue;
    const earlier = await caches.match(url);
    if (earlier) await cache.put(url, earlier);
    else missing.push(url);
  }
  await cache.addAll(missing);   // rejects (and the install fails) if any file fails
}

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
