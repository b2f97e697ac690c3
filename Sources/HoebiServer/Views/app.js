// Words come from the page (data-…), so the script speaks the dashboard's language.
document.querySelectorAll('[data-copy]').forEach(function (b) {
  b.addEventListener('click', function () {
    var el = document.getElementById(b.dataset.copy);
    var done = function () { var m = document.getElementById('copied'); if (m) { m.hidden = false; } if (b.dataset.done) { b.textContent = b.dataset.done; } };
    if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(el.value).then(done); }
    else { el.select(); document.execCommand('copy'); done(); }
  });
});
// A text box as tall as its text, so no line of the notice hides below the fold of the box.
document.querySelectorAll('textarea[data-autosize]').forEach(function (t) {
  var fit = function () { t.style.height = 'auto'; t.style.height = (t.scrollHeight + 2) + 'px'; };
  fit(); window.addEventListener('resize', fit);
});
// The phone's share sheet (KakaoTalk appears there), where the browser has one; copy stays the fallback.
document.querySelectorAll('[data-share]').forEach(function (b) {
  if (!navigator.share) { return; }
  b.hidden = false;
  b.addEventListener('click', function () {
    navigator.share({ text: document.getElementById(b.dataset.share).value }).catch(function () {});
  });
});
var up = document.getElementById('upload');
if (up) {
  up.addEventListener('submit', function (e) {
    e.preventDefault();
    var file = up.querySelector('input[type=file]').files[0];
    if (!file) { return; }
    var xhr = new XMLHttpRequest(), bar = document.getElementById('progress'), out = document.getElementById('result');
    var review = document.getElementById('to-review'), runs = document.getElementById('to-runs'), next = document.getElementById('next');
    xhr.open('POST', '/g/' + encodeURIComponent(up.dataset.group) + '/upload');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-CSRF-Token', up.dataset.csrf);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    var pw = up.querySelector('input[name=password]').value;
    if (pw) { xhr.setRequestHeader('X-Statement-Password', encodeURIComponent(pw)); }
    bar.hidden = false; bar.value = 0; out.textContent = up.dataset.sending; next.hidden = true;
    xhr.upload.onprogress = function (p) { if (p.lengthComputable) { bar.value = 100 * p.loaded / p.total; } };
    xhr.onload = function () {
      bar.value = 100;
      try {
        var r = JSON.parse(xhr.responseText);
        out.textContent = r.message || r.error; out.className = 'result' + (xhr.status < 300 ? '' : ' error');
        var asked = r.match ? r.match.review : 0;
        review.hidden = !(xhr.status < 300 && asked > 0);
        review.textContent = up.dataset.review.replace('{1}', asked);
        runs.hidden = !(xhr.status < 300 && r.new > 0);
        runs.textContent = up.dataset.revert;
        review.parentElement.hidden = review.hidden; runs.parentElement.hidden = runs.hidden;
        next.hidden = review.hidden && runs.hidden;
      } catch (x) { out.textContent = xhr.status + ' ' + xhr.statusText; out.className = 'result error'; }
    };
    xhr.onerror = function () { out.textContent = up.dataset.unreachable; out.className = 'result error'; };
    xhr.send(file);
  });
}
