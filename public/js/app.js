// Progressive enhancement only: every page works without this file.
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target && target.matches && target.matches('select[data-autosubmit]') && target.form) target.form.submit();
});
document.addEventListener('click', function (event) {
  var target = event.target.closest ? event.target.closest('[data-print]') : null;
  if (target) { event.preventDefault(); window.print(); }
});
