// The meeting form's participants, enhanced: rows added in place, a live
// search over the contact book. Without this file the same buttons submit
// the form, which comes back with the row or the matches and nothing saved.
(function () {
  'use strict';
  var box = document.querySelector('[data-participants]');
  var rowTemplate = document.getElementById('participant-row-template');
  var matchTemplate = document.getElementById('person-match-template');
  if (!box || !rowTemplate || !matchTemplate || !('content' in rowTemplate)) return;
  var rows = box.querySelector('[data-participant-rows]');
  var input = box.querySelector('[data-person-search-input]');
  var list = box.querySelector('[data-person-matches]');
  var people = Array.prototype.slice.call(rowTemplate.content.querySelectorAll('option[data-search]'));
  var LIMIT = 20;

  // The page's words for what this script writes (data-text-* on the fieldset), with {n}, {q} or {count} to fill.
  function text(name, fill) {
    var said = box.getAttribute('data-text-' + name) || '';
    Object.keys(fill).forEach(function (k) { said = said.split('{' + k + '}').join(String(fill[k])); });
    return said;
  }

  // The same folding as the server's list search (src/web/list-query.ts): case, accents, ı and ə.
  function fold(text) {
    return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').replace(/ə/g, 'e').toLocaleLowerCase('en');
  }

  function roleLabel(role) {
    var option = rowTemplate.content.querySelector('select[name="participantRole"] option[value="' + role + '"]');
    return option ? option.textContent : role;
  }

  function addRow() {
    var index = rows.querySelectorAll('tr').length;
    var row = document.importNode(rowTemplate.content, true).querySelector('tr');
    var selects = row.querySelectorAll('select');
    var labels = row.querySelectorAll('label');
    selects[0].id = 'p-' + index;
    selects[1].id = 'pr-' + index;
    labels[0].htmlFor = selects[0].id;
    labels[0].textContent = text('participant', { n: index + 1 });
    labels[1].htmlFor = selects[1].id;
    labels[1].textContent = text('role', { n: index + 1 });
    selects[1].value = 'required';
    rows.appendChild(row);
    return row;
  }

  function emptyRow() {
    var selects = rows.querySelectorAll('select[name="participantId"]');
    for (var i = 0; i < selects.length; i++) if (selects[i].value === '') return selects[i].closest('tr');
    return addRow();
  }

  function rowOf(personId) {
    var selects = rows.querySelectorAll('select[name="participantId"]');
    for (var i = 0; i < selects.length; i++) if (selects[i].value === personId) return selects[i].closest('tr');
    return null;
  }

  function addPerson(option) {
    var row = rowOf(option.value) || emptyRow();
    var person = row.querySelector('select[name="participantId"]');
    var role = row.querySelector('select[name="participantRole"]');
    if (person.value !== option.value) {
      person.value = option.value;
      role.value = option.getAttribute('data-role') || 'required';
    }
    person.focus();
  }

  function search() {
    var words = fold(input.value.trim()).split(/\s+/).filter(Boolean);
    list.textContent = '';
    if (!words.length) return;
    var found = people.filter(function (option) {
      var haystack = option.getAttribute('data-search');
      return words.every(function (w) { return haystack.indexOf(w) >= 0; });
    });
    if (!found.length) {
      var none = document.createElement('li');
      none.className = 'empty';
      none.textContent = text('nobody', { q: input.value.trim() });
      list.appendChild(none);
      return;
    }
    found.slice(0, LIMIT).forEach(function (option) {
      var item = document.importNode(matchTemplate.content, true).querySelector('li');
      item.querySelector('[data-label]').textContent = option.textContent;
      item.querySelector('[data-role-label]').textContent = '(' + roleLabel(option.getAttribute('data-role')) + ')';
      item.querySelector('[data-add-person]').addEventListener('click', function () { addPerson(option); });
      list.appendChild(item);
    });
    if (found.length > LIMIT) {
      var more = document.createElement('li');
      more.className = 'muted';
      more.textContent = text('more', { count: found.length - LIMIT });
      list.appendChild(more);
    }
  }

  box.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[type="submit"]') : null;
    if (!button) return;
    if (button.hasAttribute('data-add-row')) {
      event.preventDefault();
      addRow().querySelector('select').focus();
    } else if (button.name === 'formStep' && button.value === 'search') {
      event.preventDefault();
      search();
    } else if (button.name === 'addPerson') {
      event.preventDefault();
      var option = people.filter(function (o) { return o.value === button.value; })[0];
      if (option) addPerson(option);
    }
  });
  input.addEventListener('input', search);
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  });
  // A person picked from a row's own list gets the role their place gives them, unless the role was already chosen.
  rows.addEventListener('change', function (event) {
    var target = event.target;
    var row = target.closest('tr');
    if (!row) return;
    var role = row.querySelector('select[name="participantRole"]');
    if (target === role) role.setAttribute('data-chosen', '');
    else if (target.name === 'participantId' && !role.hasAttribute('data-chosen')) {
      var option = people.filter(function (o) { return o.value === target.value; })[0];
      if (option) role.value = option.getAttribute('data-role') || 'required';
    }
  });
})();
