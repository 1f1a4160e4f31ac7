// Progressive enhancement: the import form works by pasting the calendar; with JavaScript a chosen .ics file fills the
// text field (read in the browser, so nothing but the form's own fields is posted).
Array.prototype.forEach.call(document.querySelectorAll('[data-calendar-file][hidden]'), function (box) { box.hidden = false; });
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input || !input.matches || !input.matches('input[type=file][data-fills]') || !input.files || !input.files[0]) return;
  var target = document.getElementById(input.getAttribute('data-fills'));
  if (!target) return;
  var reader = new FileReader();
  reader.onload = function () { target.value = String(reader.result || ''); };
  reader.readAsText(input.files[0]);
});
