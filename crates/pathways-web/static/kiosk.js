// The drop-in kiosk's offline queue (issue 20). Progressive enhancement only: without this script the form
// posts and the server answers as usual. With it, each sign-in carries a random client_ref (the server counts a
// client_ref once); when the tablet is offline the sign-in is kept in localStorage and sent when the browser is
// back online. Nothing leaves for another origin. A sign-in with a person's check-in code is never queued (the
// code is not kept on the tablet): offline, the code is cleared and the person asked to use their first name.
(function () {
  "use strict";
  var KEY = "pathways-kiosk-queue";
  var form = document.getElementById("kiosk-form");
  var status = document.getElementById("kiosk-queue");
  var script = document.currentScript;
  if (!form || !window.fetch || !window.localStorage) return;

  function queue() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function save(q) { localStorage.setItem(KEY, JSON.stringify(q)); show(q); }
  function show(q) {
    if (!status) return;
    status.hidden = q.length === 0;
    status.textContent = q.length ? (script && script.dataset.queued || "") + " " + q.length : "";
  }
  function ref() {
    var a = new Uint8Array(16);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function send(body) {
    return fetch("/kiosk", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: body
    }).then(function (r) {
      // A form problem (422) is not worth retrying: it will never be accepted.
      if (!r.ok && r.status !== 422) throw new Error("status " + r.status);
      return r;
    });
  }
  function flush() {
    var q = queue();
    if (!q.length || !navigator.onLine) return;
    var item = q[0];
    send(item).then(function () {
      var rest = queue().filter(function (x) { return x !== item; });
      save(rest);
      flush();
    }).catch(function () { show(queue()); });
  }

  form.addEventListener("submit", function (ev) {
    form.elements.client_ref.value = ref();
    if (navigator.onLine) return; // posts as usual; the client_ref makes a resend harmless
    ev.preventDefault();
    // A check-in code is a person's secret: it is never kept on the shared tablet. Offline, it is cleared and the
    // person is asked to sign in with a first name instead (or once the tablet is back online).
    var code = form.elements.code;
    if (code && code.value.trim()) {
      code.value = "";
      if (status && script) { status.hidden = false; status.textContent = script.dataset.codeOffline || ""; }
      return;
    }
    var body = new URLSearchParams(new FormData(form)).toString();
    var q = queue();
    q.push(body);
    save(q);
    form.reset();
    if (status && script) status.textContent = (script.dataset.offline || "") + " " + q.length;
  });
  window.addEventListener("online", flush);
  show(queue());
  flush();
})();
