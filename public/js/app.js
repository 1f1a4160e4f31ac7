// Progressive enhancement only: every page works without this file.
// A select marked data-autosubmit submits its form when a choice is made with a pointer, or on Enter. An arrow key on a
// closed select changes its value at once: submitting then would leave the page under a keyboard user's feet (WCAG 3.2.2),
// so a value changed from the keyboard waits for Enter or the form's own button, as it does without JavaScript.
var isAutosubmit = function (el) { return !!(el && el.matches && el.matches('select[data-autosubmit]') && el.form); };
var keyedSelect = null;
document.addEventListener('keydown', function (event) {
  var target = event.target;
  if (!isAutosubmit(target)) return;
  if (event.key === 'Enter') { event.preventDefault(); target.form.submit(); return; }
  keyedSelect = target;
});
document.addEventListener('pointerdown', function () { keyedSelect = null; }, true);
document.addEventListener('change', function (event) {
  var target = event.target;
  if (isAutosubmit(target) && keyedSelect !== target) target.form.submit();
});
document.addEventListener('click', function (event) {
  var target = event.target.closest ? event.target.closest('[data-print]') : null;
  if (target) { event.preventDefault(); window.print(); }
});
// A Print button that only a script can work (no print view to link to) is rendered hidden and shown here: without
// JavaScript nobody meets a button that does nothing, and the browser's own Print prints the same sheet.
Array.prototype.forEach.call(document.querySelectorAll('button[data-print][hidden]'), function (button) { button.hidden = false; });
// A search box that narrows multi-selects as one types (data-filter-selects="id id"); chosen options always stay.
document.addEventListener('input', function (event) {
  var box = event.target;
  if (!box || !box.matches || !box.matches('input[data-filter-selects]')) return;
  var fold = function (text) { return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\u0131/g, 'i').replace(/\u0259/g, 'e').toLowerCase(); };
  var words = fold(box.value.trim()).split(/\s+/).filter(Boolean);
  box.getAttribute('data-filter-selects').split(' ').forEach(function (id) {
    var select = document.getElementById(id);
    if (!select) return;
    Array.prototype.forEach.call(select.options, function (option) {
      var text = option.getAttribute('data-search') || fold(option.textContent || '');
      option.hidden = !option.selected && !words.every(function (word) { return text.indexOf(word) >= 0; });
    });
  });
});
