/* My schedule: a month calendar (Monday first) of my planned shifts and their list. */
(function () {
  "use strict";
  const { el, api, run, haptic, show, start, params, setParam } = window.MiniApp;
  let data = null;

  async function load(month) {
    data = await api("/schedule" + (month ? "?month=" + encodeURIComponent(month) : ""));
    render();
  }

  function render() {
    document.getElementById("month-title").textContent = data.title;
    const [year, month] = data.month.split("-").map(Number);
    const firstWeekday = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
    const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const byDate = {};
    data.shifts.forEach((shift) => { (byDate[shift.date] = byDate[shift.date] || []).push(shift); });
    const cells = data.weekdays.map((name) => el("div", { class: "weekday", text: name }));
    for (let blank = 0; blank < firstWeekday; blank += 1) cells.push(el("div", { class: "day blank" }));
    for (let number = 1; number <= length; number += 1) {
      const iso = data.month + "-" + String(number).padStart(2, "0");
      const shifts = byDate[iso] || [];
      const classes = ["day"];
      if (shifts.length) classes.push("has-shift");
      if (iso === data.today) classes.push("today");
      cells.push(el("div", { class: classes.join(" "), "data-date": iso }, [
        el("span", { class: "number", text: number }),
      ].concat(shifts.map((shift) => el("span", { class: "time", text: shift.time })))));
    }
    document.getElementById("calendar").replaceChildren(...cells);
    document.getElementById("shifts").replaceChildren(...data.shifts.map((shift) =>
      el("li", { "data-planned-shift-id": shift.planned_shift_id }, [
        el("span", {}, [shift.date_label, el("br"), el("span", { class: "sub", text: shift.object })]),
        el("strong", { text: shift.time }),
      ])));
    show("schedule-empty", data.shifts.length === 0);
  }

  function go(month) {
    haptic("light");
    setParam("month", month);
    run(() => load(month));
  }

  document.getElementById("prev-month").addEventListener("click", () => data && go(data.prev_month));
  document.getElementById("next-month").addEventListener("click", () => data && go(data.next_month));
  start(() => load(params.get("month")));
})();
