// The change notice: follows /forums/:id/changes?since=VERSION (server-sent events) and, when others
// have changed the programme since this page was rendered, says how often, with a link to reload.
// It never reloads by itself. Without EventSource (or JavaScript) the page is as it was.
(function () {
  'use strict';
  var box = document.querySelector('[data-change-stream]');
  if (!box || typeof window.EventSource !== 'function') return;
  var count = box.querySelector('[data-change-count]');
  var reload = box.querySelector('[data-change-reload]');
  var source = new EventSource(box.getAttribute('data-change-stream'));
  reload.setAttribute('href', window.location.href);
  // The page gives the sentence per plural category of its language, each rendered for a sample count.
  var SAMPLE = { one: '1', few: '2', many: '5', other: '2' };
  var lang = document.documentElement.lang || 'en';
  var intl = typeof Intl === 'object' && Intl.PluralRules && Intl.NumberFormat;
  var rules = intl ? new Intl.PluralRules(lang) : null;
  var digits = intl ? new Intl.NumberFormat(lang) : null;
  function sentence(n) {
    var category = rules ? rules.select(n) : n === 1 ? 'one' : 'other';
    if (!box.hasAttribute('data-count-' + category)) category = 'other';
    return box.getAttribute('data-count-' + category).replace(SAMPLE[category], digits ? digits.format(n) : String(n));
  }
  source.addEventListener('changes', function (event) {
    var n = 0;
    try {
      n = JSON.parse(event.data).count;
    } catch (e) {
      return;
    }
    if (!n) {
      box.hidden = true;
      return;
    }
    count.textContent = sentence(n);
    box.hidden = false;
  });
  window.addEventListener('pagehide', function () {
    source.close();
  });
})();
