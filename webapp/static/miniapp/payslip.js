/* My payslip of a period: totals and every ledger line explained. */
(function () {
  "use strict";
  const { t, el, api, run, haptic, show, start, params, setParam } = window.MiniApp;

  async function load(periodId) {
    const data = await api("/payslip" + (periodId ? "?period_id=" + encodeURIComponent(periodId) : ""));
    const select = document.getElementById("period");
    // The current period has no id until something is written to it: "" asks for the current one.
    select.replaceChildren(...data.periods.map((period) =>
      el("option", { value: period.id ?? "", selected: period.id === data.period_id, text: period.label })));
    const payslip = data.payslip;
    document.getElementById("payslip-state").textContent =
      payslip.frozen ? t("miniapp-payslip-frozen") : t("miniapp-payslip-open");
    document.getElementById("payslip-hours").textContent = t("miniapp-payslip-hours", { hours: payslip.hours });
    document.getElementById("totals").replaceChildren(...payslip.totals.flatMap((total) => [
      el("dt", { class: total.key, text: t("miniapp-total-" + total.key) }),
      el("dd", { class: total.key, "data-total": total.key, text: total.value }),
    ]));
    document.getElementById("lines").replaceChildren(...payslip.lines.map((line) =>
      el("li", { "data-type": line.type }, [
        el("span", {}, [el("span", { class: "sub", text: line.title }), el("br"), line.text]),
        el("strong", { text: line.amount }),
      ])));
    show("lines-empty", payslip.lines.length === 0);
    document.getElementById("payslip-footnote").textContent = payslip.footnote;
    show("payslip", true);
  }

  document.getElementById("period").addEventListener("change", (event) => {
    haptic("light");
    setParam("period", event.target.value);
    run(() => load(event.target.value));
  });
  start(() => load(params.get("period")));
})();
