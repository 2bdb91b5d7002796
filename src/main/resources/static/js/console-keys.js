// Keyboard shortcuts of the officers' console (progressive enhancement: without this file every link and button
// works as usual; the shortcuts are listed on the page in #shortcuts).
// Queue: j / k move to the next / previous case, o or Enter opens it, x ticks it for "start review", / finds a case.
// Case page: j / k open the next / previous case of the queue, a goes to the actions, u goes back to the queue.
(function () {
  'use strict';
  var main = document.getElementById('main');
  if (!main) { return; }
  var page = main.getAttribute('data-keys');

  function typing(target) {
    var tag = target && target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
  }

  function rows() { return Array.prototype.slice.call(document.querySelectorAll('tr.case-row')); }

  function current() {
    var all = rows();
    for (var i = 0; i < all.length; i++) {
      if (all[i].classList.contains('current')) { return i; }
    }
    return -1;
  }

  function select(index) {
    var all = rows();
    if (all.length === 0) { return; }
    index = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (r) { r.classList.remove('current'); r.removeAttribute('aria-current'); });
    var row = all[index];
    row.classList.add('current');
    row.setAttribute('aria-current', 'true');
    var link = row.querySelector('a.case-link');
    if (link) { link.focus(); }
  }

  function follow(selector) {
    var link = document.querySelector(selector);
    if (link) { window.location.assign(link.href); }
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var key = event.key;
    if (key === '?') {
      var help = document.getElementById('shortcuts');
      if (help) { help.open = !help.open; }
    } else if (page === 'queue' && (key === 'j' || key === 'ArrowDown' && event.shiftKey)) {
      select(current() + 1);
    } else if (page === 'queue' && (key === 'k' || key === 'ArrowUp' && event.shiftKey)) {
      select(current() < 0 ? 0 : current() - 1);
    } else if (page === 'queue' && key === 'o') {
      var i = current();
      if (i >= 0) { rows()[i].querySelector('a.case-link').click(); }
    } else if (page === 'queue' && key === 'x') {
      var j = current();
      var box = j >= 0 ? rows()[j].querySelector('input[type=checkbox]') : null;
      if (box && !box.disabled) { box.checked = !box.checked; }
    } else if (page === 'queue' && key === '/') {
      var q = document.getElementById('q');
      if (q) { q.focus(); }
    } else if (page === 'case' && key === 'j') {
      follow('a#next-case');
    } else if (page === 'case' && key === 'k') {
      follow('a#previous-case');
    } else if (page === 'case' && key === 'u') {
      follow('a#back-to-queue');
    } else if (page === 'case' && key === 'a') {
      var first = document.querySelector('#actions button, #actions select, #actions textarea, #actions input:not([type=hidden]), #actions a');
      if (first) { first.focus(); }
    } else {
      return;
    }
    event.preventDefault();
  });

  // a row clicked or focused by Tab becomes the current one, so j / k go on from there
  document.addEventListener('focusin', function (event) {
    var row = event.target.closest && event.target.closest('tr.case-row');
    if (row) {
      rows().forEach(function (r) { r.classList.remove('current'); r.removeAttribute('aria-current'); });
      row.classList.add('current');
      row.setAttribute('aria-current', 'true');
    }
  });
})();
