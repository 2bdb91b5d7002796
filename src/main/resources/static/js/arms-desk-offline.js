/*
 * The issuing desk that keeps working without network once loaded (ADR 0102). Every issue and return is first
 * kept in this browser's localStorage under a numbered provisional slip (P-<point>-<this browser's 4 characters>-<n>)
 * and printed as such; the queue is sent whenever the network is back (the 'online' event, on load, or "Send now").
 * The server checks each entry again; an entry it cannot record (the weapon issued meanwhile elsewhere, the holder
 * over the limit, the weapon reported stolen) comes back as CONFLICT and is flagged for the registry supervisor.
 * Nothing is merged here: the browser only shows what the server made of each slip.
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
          if (['state', 'conflict', 'issueNumber', 'receipt'].indexOf(k) < 0) { payload[k] = entry[k]; }
        });
        return fetch(root.getAttribute('data-sync'), {method: 'POST', credentials: 'same-origin',
          headers: {'Content-Type': 'application/json', 'X-CSRF-TOKEN': token}, body: JSON.stringify(payload)})
          .then(function (r) {
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
              }
            });
            save(state);
            render();
          });
      });
    });
    return chain.catch(function () { /* still offline or signed out: kept, sent next time */ })
      .then(function () { sending = false; root.setAttribute('data-sent', String(Date.now())); });
  }

  function queue(form, kind) {
    var state = load();
    var entry = {slip: 'P-' + point + '-' + device(state) + '-' + state.next, kind: kind,
      madeAt: new Date().toISOString(), make: value(form, 'make'), serial: value(form, 'serial'), state: 'QUEUED'};
    if (kind === 'ISSUE') {
      ['documentNumber', 'surname', 'givenNames', 'patronymic', 'dateOfBirth', 'legalStatus'].forEach(function (k) {
        entry[k] = value(form, k);
      });
      entry.rounds = parseInt(value(form, 'rounds'), 10) || 0;
      entry.magazines = parseInt(value(form, 'magazines'), 10) || 0;
    }
    state.next += 1;
    state.entries.push(entry);
    save(state);
    form.reset();
    render();
    if (kind === 'ISSUE') { showSlip(entry); }
    if (navigator.onLine) { send(); }
  }

  $('offline-issue').addEventListener('submit', function (e) { e.preventDefault(); queue(e.target, 'ISSUE'); });
  $('offline-return').addEventListener('submit', function (e) { e.preventDefault(); queue(e.target, 'RETURN'); });
  $('send').addEventListener('click', function () { send(); });
  window.addEventListener('online', function () { showConnection(); send(); });
  window.addEventListener('offline', showConnection);
  showConnection();
  render();
  if (navigator.onLine) { send(); }
  root.setAttribute('data-loaded', 'true');
}());
