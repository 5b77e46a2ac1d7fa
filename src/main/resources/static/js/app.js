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

// --- Issue 16, accessibility (i16-axe) ---
// A table that scrolls sideways inside itself (on a phone app.css lets a wide table scroll) can be reached and
// scrolled with the keyboard: it takes focus (tabindex="0") while it is wider than its box, and not otherwise.
(function () {
  'use strict';
  function markScrollers() {
    document.querySelectorAll('main table, .table-scroll').forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute('tabindex')) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('data-scroll-focus', '');
      } else if (!scrolls && box.hasAttribute('data-scroll-focus')) {
        box.removeAttribute('tabindex');
        box.removeAttribute('data-scroll-focus');
      }
    });
  }
  document.addEventListener('DOMContentLoaded', markScrollers);
  window.addEventListener('resize', markScrollers);
  document.addEventListener('htmx:afterSettle', markScrollers);
})();
// --- end i16-axe ---

// --- Issue 16, forms (i16-forms) ---
// A form with errors opens with its error summary (GOV.UK pattern): focus moves to the summary, so a screen
// reader reads it first; each link in it moves focus to its field. Also for a form swapped in by htmx.
(function () {
  'use strict';
  function focusSummary(root) {
    var summary = (root || document).querySelector('[data-error-summary]');
    if (summary) {
      summary.focus();
    }
  }
  document.addEventListener('DOMContentLoaded', function () { focusSummary(document); });
  document.addEventListener('htmx:afterSettle', function (event) { focusSummary(event.target); });
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-error-summary] a[href^="#"]');
    if (!link) {
      return;
    }
    var field = document.getElementById(decodeURIComponent(link.getAttribute('href').substring(1)));
    if (field) {
      event.preventDefault();
      field.scrollIntoView({ block: 'center' });
      field.focus();
    }
  });
})();
// --- end i16-forms ---
// --- Issue 16 item 3, searchable pickers (i16-pickers) ---
// fragments/picker.html: an ARIA combobox (input[data-picker-input]) whose listbox htmx fills from /pickers/{kind}.
// Arrows move through the matches, Enter chooses (the id goes in the hidden input[data-picker-value], which then
// fires "change"), Escape closes. Typing clears the choice until a match is chosen. No inline script (CSP).
(function () {
  'use strict';
  function parts(input) {
    var box = input.closest('[data-picker]');
    return { input: input, box: box, list: document.getElementById(input.getAttribute('aria-controls')),
             value: box && box.querySelector('[data-picker-value]') };
  }
  function options(p) {
    return p.list ? Array.prototype.slice.call(p.list.querySelectorAll('[role=option][data-value]')) : [];
  }
  function open(p, yes) {
    if (!p.list) { return; }
    p.list.hidden = !yes;
    p.input.setAttribute('aria-expanded', yes ? 'true' : 'false');
    if (!yes) { p.input.removeAttribute('aria-activedescendant'); }
  }
  function activate(p, opt) {
    options(p).forEach(function (o) {
      o.setAttribute('aria-selected', o === opt ? 'true' : 'false');
      o.classList.toggle('active', o === opt);
    });
    if (opt) {
      p.input.setAttribute('aria-activedescendant', opt.id);
      opt.scrollIntoView({ block: 'nearest' });
    }
  }
  function choose(p, opt) {
    if (multi(p)) { addChip(p, opt); return; }
    if (p.value) {
      p.value.value = opt.getAttribute('data-value');
      p.value.dispatchEvent(new Event('change', { bubbles: true }));
    }
    p.input.value = opt.getAttribute('data-name');
    open(p, false);
  }
  // i16-fixa (review 16 finding 5): a multi-choice picker adds each chosen match as a checked checkbox chip
  function multi(p) { return p.box && p.box.hasAttribute('data-picker-multi'); }
  function addChip(p, opt) {
    var field = p.box.getAttribute('data-picker-field');
    var chips = document.getElementById(field + '-chips');
    var value = opt.getAttribute('data-value');
    var present = Array.prototype.some.call(chips.querySelectorAll('input[type=checkbox]'),
      function (c) { return c.value === value; });
    if (!present) {
      var label = document.createElement('label');
      label.className = 'picker-chip';
      var box = document.createElement('input');
      box.type = 'checkbox'; box.name = field; box.value = value; box.checked = true;
      var name = document.createElement('span');
      name.textContent = opt.getAttribute('data-name');
      label.appendChild(box); label.appendChild(document.createTextNode(' ')); label.appendChild(name);
      chips.appendChild(label);
    }
    p.input.value = '';
    open(p, false);
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-picker] .picker-search').forEach(function (b) {
      // removed, not hidden: else it would stay the form's default button for Enter in any other field
      var box = b.closest('[data-picker]');
      if (box.querySelector('[data-picker-value]') || box.hasAttribute('data-picker-multi')) { b.remove(); }
    });
  });
  document.addEventListener('keydown', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('[data-picker-input]')) { return; }
    var p = parts(input);
    var all = options(p);
    var current = all.indexOf(p.list && p.list.querySelector('[aria-selected=true]'));
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!all.length) { return; }
      open(p, true);
      var next = event.key === 'ArrowDown' ? Math.min(current + 1, all.length - 1) : Math.max(current - 1, 0);
      activate(p, all[next]);
    } else if (event.key === 'Enter') {
      if (p.value || multi(p)) { event.preventDefault(); }
      if (current >= 0 && !p.list.hidden) { choose(p, all[current]); }
    } else if (event.key === 'Escape') {
      if (p.list && !p.list.hidden) { event.preventDefault(); open(p, false); }
    }
  });
  document.addEventListener('input', function (event) {
    if (event.target.matches && event.target.matches('[data-picker-input]')) {
      var p = parts(event.target);
      if (p.value) { p.value.value = ''; }
    }
  });
  document.addEventListener('mousedown', function (event) {
    var opt = event.target.closest && event.target.closest('.picker-list [role=option][data-value]');
    if (!opt) { return; }
    event.preventDefault();
    var input = document.querySelector('[aria-controls="' + opt.parentNode.id + '"]');
    if (input) { choose(parts(input), opt); }
  });
  document.addEventListener('focusout', function (event) {
    if (event.target.matches && event.target.matches('[data-picker-input]')) {
      open(parts(event.target), false);
    }
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    var list = event.detail.target;
    if (!list || !list.matches || !list.matches('.picker-list')) { return; }
    var input = document.querySelector('[aria-controls="' + list.id + '"]');
    if (input) { open(parts(input), document.activeElement === input && list.children.length > 0); }
  });
})();

// --- Review 16 (i16-fixc): the phone menu ---
// <button id="menu-toggle" hidden aria-controls="mainnav">: with script, below 800 px (CSS) the main menu folds
// behind it and the button opens and closes it (aria-expanded); without script the button stays hidden and the
// menu shows.
(function () {
  'use strict';
  function setUp() {
    var button = document.getElementById('menu-toggle');
    var header = button && button.closest('.topbar');
    if (!header) {
      return;
    }
    header.classList.add('menu-js');
    button.hidden = false;
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      header.classList.toggle('menu-open', open);
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
})();
