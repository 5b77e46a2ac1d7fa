// Behaviour that pages declare with data attributes, so that no page needs inline script
// (Content-Security-Policy: script-src 'self').
(function () {
  'use strict';

  // <select data-autosubmit>: choosing an option submits its form.
  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute('data-autosubmit') && target.form) {
      target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
    }
  });

  // hx-get on an element with data-hx-param="name": the request also carries its value as "name".
  document.addEventListener('htmx:configRequest', function (event) {
    var elt = event.detail.elt;
    var name = elt && elt.getAttribute && elt.getAttribute('data-hx-param');
    if (name) {
      event.detail.parameters[name] = elt.value;
    }
  });
})();
