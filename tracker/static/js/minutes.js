// The minutes editor: a live, server-rendered preview, and a size check before uploading.
(function () {
  "use strict";
  var form = document.querySelector("form[data-preview-url]");
  if (!form) { return; }
  var textarea = form.querySelector("textarea[name=source]");
  var preview = document.getElementById("preview");
  var token = form.querySelector("input[name=csrf_token]").value;
  var timer = null;

  function update() {
    var body = new FormData();
    body.append("source", textarea.value);
    fetch(form.dataset.previewUrl, {
      method: "POST", body: body, credentials: "same-origin", headers: { "X-CSRFToken": token }
    }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html !== null) { preview.innerHTML = html; }
    }).catch(function () { /* the preview is a convenience; saving still works */ });
  }

  textarea.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 400);
  });

  var upload = form.querySelector("input[type=file][data-max-bytes]");
  if (upload) {
    upload.addEventListener("change", function () {
      var file = upload.files[0];
      var limit = Number(upload.dataset.maxBytes);
      upload.setCustomValidity(file && file.size > limit ? upload.dataset.tooLarge : "");
      upload.reportValidity();
    });
  }
})();
