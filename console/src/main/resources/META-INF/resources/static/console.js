// Partial updates for forms marked data-partial: progressive enhancement only. Without this file every such form still
// posts and the server answers with a redirect (or the page re-rendered with the refusal). With it, the form posts
// through fetch with the same fields (the CSRF field included) and the header WEM-Partial; the server then answers
// with only the page's #region, rendered by the same template, and this script swaps it in: the current state with
// what was done, or with the service's reason for refusing (what was typed is put back). Either outcome is read out
// through the live region #announce.
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

  // What the person typed into the form, by field id: a refusal re-renders the region, and the words should survive.
  function typed(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.id && (field.tagName === 'TEXTAREA' || (field.tagName === 'INPUT' && field.type !== 'hidden'))) {
        values[field.id] = field.value;
      }
    });
    return values;
  }

  // The region as the server now renders it: the service's current state, with what was done or why it was refused.
  function apply(form, ok, html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(REGION);
    if (!fresh) {
      throw new Error('no region in the answer');
    }
    var kept = ok ? {} : typed(form);
    var inRegion = document.getElementById(REGION).contains(form);
    removeOutcomes();
    document.getElementById(REGION).replaceWith(document.adoptNode(fresh));
    Object.keys(kept).forEach(function (id) {
      var field = document.getElementById(id);
      if (field && fresh.contains(field) && !field.value) {
        field.value = kept[id];
      }
    });
    if (ok && !inRegion) {
      form.reset();
    }
    var message = document.getElementById(ok ? 'done' : 'refused');
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
