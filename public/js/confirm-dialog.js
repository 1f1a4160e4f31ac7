// A confirmation as a dialog on the same page. Without this file the link
// opens the confirmation page, which says the same and posts the same form.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var opener = event.target.closest ? event.target.closest('[data-open-dialog]') : null;
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute('data-open-dialog'));
      if (!dialog || typeof dialog.showModal !== 'function') return;
      event.preventDefault();
      dialog.showModal();
      return;
    }
    var closer = event.target.closest ? event.target.closest('dialog [data-close-dialog]') : null;
    if (closer) {
      event.preventDefault();
      closer.closest('dialog').close();
    }
  });
})();
