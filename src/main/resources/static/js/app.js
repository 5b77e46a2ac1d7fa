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

  // <select data-scope-role> (the user forms, issue 15): only the scope field of the chosen role shows
  // (<div data-scope-for="ROLE">); the others are hidden. Without script they all show, the server reads the one.
  function showScope(select) {
    var form = select.form || document;
    form.querySelectorAll('[data-scope-for]').forEach(function (field) {
      field.hidden = field.getAttribute('data-scope-for') !== select.value;
    });
  }
  document.addEventListener('change', function (event) {
    if (event.target instanceof HTMLSelectElement && event.target.hasAttribute('data-scope-role')) {
      showScope(event.target);
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-scope-role]').forEach(showScope);
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

// --- Issue 15 fixes, API clients (i15-fix-clients) ---
// <button class="copy" data-copy="id">: copies the text of the element with that id (a credential shown once) and
// says so on the button for a moment. No inline script (CSP).
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      var label = button.textContent;
      button.textContent = button.getAttribute('data-copied') || label;
      window.setTimeout(function () { button.textContent = label; }, 2000);
    });
  });
})();
