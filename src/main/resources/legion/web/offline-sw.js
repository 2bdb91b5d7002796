/*
 * Service worker of the offline border page. Registered by border-offline.js with the scope of that page only
 * (the server sends Service-Worker-Allowed for it). Network first, so an online guard always gets the current page
 * and a session that expired still leads to the sign-in page; without network, the last copy from the cache.
 * The API (signer keys, revocation list) is left to the page, which keeps its own copy in localStorage.
 */
'use strict';

var CACHE = 'legion-border-offline-v1';
var SCOPE = new URL(self.registration.scope).pathname;
var BASE = SCOPE.replace(/\/console\/border\/offline\/?$/, '');
var CACHED = [SCOPE, BASE + '/js/border-offline.js', BASE + '/css/legion.css'];

function store(cache, path, response) {
  if (response && response.ok && !response.redirected && response.type === 'basic') {
    return cache.put(path, response);
  }
  return Promise.resolve();
}

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(CACHED.map(function (path) {
      return fetch(path, {credentials: 'same-origin', cache: 'no-store'})
        .then(function (response) { return store(cache, path, response); })
        .catch(function () { /* offline while installing: cached on the next visit */ });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf('legion-border-offline-') === 0 && n !== CACHE; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || CACHED.indexOf(url.pathname) < 0) {
    return;
  }
  var path = url.pathname;
  event.respondWith(fetch(request).then(function (response) {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { return store(cache, path, copy); });
    return response;
  }).catch(function () {
    return caches.match(path).then(function (cached) { return cached || Response.error(); });
  }));
});
