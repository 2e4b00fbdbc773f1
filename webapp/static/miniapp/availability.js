/* My availability: each weekday with its kind and hours, saved one weekday at a time. */
(function () {
  "use strict";
  const { t, el, api, haptic, toast, start, messageOf } = window.MiniApp;
  const KINDS = ["none", "available", "preferred", "unavailable"];

  function row(day) {
    const kind = el("select", { "data-weekday": day.weekday, "aria-label": day.name },
      KINDS.map((value) => el("option", { value, selected: value === day.kind, text: t("miniapp-availability-" + value) })));
    const from = el("input", { type: "time", value: day.start, "aria-label": t("miniapp-availability-from") });
    const to = el("input", { type: "time", value: day.end, "aria-label": t("miniapp-availability-to") });
    const save = el("button", { type: "button", text: t("miniapp-availability-save"), onclick: async () => {
      const body = { kind: kind.value };
      if (from.value && to.value && kind.value !== "unavailable" && kind.value !== "none") {
        body.start = from.value;
        body.end = to.value;
      }
      try {
        await api("/availability/weekdays/" + day.weekday, { method: "POST", body });
      } catch (error) {
        haptic("error");
        toast(messageOf(error));
        return;
      }
      haptic("success");
      toast(t("miniapp-availability-saved", { name: day.name }));
    } });
    return el("li", {}, [el("strong", { text: day.name }), kind, from, to, save]);
  }

  async function load() {
    const data = await api("/availability");
    document.getElementById("weekdays").replaceChildren(...data.weekdays.map(row));
    document.getElementById("availability").hidden = false;
  }

  start(load);
})();
