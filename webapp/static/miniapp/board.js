/* Planning board: objects × days of a week; a slot opens a sheet where planners assign
   and remove people through the same use cases as the bot; refusals show inline. */
(function () {
  "use strict";
  const { t, el, api, haptic, toast, show, start, params, setParam } = window.MiniApp;
  let board = null;
  let openSlot = null;

  async function load(week) {
    board = await api("/board" + (week ? "?week=" + encodeURIComponent(week) : ""));
    render();
  }

  function slotButton(object, day, slot) {
    const classes = ["slot"];
    if (slot.full) classes.push("full");
    if (slot.started) classes.push("started");
    const names = slot.people.map((person) => person.name).join(", ");
    return el("button", {
      type: "button",
      class: classes.join(" "),
      "data-slot-id": slot.id,
      onclick: () => openSheet(object, day, slot),
    }, [
      el("span", { class: "occupancy", text: slot.occupancy }),
      el("span", { class: "time", text: slot.time }),
      names ? el("span", { class: "names", text: names }) : null,
      slot.cost ? el("span", { class: "cost", text: slot.cost }) : null,
    ]);
  }

  function render() {
    document.getElementById("week-title").textContent = board.title;
    const weekCost = document.getElementById("week-cost");
    weekCost.hidden = !board.week_cost;
    weekCost.textContent = board.week_cost ? t("miniapp-board-week-cost", { amount: board.week_cost }) : "";
    const container = document.getElementById("board");
    container.replaceChildren();
    show("board-empty", board.objects.length === 0);
    if (board.objects.length === 0) return;
    const head = el("tr", {}, [el("th", { class: "object", text: t("miniapp-board-object") })].concat(
      board.days.map((day) => el("th", { class: day.is_today ? "today" : null, "data-date": day.date },
        [day.weekday + " " + day.label]))));
    const rows = board.objects.map((object) => el("tr", { "data-object-id": object.id }, [
      el("th", { class: "object" }, [
        object.name,
        object.week_cost ? el("span", { class: "cost-small", text: object.week_cost }) : null,
      ]),
    ].concat(object.days.map((day) => el("td", { "data-date": day.date },
      day.slots.map((slot) => slotButton(object, day, slot)))))));
    const table = el("table", { class: "board" }, [el("thead", {}, [head]), el("tbody", {}, rows)]);
    if (board.shows_money) {
      table.append(el("tfoot", {}, [el("tr", {}, [el("td", { text: t("miniapp-board-cost") })].concat(
        board.days.map((day) => el("td", { class: "day-cost", "data-date": day.date, text: day.cost || "" }))))]));
    }
    container.append(table);
  }

  function sheetError(message) {
    const node = document.getElementById("sheet-error");
    node.textContent = message || "";
    node.hidden = !message;
  }

  function closeSheet() {
    openSlot = null;
    show("sheet", false);
  }

  async function openSheet(object, day, slot, options) {
    if (!(options && options.quiet)) haptic("light");
    openSlot = slot;
    const label = board.days.find((item) => item.date === day.date);
    document.getElementById("sheet-title").textContent =
      object.name + " · " + label.weekday + " " + label.label + " · " + slot.time;
    document.getElementById("sheet-occupancy").textContent = slot.occupancy;
    sheetError("");
    const editable = object.can_plan && !slot.started;
    const people = document.getElementById("sheet-people");
    people.replaceChildren(...(slot.people.length ? slot.people.map((person) => el("li", {}, [
      el("span", { text: person.name }),
      editable ? el("button", { type: "button", class: "danger", "data-planned-shift-id": person.planned_shift_id,
        onclick: () => unassign(person), text: t("miniapp-slot-unassign") }) : null,
    ])) : [el("li", { class: "muted", text: t("miniapp-slot-nobody") })]));
    show("sheet-comment-label", editable && slot.people.length > 0);
    document.getElementById("sheet-comment").value = "";
    const candidates = document.getElementById("sheet-candidates");
    candidates.replaceChildren();
    const note = document.getElementById("sheet-note");
    const canAdd = editable && !slot.full;
    show("sheet-candidates-title", canAdd);
    note.textContent = !object.can_plan ? "" : slot.started ? t("miniapp-slot-started")
      : slot.full ? t("miniapp-slot-full") : "";
    note.hidden = !note.textContent;
    show("sheet", true);
    if (!canAdd) return;
    try {
      const found = await api("/slots/" + slot.id + "/candidates");
      if (openSlot !== slot) return;
      if (found.employees.length === 0) {
        note.textContent = t("miniapp-slot-no-candidates");
        note.hidden = false;
      }
      candidates.replaceChildren(...found.employees.map((employee) => el("li", {}, [
        el("span", { text: employee.name }),
        el("button", { type: "button", "data-membership-id": employee.membership_id,
          onclick: (event) => assign(slot, employee, event.currentTarget), text: t("miniapp-slot-assign") }),
      ])));
    } catch (error) {
      sheetError(error.message);
    }
  }

  async function assign(slot, employee, button) {
    button.disabled = true;
    try {
      await api("/slots/" + slot.id + "/assign", { method: "POST", body: { membership_id: employee.membership_id } });
      haptic("success");
      closeSheet();
      toast(t("miniapp-assigned", { name: employee.name }));
      await load(board.week_start);
    } catch (error) {
      haptic("error");
      button.disabled = false;
      await refuse(slot, error);
    }
  }

  // A refused change: the board and the open sheet are redrawn from fresh data (someone
  // else may have changed the slot), and the reason stays in the sheet.
  async function refuse(slot, error) {
    if (error.status === 409 || error.status === 404) {
      await load(board.week_start);
      const fresh = findSlot(slot.id);
      if (fresh) await openSheet(fresh.object, fresh.day, fresh.slot, { quiet: true });
    }
    sheetError(error.message);
  }

  function findSlot(slotId) {
    for (const object of board.objects) {
      for (const day of object.days) {
        const slot = day.slots.find((item) => item.id === slotId);
        if (slot) return { object, day, slot };
      }
    }
    return null;
  }

  async function unassign(person) {
    const comment = document.getElementById("sheet-comment").value;
    try {
      await api("/planned-shifts/" + person.planned_shift_id + "/unassign", { method: "POST", body: { comment: comment } });
      haptic("success");
      closeSheet();
      toast(t("miniapp-unassigned", { name: person.name }));
      await load(board.week_start);
    } catch (error) {
      haptic("error");
      await refuse(openSlot, error);
    }
  }

  function go(week) {
    haptic("light");
    setParam("week", week);
    load(week).catch(window.MiniApp.fail);
  }

  document.getElementById("prev-week").addEventListener("click", () => go(board.prev_week));
  document.getElementById("next-week").addEventListener("click", () => go(board.next_week));
  document.getElementById("sheet-close").addEventListener("click", closeSheet);
  document.getElementById("sheet").addEventListener("click", (event) => {
    if (event.target.id === "sheet") closeSheet();
  });
  start(() => load(params.get("week")));
})();
