// The portal works without JavaScript. With it, a document over the upload limit is told before anything is sent,
// so what the volunteer typed stays in the form: the server cannot read a body over its multipart limit at all.
(function () {
  'use strict';
  document.querySelectorAll('form input[type=file][data-max-bytes]').forEach(function (input) {
    var form = input.form;
    var problem = document.getElementById(input.getAttribute('data-problem'));
    if (!form || !problem) {
      return;
    }
    var max = Number(input.getAttribute('data-max-bytes'));
    var title = document.title;
    function tooLarge() {
      return Array.prototype.some.call(input.files || [], function (f) { return f.size > max; });
    }
    function tell(show) {
      problem.hidden = !show;
      document.title = show ? problem.getAttribute('data-title') : title;
      input.setAttribute('aria-invalid', show ? 'true' : 'false');
      if (show) {
        problem.focus();
      }
    }
    input.addEventListener('change', function () { tell(tooLarge()); });
    form.addEventListener('submit', function (event) {
      if (tooLarge()) {
        event.preventDefault();
        tell(true);
      }
    });
  });
}());
