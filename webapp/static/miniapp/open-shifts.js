/* Open shifts: free places and colleagues' give-aways I may take. A tap takes one (or
   asks a manager where the object wants approval); a refusal is told above the list,
   which is redrawn from fresh data; a lost connection offers to try the take again. */
(function () {
  "use strict";
  const { t, el, api, messageOf, haptic, toast, show, start } = window.MiniApp;

  async function load() {
    const data = await api("/open-shifts");
    document.getElementById("open-shifts").replaceChildren(...data.items.map(row));
    show("open-shifts-empty", data.items.length === 0);
  }

  function takeButton(item) {
    return document.querySelector(`button[data-take="${item.kind}:${item.id}"]`);
  }

  function row(item) {
    const detail = item.kind === "offer" ? t("miniapp-open-from", { name: item.offered_by }) : item.occupancy;
    return el("li", { "data-kind": item.kind, "data-id": item.id, "data-date": item.date }, [
      el("span", {}, [
        el("strong", { text: item.date_label + " · " + item.time }), el("br"),
        el("span", { class: "sub", text: item.object + " · " + detail }),
        item.needs_approval ? el("span", { class: "sub approval", text: t("miniapp-open-approval") }) : null,
      ]),
      el("button", { type: "button", "data-take": item.kind + ":" + item.id, onclick: () => take(item),
        text: t(item.needs_approval ? "miniapp-open-ask" : "miniapp-open-take") }),
    ]);
  }

  // The reason of a refused take stays above the list; a lost connection adds "try again".
  function takeError(message, retry) {
    const node = document.getElementById("take-error");
    node.replaceChildren(el("span", { text: message || "" }));
    if (retry) {
      node.append(el("button", { type: "button", id: "take-retry", class: "link", text: t("miniapp-retry"),
        onclick: () => { haptic("light"); retry(); } }));
    }
    node.hidden = !message;
  }

  async function reload() {
    try {
      await load();
    } catch (error) {
      takeError(messageOf(error), () => { takeError(""); reload(); });
    }
  }

  async function take(item) {
    haptic("light");
    takeError("");
    const button = takeButton(item);
    if (button) button.disabled = true;
    const path = item.kind === "offer" ? "/open-shifts/offers/" : "/open-shifts/slots/";
    let result;
    try {
      result = await api(path + item.id + "/take", { method: "POST" });
    } catch (error) {
      haptic("error");
      if (button) button.disabled = false;
      if (error.status === 0) {
        takeError(messageOf(error), () => take(item));
        return;
      }
      takeError(messageOf(error));
      if (error.status === 409 || error.status === 404) await reload();
      return;
    }
    haptic("success");
    toast(result.message);
    await reload();
  }

  start(load);
})();
