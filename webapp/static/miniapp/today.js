/* Today: per object, each planned shift of the day with its state, and spontaneous
   shifts; "✉️" opens a chat with the employee. Actions live in the bot's "📋 Today". */
(function () {
  "use strict";
  const { t, el, api, run, haptic, show, start } = window.MiniApp;

  async function load() {
    const data = await api("/today");
    const container = document.getElementById("today");
    container.replaceChildren(...data.objects.map((object) => el("section", { "data-object-id": object.id }, [
      el("h2", { text: object.name }),
      el("ul", { class: "rows" }, object.rows.length ? object.rows.map((row) =>
        el("li", { "data-row": row.key, "data-state": row.state }, [
          el("span", { text: row.text }),
          el("a", { class: "link", href: row.message_url, text: t("miniapp-today-message") }),
        ])) : [el("li", { class: "muted", text: t("miniapp-today-nothing") })]),
    ])));
    show("today-empty", data.objects.length === 0);
  }

  document.getElementById("refresh").addEventListener("click", () => { haptic("light"); run(load); });
  start(load);
})();
