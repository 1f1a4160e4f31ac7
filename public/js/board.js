// The availability board's people search, enhanced: matches appear as one
// types (GET …/board/people?q=, the same folding as the server's search) and
// "Add" ticks the person into the shown list. Without this file the Search
// button submits the form, which comes back with the matches to tick.
(function () {
  'use strict';
  var form = document.querySelector('[data-board-form]');
  var personTemplate = document.getElementById('board-person-template');
  var matchTemplate = document.getElementById('board-match-template');
  if (!form || !personTemplate || !matchTemplate || !('content' in personTemplate) || !window.fetch) return;
  var input = form.querySelector('[data-board-search]');
  var matches = form.querySelector('[data-board-matches]');
  var chosen = form.querySelector('[data-board-chosen]');
  var endpoint = form.getAttribute('data-board-form');
  var asked = 0;
  var timer = null;
  // The words it adds to the page, in the page's language (data-no-match, data-more, data-add on the form; {q}, {count}, {name} filled here).
  var words = {
    noMatch: form.getAttribute('data-no-match') || 'Nobody else matches “{q}”.',
    more: form.getAttribute('data-more') || '{count} more: type more of the name.',
    add: form.getAttribute('data-add') || 'Add {name}',
  };

  function isChosen(id) {
    return !!chosen.querySelector('input[name="person"][value="' + id + '"]');
  }

  function choose(person) {
    var none = chosen.querySelector('[data-board-none]');
    if (none) none.remove();
    var existing = chosen.querySelector('input[name="person"][value="' + person.id + '"]');
    if (existing) { existing.checked = true; return; }
    var item = document.importNode(personTemplate.content, true).querySelector('li');
    var box = item.querySelector('input');
    box.value = String(person.id);
    item.querySelector('[data-label]').textContent = person.label;
    chosen.appendChild(item);
  }

  function say(text, className) {
    var li = document.createElement('li');
    li.className = className;
    li.textContent = text;
    matches.appendChild(li);
  }

  function show(answer, q) {
    matches.textContent = '';
    var people = answer.people.filter(function (p) { return !isChosen(p.id); });
    if (!people.length) { say(words.noMatch.replace('{q}', q), 'empty'); return; }
    people.forEach(function (person) {
      var item = document.importNode(matchTemplate.content, true).querySelector('li');
      item.querySelector('[data-label]').textContent = person.label;
      var button = item.querySelector('[data-add-person]');
      button.setAttribute('aria-label', words.add.replace('{name}', person.label));
      button.addEventListener('click', function () {
        choose(person);
        item.remove();
        input.focus();
      });
      matches.appendChild(item);
    });
    if (answer.more) say(words.more.replace('{count}', String(answer.more)), 'muted');
  }

  function search() {
    var q = input.value.trim();
    var mine = ++asked;
    if (!q) { matches.textContent = ''; return; }
    fetch(endpoint + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) { if (!res.ok) throw new Error(String(res.status)); return res.json(); })
      .then(function (answer) { if (mine === asked) show(answer, q); })
      .catch(function () { /* the Search button still works without this */ });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { event.preventDefault(); search(); }
  });
  form.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[name="search"]') : null;
    if (button) { event.preventDefault(); search(); }
  });
})();
