/*
 * Service worker of an offline console page (the border page, the arms issuing desk), served by legion.web's
 * OfflineWorkers at /js/<name>-sw.js after a first line that sets OFFLINE = {name, scope, assets} (paths with the
 * context path). Registered by the page with its own path as scope (the server sends Service-Worker-Allowed for
 * it). Network first, so an online officer always gets the current page and a session that expired still leads to
 * the sign-in page; without network, the last copy from the cache. APIs are left to the page, which keeps its own
 * data in the browser's storage.
 */
'use strict';

var CACHE = 'legion-offline-' + OFFLINE.name + '-v1';
var SCOPE = new URL(self.registration.scope).pathname;
var CACHED = [SCOPE].concat(OFFLINE.assets);

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
  var prefix = 'legion-offline-' + OFFLINE.name + '-';
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf(prefix) === 0 && n !== CACHE; })
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
