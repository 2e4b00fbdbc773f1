/* Reports dashboard: the C10 report of a period and a scope, with two tappable SVG bar
   charts (hours and labour cost per day) and the table of employees. */
(function () {
  "use strict";
  const { t, el, api, run, haptic, show, start, params, setParam } = window.MiniApp;
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 320;
  const HEIGHT = 150;
  const LABEL_SPACE = 18;

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    return node;
  }

  function barChart(containerId, days, valueOf, textOf) {
    const container = document.getElementById(containerId);
    const caption = document.getElementById(containerId + "-caption");
    const chart = svg("svg", { viewBox: "0 0 " + WIDTH + " " + HEIGHT, role: "img" });
    const highest = Math.max(1, ...days.map(valueOf));
    const slot = WIDTH / days.length;
    const width = Math.max(2, slot * 0.7);
    const everyLabel = Math.ceil(days.length / 10);
    days.forEach((day, index) => {
      const height = ((HEIGHT - LABEL_SPACE - 4) * valueOf(day)) / highest;
      const bar = svg("rect", {
        class: "bar", x: index * slot + (slot - width) / 2, y: HEIGHT - LABEL_SPACE - height,
        width: width, height: Math.max(height, 0), rx: 2, "data-date": day.date,
      });
      const title = svg("title", {});
      title.textContent = day.label + ": " + textOf(day);
      bar.append(title);
      bar.addEventListener("click", () => {
        haptic("light");
        chart.querySelectorAll(".bar.selected").forEach((node) => node.classList.remove("selected"));
        bar.classList.add("selected");
        caption.textContent = day.label + ": " + textOf(day);
      });
      chart.append(bar);
      if (index % everyLabel === 0) {
        const label = svg("text", { x: index * slot + slot / 2, y: HEIGHT - 4, "text-anchor": "middle" });
        label.textContent = day.label;
        chart.append(label);
      }
    });
    container.replaceChildren(chart);
    caption.textContent = "";
  }

  function fillScopes(scopes, chosen) {
    const select = document.getElementById("scope");
    select.replaceChildren(...scopes.map((scope) =>
      el("option", { value: scope.value, selected: scope.value === chosen, text: scope.label })));
  }

  function renderTable(rows, showMoney) {
    const columns = [["name", "miniapp-column-name"], ["shifts", "miniapp-figure-shifts"],
      ["hours", "miniapp-figure-hours"], ["late", "miniapp-column-late"],
      ["no_shows", "miniapp-column-no-shows"], ["tasks", "miniapp-figure-tasks"]];
    if (showMoney) {
      columns.push(["cost", "miniapp-figure-cost"], ["fines", "miniapp-figure-fines"],
        ["bonuses", "miniapp-figure-bonuses"]);
    }
    document.getElementById("employees").replaceChildren(
      el("thead", {}, [el("tr", {}, columns.map(([, key]) => el("th", { text: t(key) })))]),
      el("tbody", {}, rows.map((row) => el("tr", {}, columns.map(([name, key]) =>
        el("td", { "data-column": name, "data-label": t(key), text: row[name] === null ? "" : row[name] }))))));
  }

  function query() {
    const period = document.getElementById("period").value;
    const values = { period: period, scope: document.getElementById("scope").value };
    if (period === "custom") {
      values.start = document.getElementById("start").value;
      values.end = document.getElementById("end").value;
    }
    return values;
  }

  async function load(values) {
    const data = await api("/report?" + new URLSearchParams(values).toString());
    const report = data.report;
    fillScopes(data.scopes, values.scope);
    document.getElementById("report-title").textContent = report.title;
    document.getElementById("report-period").textContent = report.period;
    document.getElementById("figures").replaceChildren(...report.totals.flatMap((figure) => [
      el("dt", { text: t("miniapp-figure-" + figure.key) }),
      el("dd", { "data-figure": figure.key, text: figure.value }),
    ]));
    barChart("chart-hours", report.days, (day) => day.hours, (day) => day.hours_text);
    show("cost-block", report.show_money);
    if (report.show_money) barChart("chart-cost", report.days, (day) => day.cost, (day) => day.cost_text);
    renderTable(report.employees, report.show_money);
    show("report-empty", report.employees.length === 0);
    show("report", true);
  }

  const form = document.getElementById("filters");
  document.getElementById("period").addEventListener("change", (event) => {
    show("custom-range", event.target.value === "custom");
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    haptic("light");
    const values = query();
    Object.entries(values).forEach(([name, value]) => setParam(name, value));
    run(() => load(values));
  });
  const initial = {
    period: params.get("period") || "this_week",
    scope: params.get("scope") || "organization",
  };
  if (initial.period === "custom") {
    initial.start = params.get("start") || "";
    initial.end = params.get("end") || "";
    document.getElementById("start").value = initial.start;
    document.getElementById("end").value = initial.end;
    show("custom-range", true);
  }
  document.getElementById("period").value = initial.period;
  start(() => load(initial));
})();
