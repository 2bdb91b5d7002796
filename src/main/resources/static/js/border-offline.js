/*
 * The border guard's offline page: verifies ICAO Doc 9303-13 visa seals in the browser, with no network, against
 * the signer keys and the signed revocation list stored in localStorage the last time the page was online.
 * Mirrors legion.authorization.SealVerifier (same checks, same order, same status words). No framework, no inline
 * script (CSP script-src 'self'); texts come from the page (message bundles).
 */
(function () {
  'use strict';

  var root = document.querySelector('[data-offline-border]');
  var STORE_KEYS = 'legion.border.keys';
  var STORE_LIST = 'legion.border.revocations';
  var STORE_SEQUENCE = 'legion.border.revocations.highest';
  var STORE_QUEUE = 'legion.border.queue';
  var LIST_MAGIC = 'LEGION-REVOCATION-LIST 1';

  var texts = {};
  Array.prototype.forEach.call(document.querySelectorAll('#texts [data-text]'), function (el) {
    texts[el.getAttribute('data-text')] = el.textContent;
  });

  function text(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    return (texts[key] || key).replace(/\{(\d+)\}/g, function (m, i) { return String(args[+i]); });
  }

  /** A verification status under its name from the bundles (the status word itself if the page has no name). */
  function statusName(status) {
    return texts['status.' + status] || status;
  }

  function $(id) {
    return document.getElementById(id);
  }

  // ---------------------------------------------------------------- C40 (ICAO 9303-13 2.6, as internal/C40.java)

  function Malformed(message) {
    this.message = message;
  }

  function c40Character(value) {
    if (value === 3) {
      return '<';
    }
    if (value >= 4 && value <= 13) {
      return String.fromCharCode(48 + value - 4);
    }
    if (value >= 14 && value <= 39) {
      return String.fromCharCode(65 + value - 14);
    }
    throw new Malformed('invalid C40 data: C40 shift values are not used in seals');
  }

  function c40Value(c) {
    if (c === ' ' || c === '<') {
      return 3;
    }
    if (c >= '0' && c <= '9') {
      return c.charCodeAt(0) - 48 + 4;
    }
    if (c >= 'A' && c <= 'Z') {
      return c.charCodeAt(0) - 65 + 14;
    }
    return -1;
  }

  function c40Decode(bytes) {
    if (bytes.length % 2 !== 0) {
      throw new Malformed('invalid C40 data: C40 data must have an even number of bytes');
    }
    var out = '';
    for (var i = 0; i < bytes.length; i += 2) {
      var b1 = bytes[i];
      var b2 = bytes[i + 1];
      var last = i + 2 === bytes.length;
      if (b1 === 0xFE) {
        var c = String.fromCharCode(b2 - 1);
        if (!last || c40Value(c) < 0) {
          throw new Malformed('invalid C40 data: C40 unlatch is only allowed for the last character');
        }
        out += c === ' ' ? '<' : c;
        continue;
      }
      var packed = (b1 << 8 | b2) - 1;
      if (packed < 0 || packed >= 64000) {
        throw new Malformed('invalid C40 data: C40 value out of range');
      }
      var c1 = Math.floor(packed / 1600);
      var c2 = Math.floor(packed / 40) % 40;
      var c3 = packed % 40;
      if (c1 === 0 || c2 === 0) {
        throw new Malformed('invalid C40 data: C40 padding only completes the last triplet');
      }
      out += c40Character(c1) + c40Character(c2);
      if (c3 !== 0) {
        out += c40Character(c3);
      } else if (!last) {
        throw new Malformed('invalid C40 data: C40 padding only completes the last triplet');
      }
    }
    return out;
  }

  function c40EncodedLength(characters) {
    return Math.floor(characters / 3) * 2 + (characters % 3 === 0 ? 0 : 2);
  }

  // ---------------------------------------------------------------- seal structure (as internal/SealCodec.java)

  function Reader(data) {
    this.data = data;
    this.position = 0;
  }
  Reader.prototype.u8 = function () {
    if (this.position >= this.data.length) {
      throw new Malformed('seal is truncated');
    }
    return this.data[this.position++];
  };
  Reader.prototype.bytes = function (n) {
    if (n < 0 || n > this.data.length - this.position) {
      throw new Malformed('seal is truncated');
    }
    var result = this.data.slice(this.position, this.position + n);
    this.position += n;
    return result;
  };
  Reader.prototype.length = function () {
    var first = this.u8();
    if (first < 0x80) {
      return first;
    }
    if (first === 0x81) {
      return this.u8();
    }
    if (first === 0x82) {
      return this.u8() << 8 | this.u8();
    }
    throw new Malformed('unsupported length encoding');
  };

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) {
      s = '0' + s;
    }
    return s;
  }

  /** A date as ISO text (comparable as a string), or null when there is no such day. */
  function isoDate(year, month, day) {
    if (month < 1 || month > 12 || day < 1) {
      return null;
    }
    var d = new Date(Date.UTC(2000, 0, 1));
    d.setUTCFullYear(year, month - 1, day);
    if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
      return null;
    }
    return pad(year, 4) + '-' + pad(month, 2) + '-' + pad(day, 2);
  }

  function readDate(reader) {
    var b = reader.bytes(3);
    var value = b[0] << 16 | b[1] << 8 | b[2];
    var date = isoDate(value % 10000, Math.floor(value / 1000000), Math.floor(value / 10000) % 100);
    if (date === null) {
      throw new Malformed('invalid date in header');
    }
    return date;
  }

  function decodeSeal(seal) {
    var reader = new Reader(seal);
    if (reader.u8() !== 0xDC) {
      throw new Malformed('not a seal: magic constant 0xDC missing');
    }
    var version = reader.u8();
    if (version !== 0x03 && version !== 0x02) {
      throw new Malformed('unsupported seal version');
    }
    var header = {version: version, issuingCountry: c40Decode(reader.bytes(2))};
    if (version === 0x03) {
      var start = reader.position;
      var prefix = c40Decode(reader.bytes(4));
      if (prefix.length !== 6) {
        throw new Malformed('signer identifier is too short');
      }
      var lengthText = prefix.substring(4, 6);
      if (!/^[0-9A-Fa-f]{2}$/.test(lengthText)) {
        throw new Malformed('certificate reference length is not hexadecimal');
      }
      var referenceLength = parseInt(lengthText, 16);
      reader.position = start;
      var all = c40Decode(reader.bytes(c40EncodedLength(6 + referenceLength)));
      if (all.length !== 6 + referenceLength) {
        throw new Malformed('certificate reference length does not match');
      }
      header.signerIdentifier = all.substring(0, 4);
      header.certificateReference = all.substring(6);
    } else {
      var nine = c40Decode(reader.bytes(6));
      if (nine.length !== 9) {
        throw new Malformed('signer identifier and certificate reference must be 9 characters');
      }
      header.signerIdentifier = nine.substring(0, 4);
      header.certificateReference = nine.substring(4);
    }
    header.documentIssueDate = readDate(reader);
    header.signatureCreationDate = readDate(reader);
    header.featureDefinitionReference = reader.u8();
    header.documentTypeCategory = reader.u8();
    var features = [];
    for (;;) {
      var tagPosition = reader.position;
      var tag = reader.u8();
      var length = reader.length();
      var value = reader.bytes(length);
      if (tag === 0xFF) {
        if (reader.position !== seal.length) {
          throw new Malformed('data after the signature zone');
        }
        if (length === 0 || length % 2 !== 0) {
          throw new Malformed('signature must be r||s of equal lengths');
        }
        if (features.length === 0) {
          throw new Malformed('empty message zone');
        }
        return {header: header, features: features, signedData: seal.slice(0, tagPosition), signature: value};
      }
      features.push({tag: tag, value: value});
    }
  }

  function isVisa(header) {
    return header.featureDefinitionReference === 0x5D && header.documentTypeCategory === 0x01;
  }

  function hex2(n) {
    return (n < 16 ? '0' : '') + n.toString(16).toUpperCase();
  }

  function documentTypeName(header) {
    return isVisa(header) ? 'VISA' : 'UNKNOWN (feature reference 0x' + hex2(header.featureDefinitionReference)
      + ', category 0x' + hex2(header.documentTypeCategory) + ')';
  }

  // ---------------------------------------------------------------- visa profile (as internal/VisaProfile.java)

  function stripFillers(value) {
    return value.replace(/<+$/, '');
  }

  function decodeVisa(features) {
    var visa = {};
    var seen = {};
    features.forEach(function (feature) {
      var tag = feature.tag;
      var value = feature.value;
      if (tag < 1 || tag > 5) {
        throw new Malformed('unknown feature tag in visa seal');
      }
      if (seen[tag]) {
        throw new Malformed('feature repeated in visa seal');
      }
      seen[tag] = true;
      if (tag === 1 || tag === 2) {
        if (visa.lineLength) {
          throw new Malformed('visa seal holds two MRZs');
        }
        visa.lineLength = tag === 1 ? 44 : 36;
        var mrz = c40Decode(value);
        var sealLength = visa.lineLength + 28;
        if (value.length !== c40EncodedLength(sealLength) || mrz.length !== sealLength) {
          throw new Malformed('MRZ has the wrong length');
        }
        visa.firstLine = mrz.substring(0, visa.lineLength);
        visa.secondLine = mrz.substring(visa.lineLength);
      } else if (tag === 3) {
        if (value.length !== 1) {
          throw new Malformed('number of entries must be 1 bytes');
        }
        visa.numberOfEntries = value[0];
      } else if (tag === 4) {
        if (value.length !== 3) {
          throw new Malformed('duration of stay must be 3 bytes');
        }
        visa.durationOfStay = value[0] + ' days, ' + value[1] + ' months, ' + value[2] + ' years';
      } else {
        var passport = c40Decode(value);
        if (passport.length === 0 || passport.length > 9) {
          throw new Malformed('passport number has the wrong length');
        }
        visa.passportNumber = stripFillers(passport);
      }
    });
    if (!visa.lineLength || visa.passportNumber === undefined) {
      throw new Malformed('visa seal lacks its MRZ or passport number');
    }
    var yymmdd = visa.secondLine.substring(21, 27);
    visa.expiryDate = /^\d{6}$/.test(yymmdd) ? isoDate(2000 + parseInt(yymmdd.substring(0, 2), 10),
      parseInt(yymmdd.substring(2, 4), 10), parseInt(yymmdd.substring(4, 6), 10)) : null;
    if (visa.expiryDate === null) {
      throw new Malformed('MRZ holds no valid date of expiry');
    }
    visa.documentNumber = stripFillers(visa.secondLine.substring(0, 9));
    visa.nameField = stripFillers(visa.firstLine.substring(5));
    visa.nationality = visa.secondLine.substring(10, 13);
    return visa;
  }

  // ---------------------------------------------------------------- signatures (WebCrypto, raw r||s)

  var imported = {};

  function base64Bytes(b64) {
    var raw = atob(b64);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      out[i] = raw.charCodeAt(i);
    }
    return out;
  }

  function ecdsaVerify(key, data, signature) {
    if (!window.crypto || !window.crypto.subtle) {
      return Promise.reject(new Error(text('noCrypto')));
    }
    var cacheKey = key.namedCurve + key.spki;
    var ready = imported[cacheKey] || (imported[cacheKey] = crypto.subtle.importKey('spki', base64Bytes(key.spki),
      {name: 'ECDSA', namedCurve: key.namedCurve}, false, ['verify']));
    return ready.then(function (cryptoKey) {
      return crypto.subtle.verify({name: 'ECDSA', hash: key.hash}, cryptoKey, signature, data);
    }).catch(function (e) {
      if (e && e.message === text('noCrypto')) {
        throw e;
      }
      return false;
    });
  }

  function serialOf(reference) {
    if (!/^[0-9A-Fa-f]+$/.test(reference)) {
      return null;
    }
    return BigInt('0x' + reference).toString(16);
  }

  /** The stored signer key a seal (or list) names by signer identifier and certificate reference. */
  function lookup(keys, signerIdentifier, reference) {
    var serial = serialOf(reference);
    if (serial === null) {
      return null;
    }
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i];
      if (k.signerIdentifier === signerIdentifier && serialOf(k.certificateReference) === serial && k.namedCurve) {
        return k;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- revocation list (as RevocationList.java)

  /** Parses the canonical text; null when it is not one. Does not verify. */
  function parseList(body) {
    var lines = body.split('\n');
    if (lines.length < 6 || lines[0] !== LIST_MAGIC || lines[lines.length - 1] !== '') {
      return null;
    }
    var signer = /^signer ([A-Z0-9<]{4}) ([0-9A-F]+)$/.exec(lines[1]);
    var sequence = /^sequence (\d{1,18})$/.exec(lines[2]);
    var issued = /^issued (\S+)$/.exec(lines[3]);
    var signature = /^signature ([A-Za-z0-9+/]+={0,2})$/.exec(lines[lines.length - 2]);
    if (!signer || !sequence || !issued || !signature) {
      return null;
    }
    var revoked = {};
    var count = 0;
    for (var i = 4; i < lines.length - 2; i++) {
      var entry = /^revoked ([A-Z0-9<]{4}) ([A-Z0-9]{1,9}) (\d{4}-\d{2}-\d{2})$/.exec(lines[i]);
      if (!entry) {
        return null;
      }
      revoked[entry[1] + ' ' + entry[2]] = entry[3];
      count++;
    }
    var signedText = lines.slice(0, lines.length - 2).join('\n') + '\n';
    return {
      signerIdentifier: signer[1], certificateReference: signer[2], sequence: parseInt(sequence[1], 10),
      issued: issued[1], revoked: revoked, count: count, signedText: signedText, signature: signature[1]
    };
  }

  function verifyList(list, keys) {
    var key = list && lookup(keys, list.signerIdentifier, list.certificateReference);
    if (!key) {
      return Promise.resolve(false);
    }
    var signature;
    try {
      signature = base64Bytes(list.signature);
    } catch (e) {
      return Promise.resolve(false);
    }
    return ecdsaVerify(key, new TextEncoder().encode(list.signedText), signature);
  }

  // ---------------------------------------------------------------- verification (as SealVerifier.verify)

  function todayUtc(now) {
    return now.toISOString().substring(0, 10);
  }

  function verify(seal, keys, list, now) {
    var decoded;
    try {
      decoded = decodeSeal(seal);
    } catch (e) {
      if (e instanceof Malformed) {
        return Promise.resolve({status: 'MALFORMED', detail: e.message});
      }
      throw e;
    }
    var header = decoded.header;
    var signerKey = header.signerIdentifier + header.certificateReference;
    var key = lookup(keys, header.signerIdentifier, header.certificateReference);
    if (!key) {
      return Promise.resolve({status: 'UNKNOWN_SIGNER', detail: 'no trusted certificate for signer ' + signerKey,
        seal: decoded});
    }
    return ecdsaVerify(key, decoded.signedData, decoded.signature).then(function (ok) {
      if (!ok) {
        return {status: 'BAD_SIGNATURE', detail: 'signature does not verify with certificate ' + signerKey,
          seal: decoded};
      }
      if (!isVisa(header)) {
        return {status: 'WRONG_DOCUMENT_TYPE', detail: 'document type ' + documentTypeName(header)
          + ' is not a visa', seal: decoded};
      }
      try {
        decoded.visa = decodeVisa(decoded.features);
      } catch (e) {
        if (e instanceof Malformed) {
          return {status: 'MALFORMED', detail: e.message, seal: decoded};
        }
        throw e;
      }
      var visa = decoded.visa;
      if (list && list.revoked[header.signerIdentifier + ' ' + visa.documentNumber] !== undefined) {
        return {status: 'REVOKED', detail: 'listed in revocation list number ' + list.sequence, seal: decoded};
      }
      var certificateStart = key.notBefore.substring(0, 10);
      var certificateEnd = key.notAfter.substring(0, 10);
      if (header.signatureCreationDate < certificateStart || header.signatureCreationDate > certificateEnd) {
        return {status: 'EXPIRED', detail: 'signed outside the validity of certificate ' + signerKey, seal: decoded};
      }
      if (now.getTime() > Date.parse(key.notAfter)) {
        return {status: 'EXPIRED', detail: 'signer certificate ' + signerKey + ' expired on ' + certificateEnd,
          seal: decoded};
      }
      if (visa.expiryDate < todayUtc(now)) {
        return {status: 'EXPIRED', detail: 'visa expired on ' + visa.expiryDate, seal: decoded};
      }
      return {status: 'VALID', detail: 'signature valid, signer ' + signerKey, seal: decoded};
    });
  }

  /** The fields the server's SealReport shows, in the same order. */
  function fieldsOf(result) {
    var fields = [];
    if (!result.seal) {
      return fields;
    }
    var h = result.seal.header;
    fields.push(['documentType', documentTypeName(h)], ['signer', h.signerIdentifier + h.certificateReference],
      ['issuingCountry', h.issuingCountry], ['documentIssueDate', h.documentIssueDate],
      ['signatureCreationDate', h.signatureCreationDate]);
    var v = result.seal.visa;
    if (v) {
      fields.push(['authorizationNumber', v.documentNumber],
        ['name', v.nameField.split('<<').join(', ').split('<').join(' ').trim()],
        ['nationality', v.nationality], ['validUntil', v.expiryDate],
        ['numberOfEntries', v.numberOfEntries === undefined ? '' : String(v.numberOfEntries)],
        ['durationOfStay', v.durationOfStay || ''], ['passportNumber', v.passportNumber],
        ['mrz', v.firstLine + '\n' + v.secondLine.substring(0, 28)]);
    }
    return fields;
  }

  // For tests and other scripts of the same origin: the pure parts, no page state.
  window.legionBorderOffline = {decodeSeal: decodeSeal, decodeVisa: decodeVisa, parseList: parseList, verify: verify};
  if (!root) {
    return;
  }

  // ---------------------------------------------------------------- storage

  function read(name) {
    try {
      return JSON.parse(localStorage.getItem(name));
    } catch (e) {
      return null;
    }
  }

  function write(name, value) {
    localStorage.setItem(name, JSON.stringify(value));
  }

  function storedKeys() {
    var stored = read(STORE_KEYS);
    return stored && Array.isArray(stored.keys) ? stored : null;
  }

  function storedList() {
    var stored = read(STORE_LIST);
    return stored && typeof stored.text === 'string' ? {fetchedAt: stored.fetchedAt, list: parseList(stored.text)}
      : null;
  }

  function fetchText(url, type) {
    return fetch(url, {credentials: 'omit', cache: 'no-store', headers: {Accept: type}}).then(function (r) {
      if (!r.ok) {
        throw new Error('HTTP ' + r.status);
      }
      return r.text();
    });
  }

  /** Fetches keys then the list; keeps the stored copies when offline, refuses a bad or older list. */
  function refresh() {
    var problems = [];
    var now = new Date().toISOString();
    return fetchText(root.getAttribute('data-keys'), 'application/json').then(function (body) {
      var keys = JSON.parse(body);
      if (!Array.isArray(keys)) {
        throw new Error('not a list of keys');
      }
      write(STORE_KEYS, {fetchedAt: now, keys: keys});
    }).then(function () {
      return fetchText(root.getAttribute('data-revocations'), 'text/plain');
    }).then(function (body) {
      var list = parseList(body);
      var keys = storedKeys();
      return verifyList(list, keys ? keys.keys : []).then(function (ok) {
        if (!ok) {
          problems.push(text('badList'));
          return;
        }
        var highest = read(STORE_SEQUENCE);
        if (typeof highest === 'number' && list.sequence < highest) {
          problems.push(text('olderList'));
          return;
        }
        write(STORE_LIST, {fetchedAt: now, text: body});
        write(STORE_SEQUENCE, list.sequence);
      });
    }).catch(function (e) {
      problems.push(text('fetchFailed'));
    }).then(function () {
      showProblems(problems);
      showState();
    });
  }

  // ---------------------------------------------------------------- page

  function showProblems(problems) {
    var el = $('problem');
    el.textContent = problems.join(' ');
    el.hidden = problems.length === 0;
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString() : '';
  }

  function showState() {
    $('connection').textContent = navigator.onLine ? text('online') : text('offline');
    var keys = storedKeys();
    $('certificates-state').textContent = keys ? text('certificatesState', keys.keys.length, when(keys.fetchedAt))
      : text('never');
    var list = storedList();
    $('revocations-state').textContent = list && list.list
      ? text('revocationsState', list.list.sequence, list.list.count, when(list.fetchedAt)) : text('never');
    renderQueue();
  }

  function showWorkerState() {
    var el = $('worker-state');
    el.textContent = text('workerMissing');
    if (!('serviceWorker' in navigator) || !window.caches) {
      return;
    }
    navigator.serviceWorker.register(root.getAttribute('data-worker'), {scope: root.getAttribute('data-scope')})
      .then(function () {
        return navigator.serviceWorker.ready;
      }).then(function () {
        return caches.match(root.getAttribute('data-scope'));
      }).then(function (cached) {
        if (cached) {
          el.textContent = text('workerReady');
          el.setAttribute('data-ready', 'true');
        }
      }).catch(function () { /* stays "not available offline" */ });
  }

  function parseHex(value) {
    var clean = value.replace(/\s+/g, '');
    if (clean.length === 0 || clean.length % 2 !== 0 || !/^[0-9A-Fa-f]+$/.test(clean)) {
      return null;
    }
    var out = new Uint8Array(clean.length / 2);
    for (var i = 0; i < out.length; i++) {
      out[i] = parseInt(clean.substr(i * 2, 2), 16);
    }
    return out;
  }

  function showResult(result) {
    var box = $('result');
    var valid = result.status === 'VALID';
    box.className = valid ? 'flash' : 'flash bad';
    box.setAttribute('data-status', result.status);
    $('verdict').textContent = valid ? text('valid') : text('invalid', statusName(result.status));
    $('reason').textContent = text('reason.' + result.status);
    $('detail').textContent = result.detail || '';
    var list = $('fields');
    list.textContent = '';
    fieldsOf(result).forEach(function (field) {
      var dt = document.createElement('dt');
      dt.textContent = text('field.' + field[0]);
      var dd = document.createElement('dd');
      dd.className = 'verbatim';
      dd.id = 'field-' + field[0];
      dd.textContent = field[1];
      list.appendChild(dt);
      list.appendChild(dd);
    });
    box.hidden = false;
    box.focus();
  }

  function queue() {
    var q = read(STORE_QUEUE);
    return Array.isArray(q) ? q : [];
  }

  function renderQueue() {
    var body = $('queue');
    body.textContent = '';
    queue().forEach(function (c) {
      var tr = document.createElement('tr');
      [when(c.at), c.checkpoint, c.number, statusName(c.status), text('toRecord')].forEach(function (value) {
        var td = document.createElement('td');
        td.textContent = value || '';
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function hexOf(bytes) {
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
      out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return out;
  }

  var sending = false;

  /**
   * Sends queued crossings (with a checkpoint) to the server, which verifies each again and records it; sent ones
   * leave the queue. Needs the session the page was loaded with: when it has ended, the guard is asked to sign in.
   */
  function sendQueue() {
    var token = document.querySelector('input[name="_csrf"]');
    var pending = queue().filter(function (c) { return c.hex && c.checkpoint; });
    if (sending || !navigator.onLine || !token || pending.length === 0) {
      return Promise.resolve();
    }
    sending = true;
    var sent = 0;
    var refused = false;
    return pending.reduce(function (previous, crossing) {
      return previous.then(function () {
        if (refused) {
          return null;
        }
        return fetch(root.getAttribute('data-crossings'), {
          method: 'POST', credentials: 'same-origin', redirect: 'manual', cache: 'no-store',
          headers: {'Content-Type': 'application/json', 'X-CSRF-TOKEN': token.value},
          body: JSON.stringify({checkpoint: crossing.checkpoint, hex: crossing.hex, verifiedAt: crossing.at,
            offlineStatus: crossing.status})
        }).then(function (response) {
          if (response.ok) {
            write(STORE_QUEUE, queue().filter(function (c) { return c.at !== crossing.at || c.hex !== crossing.hex; }));
            sent++;
          } else if (response.status !== 400) {
            refused = true;
          }
        });
      });
    }, Promise.resolve()).catch(function () { /* network gone again: kept for next time */ }).then(function () {
      sending = false;
      renderQueue();
      var el = $('sent');
      el.textContent = refused ? text('signIn') : sent > 0 ? text('sent', sent) : '';
      el.hidden = el.textContent === '';
    });
  }

  function onVerify(event) {
    event.preventDefault();
    var seal = parseHex($('hex').value);
    if (seal === null) {
      $('result').hidden = true;
      showProblems([text('unreadable')]);
      return;
    }
    var keys = storedKeys();
    if (!keys) {
      $('result').hidden = true;
      showProblems([text('noKeys')]);
      return;
    }
    var list = storedList();
    verify(seal, keys.keys, list && list.list, new Date()).then(function (result) {
      showProblems([]);
      showResult(result);
      var q = queue();
      var checkpoint = $('checkpoint').value.trim();
      // The seal (the holder's name is in its MRZ) is kept only to be sent, so only when there is a checkpoint.
      q.push({at: new Date().toISOString(), checkpoint: checkpoint, hex: checkpoint ? hexOf(seal) : '',
        number: result.seal && result.seal.visa ? result.seal.visa.documentNumber : '', status: result.status});
      write(STORE_QUEUE, q);
      renderQueue();
      sendQueue();
    }).catch(function (e) {
      showProblems([e && e.message ? e.message : String(e)]);
    });
  }

  $('result').tabIndex = -1;
  $('offline-form').addEventListener('submit', onVerify);
  $('refresh').addEventListener('click', function () {
    refresh();
  });
  $('clear-queue').addEventListener('click', function () {
    write(STORE_QUEUE, []);
    renderQueue();
  });
  window.addEventListener('online', function () {
    refresh().then(sendQueue);
  });
  window.addEventListener('offline', showState);
  showState();
  showWorkerState();
  refresh().then(sendQueue).then(function () {
    root.setAttribute('data-loaded', 'true');
  });
}());
