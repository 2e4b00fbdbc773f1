/* The media viewer: the proof of one task (`?task=<id>`, or a `task_<id>` start
   parameter). The page first exchanges its initData for a media session cookie, so that
   the <img> and <video> tags can load the files from /api/media. */
(function () {
  "use strict";
  const { tg, t, el, call, api, show, start, params } = window.MiniApp;

  function taskId() {
    const startParam = (tg && tg.initDataUnsafe && tg.initDataUnsafe.start_param) || "";
    const raw = params.get("task") || startParam.replace(/^task_/, "");
    return /^\d+$/.test(raw) ? raw : null;
  }

  // The cookie the <img> and <video> tags then send (fetch keeps same-origin cookies).
  function openMediaSession() {
    return call("/api/media/session", { method: "POST" });
  }

  function fileNode(file) {
    if (file.type === "photo") {
      return el("img", { src: file.url, alt: t("miniapp-proofs-photo"), loading: "lazy" });
    }
    if (file.type === "video") {
      return el("video", { src: file.url, controls: true, preload: "metadata", playsinline: true });
    }
    return el("a", { href: file.url, text: t("miniapp-proofs-file") });
  }

  async function load() {
    const id = taskId();
    if (id === null) throw new Error(t("miniapp-proofs-no-task"));
    await openMediaSession();
    const proof = await api("/tasks/" + id + "/proofs");
    document.getElementById("proof-task").textContent = proof.task;
    document.getElementById("proof-meta").textContent =
      [proof.employee, proof.object, proof.done_at].filter(Boolean).join(" · ");
    document.getElementById("proof-comment").textContent = proof.comment;
    const rejected = document.getElementById("proof-rejected");
    rejected.textContent = t("miniapp-proofs-rejected") + " " + proof.rejection_comment;
    rejected.hidden = !proof.rejected;
    document.getElementById("files").replaceChildren(...proof.files.map(fileNode));
    show("files-empty", proof.files.length === 0);
    show("proof", true);
  }

  start(load);
})();
