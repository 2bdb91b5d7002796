/*
 * The issuing desk that keeps working without network once loaded (ADR 0102). Every issue and return is first
 * kept in this browser's localStorage under a numbered provisional slip (P-<point>-<this browser's 4 characters>-<n>)
 * and printed as such; the queue is sent whenever the network is back (the 'online' event, on load, or "Send now").
 * The server checks each entry again; an entry it cannot record (the weapon issued meanwhile elsewhere, the holder
 * over the limit, the weapon reported stolen) comes back as CONFLICT and is flagged for the registry supervisor.
 * Nothing is merged here: the browser only shows what the server made of each slip.
 * The holder's personal data in a queued entry is kept encrypted (AES-GCM, ADR 0137) with a key this browser made
 * and keeps, not extractable, in IndexedDB apart from the queue; it is deleted from the entry as soon as the server
 * has answered for it, and the key once no entry needs it. A service worker (legion.web's OfflineWorkers) keeps the
 * page and its assets, so the desk also loads again without network.
 */
(function () {
  'use strict';
  var root = document.querySelector('[data-offline-desk]');
  if (!root) {
    return;
  }
  var texts = {};
  Array.prototype.forEach.call(document.querySelectorAll('#texts [data-text]'), function (el) {
    texts[el.getAttribute('data-text')] = el.textContent;
  });
  var point = root.getAttribute('data-point');
  var officer = root.getAttribute('data-officer');
  var KEY = 'legion.arms.offline.' + officer;

  function $(id) { return document.getElementById(id); }

  // The holder's fields of an issue: encrypted in storage, gone once the server has answered for the entry.
  var PERSONAL = ['documentNumber', 'surname', 'givenNames', 'patronymic', 'dateOfBirth', 'legalStatus'];
  var DB = 'legion-arms-desk';

  function keyStore(mode, action) {
    return new Promise(function (resolve, reject) {
      var open = indexedDB.open(DB, 1);
      open.onupgradeneeded = function () { open.result.createObjectStore('keys'); };
      open.onerror = function () { reject(open.error); };
      open.onsuccess = function () {
        var tx = open.result.transaction('keys', mode);
        var request = action(tx.objectStore('keys'));
        tx.oncomplete = function () { open.result.close(); resolve(request ? request.result : undefined); };
        tx.onerror = function () { open.result.close(); reject(tx.error); };
      };
    });
  }

  function queueKey(create) {
    return keyStore('readonly', function (s) { return s.get(officer); }).then(function (key) {
      if (key || !create) {
        return key || null;
      }
      return crypto.subtle.generateKey({name: 'AES-GCM', length: 256}, false, ['encrypt', 'decrypt'])
        .then(function (made) {
          return keyStore('readwrite', function (s) { s.put(made, officer); }).then(function () { return made; });
        });
    });
  }

  function b64(bytes) { return btoa(String.fromCharCode.apply(null, new Uint8Array(bytes))); }
  function unb64(text) { return Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); }); }

  function seal(fields) {
    return queueKey(true).then(function (key) {
      var iv = crypto.getRandomValues(new Uint8Array(12));
      return crypto.subtle.encrypt({name: 'AES-GCM', iv: iv}, key, new TextEncoder().encode(JSON.stringify(fields)))
        .then(function (data) { return {iv: b64(iv), data: b64(data)}; });
    });
  }

  function unseal(sealed) {
    return queueKey(false).then(function (key) {
      if (!key) { throw new Error('no key'); }
      return crypto.subtle.decrypt({name: 'AES-GCM', iv: unb64(sealed.iv)}, key, unb64(sealed.data));
    }).then(function (plain) { return JSON.parse(new TextDecoder().decode(plain)); });
  }

  /** Drops the key when no queued entry holds sealed personal data any more (a new one is made when needed). */
  function forgetKeyIfUnused() {
    if (load().entries.some(function (e) { return e.sealed; })) {
      return Promise.resolve();
    }
    return keyStore('readwrite', function (s) { s['delete'](officer); }).catch(function () {});
  }

  var canSeal = !!(window.crypto && crypto.subtle && window.indexedDB);

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {device: null, next: 1, entries: []}; }
    catch (e) { return {device: null, next: 1, entries: []}; }
  }

  function save(state) { localStorage.setItem(KEY, JSON.stringify(state)); }

  function device(state) {
    if (!state.device) {
      var alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
      var bytes = new Uint8Array(4);
      crypto.getRandomValues(bytes);
      state.device = Array.prototype.map.call(bytes, function (b) { return alphabet[b % alphabet.length]; }).join('');
    }
    return state.device;
  }

  function csrf(form) {
    var input = form.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  function value(form, name) {
    var el = form.querySelector('[name="' + name + '"]');
    return el ? el.value.trim() : '';
  }

  function showConnection() {
    $('connection').textContent = navigator.onLine ? texts.online : texts.offline;
  }

  function render() {
    var body = $('queue');
    body.textContent = '';
    load().entries.slice().reverse().forEach(function (e) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-slip', e.slip);
      tr.setAttribute('data-state', e.state);
      [e.slip, e.serial, texts[e.state] + (e.conflict ? ' (' + e.conflict + ')' : ''), e.issueNumber || '']
        .forEach(function (text, i) {
          var td = document.createElement('td');
          if (i === 3 && e.receipt) {
            var a = document.createElement('a');
            a.href = e.receipt;
            a.textContent = text;
            td.appendChild(a);
          } else {
            td.textContent = text;
          }
          tr.appendChild(td);
        });
      body.appendChild(tr);
    });
  }

  function showSlip(entry) {
    $('slip').hidden = false;
    $('slip-number').textContent = entry.slip;
    var dl = $('slip-fields');
    dl.textContent = '';
    ['make', 'serial', 'surname', 'givenNames', 'documentNumber', 'rounds', 'magazines', 'madeAt'].forEach(function (k) {
      if (entry[k] === undefined || entry[k] === '') {
        return;
      }
      var dt = document.createElement('dt');
      dt.textContent = k;
      var dd = document.createElement('dd');
      dd.textContent = String(entry[k]);
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
  }

  var token = csrf($('offline-issue'));
  var sending = false;

  function send() {
    if (sending) {
      return Promise.resolve();
    }
    sending = true;
    var pending = load().entries.filter(function (e) { return e.state === 'QUEUED'; });
    var chain = Promise.resolve();
    pending.forEach(function (entry) {
      chain = chain.then(function () {
        var payload = {};
        Object.keys(entry).forEach(function (k) {
          if (['state', 'conflict', 'issueNumber', 'receipt', 'sealed'].indexOf(k) < 0) { payload[k] = entry[k]; }
        });
        return (entry.sealed ? unseal(entry.sealed) : Promise.resolve({})).then(function (personal) {
          Object.keys(personal).forEach(function (k) { payload[k] = personal[k]; });
          return fetch(root.getAttribute('data-sync'), {method: 'POST', credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'X-CSRF-TOKEN': token}, body: JSON.stringify(payload)});
        }).then(function (r) {
            if (r.status === 400) { return {result: 'INVALID'}; }
            if (!r.ok) { throw new Error('status ' + r.status); }
            return r.json();
          }).then(function (answer) {
            var state = load();
            state.entries.forEach(function (e) {
              if (e.slip === entry.slip) {
                e.state = answer.result;
                e.conflict = answer.conflict || null;
                e.issueNumber = answer.issueNumber || null;
                e.receipt = answer.receipt || null;
                delete e.sealed;
              }
            });
            save(state);
            render();
          });
      });
    });
    return chain.catch(function () { /* still offline or signed out: kept, sent next time */ })
      .then(forgetKeyIfUnused)
      .then(function () { sending = false; root.setAttribute('data-sent', String(Date.now())); });
  }

  function queue(form, kind) {
    var entry = {kind: kind, madeAt: new Date().toISOString(), make: value(form, 'make'), serial: value(form, 'serial'),
      state: 'QUEUED'};
    var personal = {};
    if (kind === 'ISSUE') {
      PERSONAL.forEach(function (k) { personal[k] = value(form, k); });
      entry.rounds = parseInt(value(form, 'rounds'), 10) || 0;
      entry.magazines = parseInt(value(form, 'magazines'), 10) || 0;
    }
    (kind === 'ISSUE' ? seal(personal) : Promise.resolve(null)).then(function (sealed) {
      var state = load();
      entry.slip = 'P-' + point + '-' + device(state) + '-' + state.next;
      if (sealed) { entry.sealed = sealed; }
      state.next += 1;
      state.entries.push(entry);
      save(state);
      form.reset();
      render();
      if (kind === 'ISSUE') {
        var shown = {};
        Object.keys(entry).forEach(function (k) { shown[k] = entry[k]; });
        PERSONAL.forEach(function (k) { shown[k] = personal[k]; });
        showSlip(shown);
      }
      root.setAttribute('data-queued', String(state.next - 1));
      if (navigator.onLine) { send(); }
    }, function () {
      $('problem').hidden = false;
    });
  }

  function registerWorker() {
    var el = $('worker-state');
    if (!('serviceWorker' in navigator) || !window.caches) {
      return;
    }
    navigator.serviceWorker.register(root.getAttribute('data-worker'), {scope: root.getAttribute('data-scope')})
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function () { return caches.match(root.getAttribute('data-scope')); })
      .then(function (cached) {
        if (cached) {
          el.textContent = texts.workerReady;
          el.setAttribute('data-ready', 'true');
        }
      }).catch(function () { /* stays "not available offline" */ });
  }

  $('offline-issue').addEventListener('submit', function (e) {
    e.preventDefault();
    if (canSeal) { queue(e.target, 'ISSUE'); } else { $('problem').hidden = false; }
  });
  $('offline-return').addEventListener('submit', function (e) { e.preventDefault(); queue(e.target, 'RETURN'); });
  $('send').addEventListener('click', function () { send(); });
  window.addEventListener('online', function () { showConnection(); send(); });
  window.addEventListener('offline', showConnection);
  (function forgetAnswered() { // personal data of entries the server has answered for is not kept
    var state = load();
    state.entries.forEach(function (e) {
      if (e.state !== 'QUEUED') {
        PERSONAL.forEach(function (k) { delete e[k]; });
        delete e.sealed;
      }
    });
    save(state);
  }());
  showConnection();
  render();
  registerWorker();
  if (navigator.onLine) { send(); }
  root.setAttribute('data-loaded', 'true');
}());
