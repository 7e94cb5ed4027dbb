// Partial updates for forms marked data-partial: progressive enhancement only. Without this file every such form still
// posts and the server answers with a redirect (or the page re-rendered with the refusal). With it, the form posts
// through fetch with the same fields (the CSRF field included) and the header WEM-Partial; the server then answers
// with only the page's #region, rendered by the same template, and this script swaps it in. A refusal is shown in
// place, above the form that caused it, so what was typed stays. Either outcome is read out through #announce.
(function () {
  'use strict';

  var HEADER = 'WEM-Partial';
  var REGION = 'region';

  function announce(text) {
    var live = document.getElementById('announce');
    if (!live) {
      return;
    }
    // Emptied first: the same words twice in a row would otherwise not be read again.
    live.textContent = '';
    window.setTimeout(function () { live.textContent = text.replace(/\s+/g, ' ').trim(); }, 50);
  }

  // Keyboard users whose button was swapped away would land on <body>; put them on the outcome instead.
  function keepFocus(message) {
    if (message && (document.activeElement === null || document.activeElement === document.body
        || !document.body.contains(document.activeElement))) {
      message.setAttribute('tabindex', '-1');
      message.focus();
    }
  }

  function removeOutcomes() {
    ['refused', 'done'].forEach(function (id) {
      var old = document.getElementById(id);
      if (old) {
        old.remove();
      }
    });
  }

  function apply(form, ok, html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html');
    var message;
    if (ok) {
      var region = fresh.getElementById(REGION);
      document.getElementById(REGION).replaceWith(document.adoptNode(region));
      if (document.body.contains(form)) {
        form.reset();
      }
      message = document.getElementById('done');
    } else {
      var refused = fresh.getElementById('refused');
      if (!refused) {
        throw new Error('a refusal without its reason');
      }
      removeOutcomes();
      message = document.adoptNode(refused);
      form.before(message);
    }
    if (message) {
      announce(message.textContent);
      keepFocus(message);
    }
  }

  // Anything unexpected (network, an expired session's redirect, not a fragment): the plain form post, as without JS.
  function plain(form, submitter) {
    form.setAttribute('data-plain', '');
    form.removeAttribute('aria-busy');
    if (submitter) {
      form.requestSubmit(submitter);
    } else {
      form.requestSubmit();
    }
  }

  // Whether the action happened is not known: say so in place, and do not send it again.
  function unknown(form, what) {
    removeOutcomes();
    var message = document.createElement('div');
    message.className = 'error';
    message.id = 'refused';
    message.setAttribute('role', 'alert');
    message.textContent = what + ' Reload the page to see whether this was done.';
    form.before(message);
    announce(message.textContent);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-partial') || form.hasAttribute('data-plain')
        || !document.getElementById(REGION) || typeof window.fetch !== 'function') {
      return;
    }
    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') {
      return;
    }
    var submitter = event.submitter || null;
    var fields = new FormData(form);
    if (submitter && submitter.name) {
      fields.append(submitter.name, submitter.value);
    }
    form.setAttribute('aria-busy', 'true');
    var headers = {};
    headers[HEADER] = REGION;
    window.fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: headers,
      credentials: 'same-origin',
      redirect: 'manual'
    }).then(function (response) {
      // A redirect is the sign-in asked for again (the session expired) before the action ran: the plain post does
      // it the way it works without this script.
      if (response.type === 'opaqueredirect') {
        plain(form, submitter);
        return undefined;
      }
      var type = response.headers.get('Content-Type') || '';
      if (type.indexOf('text/html') !== 0 || response.headers.get(HEADER) !== REGION) {
        form.removeAttribute('aria-busy');
        unknown(form, 'The console answered ' + response.status + ' without the page.');
        return undefined;
      }
      return response.text().then(function (html) {
        form.removeAttribute('aria-busy');
        try {
          apply(form, response.ok, html);
        } catch (e) {
          // The action was answered; only the swap failed. Reloading shows its outcome without repeating it.
          window.location.reload();
        }
      });
    }).catch(function () {
      // The console did not answer: the action may or may not have reached it, so it is not sent again.
      form.removeAttribute('aria-busy');
      unknown(form, 'The console could not be reached.');
    });
  });
}());
