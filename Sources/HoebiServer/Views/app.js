document.querySelectorAll('[data-copy]').forEach(function (b) {
  b.addEventListener('click', function () {
    var el = document.getElementById(b.dataset.copy);
    var done = function () { var m = document.getElementById('copied'); if (m) { m.hidden = false; } b.textContent = '복사했습니다'; };
    if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(el.value).then(done); }
    else { el.select(); document.execCommand('copy'); done(); }
  });
});
var up = document.getElementById('upload');
if (up) {
  up.addEventListener('submit', function (e) {
    e.preventDefault();
    var file = up.querySelector('input[type=file]').files[0];
    if (!file) { return; }
    var xhr = new XMLHttpRequest(), bar = document.getElementById('progress'), out = document.getElementById('result');
    xhr.open('POST', '/g/' + encodeURIComponent(up.dataset.group) + '/upload');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-CSRF-Token', up.dataset.csrf);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    var pw = up.querySelector('input[name=password]').value;
    if (pw) { xhr.setRequestHeader('X-Statement-Password', encodeURIComponent(pw)); }
    bar.hidden = false; bar.value = 0; out.textContent = '올리는 중…';
    xhr.upload.onprogress = function (p) { if (p.lengthComputable) { bar.value = 100 * p.loaded / p.total; } };
    xhr.onload = function () {
      bar.value = 100;
      try { var r = JSON.parse(xhr.responseText); out.textContent = r.message || r.error; out.className = xhr.status < 300 ? '' : 'error'; }
      catch (x) { out.textContent = xhr.status + ' ' + xhr.statusText; out.className = 'error'; }
    };
    xhr.onerror = function () { out.textContent = '서버에 닿지 못했습니다'; out.className = 'error'; };
    xhr.send(file);
  });
}
