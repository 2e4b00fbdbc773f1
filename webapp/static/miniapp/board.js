/* Planning board: objects × days of a week; a slot opens a sheet where planners assign,
   remove and move people through the same use cases as the bot. A move picks its target
   on the board itself (any week); refusals show inline, where the planner is looking.
   Give-aways, swaps and requests pending on a slot are marked on it and listed in its sheet.
   The board opens on the week of today, scrolled to today; "＋" in a day cell plans one
   shift for one employee there. */
(function () {
  "use strict";
  const { t, el, api, messageOf, run, haptic, toast, show, start, params, setParam } = window.MiniApp;
  let board = null;
  let openSlot = null;
  let moving = null; // { person, fromSlotId } while a target slot is being picked
  let adding = null; // { object, day } while the "＋" sheet is open

  async function load(week) {
    board = await api("/board" + (week ? "?week=" + encodeURIComponent(week) : ""));
    render();
  }

  function isTarget(object, slot) {
    return object.can_plan && !slot.started && slot.id !== moving.fromSlotId;
  }

  const PENDING_ICONS = { offer: "🤝", swap: "🔄", request: "🙋" };

  function slotButton(object, day, slot) {
    const classes = ["slot"];
    if (slot.full) classes.push("full");
    if (slot.pending.length) classes.push("has-pending");
    if (slot.started) classes.push("started");
    if (moving && isTarget(object, slot)) classes.push("target");
    if (moving && slot.id === moving.fromSlotId) classes.push("source");
    const names = slot.people.map((person) => person.name).join(", ");
    return el("button", {
      type: "button",
      class: classes.join(" "),
      "data-slot-id": slot.id,
      onclick: () => (moving ? moveTo(object, slot) : openSheet(object, day, slot)),
    }, [
      el("span", { class: "occupancy", text: slot.occupancy }),
      el("span", { class: "time", text: slot.time }),
      names ? el("span", { class: "names", text: names }) : null,
      slot.drafted.length ? el("span", { class: "drafted", title: t("miniapp-drafted"),
        text: "✨ " + slot.drafted.join(", ") }) : null,
      slot.cost ? el("span", { class: "cost", text: slot.cost }) : null,
      slot.pending.length ? el("span", { class: "pending", "data-pending": slot.pending.length,
        title: slot.pending.map((item) => item.text).join("\n"),
        text: slot.pending.map((item) => PENDING_ICONS[item.kind]).join("") }) : null,
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
    ].concat(object.days.map((day) => el("td", { "data-date": day.date, class: isToday(day) ? "today" : null },
      day.slots.map((slot) => slotButton(object, day, slot))
        .concat(canAdd(object, day) ? [addButton(object, day)] : []))))));
    const table = el("table", { class: moving ? "board picking" : "board" },
      [el("thead", {}, [head]), el("tbody", {}, rows)]);
    if (board.shows_money) {
      table.append(el("tfoot", {}, [el("tr", {}, [el("td", { text: t("miniapp-board-cost") })].concat(
        board.days.map((day) => el("td", { class: "day-cost", "data-date": day.date, text: day.cost || "" }))))]));
    }
    container.append(table);
    scrollToToday(container, table);
  }

  function boardDay(date) {
    return board.days.find((item) => item.date === date);
  }

  function isToday(day) {
    return boardDay(day.date).is_today;
  }

  function canAdd(object, day) {
    return object.can_plan && !moving && !boardDay(day.date).is_past;
  }

  // On a phone the week is wider than the screen: today's column comes into view first.
  function scrollToToday(container, table) {
    const today = table.querySelector("thead th.today");
    if (!today) return;
    const objectColumn = table.querySelector("thead th.object");
    container.scrollLeft = Math.max(0, today.offsetLeft - objectColumn.offsetWidth - 8);
  }

  function addButton(object, day) {
    return el("button", { type: "button", class: "add-shift", "data-add-object-id": object.id,
      "data-add-date": day.date, "aria-label": t("miniapp-add-shift"),
      onclick: () => openAdd(object, day), text: "+" });
  }

  function addError(message) {
    const node = document.getElementById("add-error");
    node.textContent = message || "";
    node.hidden = !message;
  }

  function closeAdd() {
    adding = null;
    show("add-sheet", false);
  }

  async function openAdd(object, day) {
    haptic("light");
    adding = { object, day };
    const label = boardDay(day.date);
    document.getElementById("add-title").textContent = object.name + " · " + label.weekday + " " + label.label;
    addError("");
    // The hours of a shift already planned this week are the likeliest.
    const planned = object.days.flatMap((item) => item.slots)[0];
    document.getElementById("add-hours").value = planned ? planned.time.replace("–", "-") : "09:00-18:00";
    const list = document.getElementById("add-candidates");
    list.replaceChildren();
    const note = document.getElementById("add-note");
    note.hidden = true;
    show("add-sheet", true);
    try {
      const found = await api("/objects/" + object.id + "/employees");
      if (!adding || adding.day !== day) return;
      note.textContent = found.employees.length ? "" : t("miniapp-add-nobody");
      note.hidden = found.employees.length > 0;
      list.replaceChildren(...found.employees.map((employee) => el("li", {}, [
        el("span", { text: employee.name }),
        el("button", { type: "button", "data-add-membership-id": employee.membership_id,
          onclick: (event) => addShift(object, day, employee, event.currentTarget), text: t("miniapp-slot-assign") }),
      ])));
    } catch (error) {
      addError(messageOf(error));
    }
  }

  async function addShift(object, day, employee, button) {
    button.disabled = true;
    const hours = document.getElementById("add-hours").value;
    try {
      await api("/objects/" + object.id + "/shifts", { method: "POST",
        body: { day: day.date, hours: hours, membership_id: employee.membership_id } });
    } catch (error) {
      haptic("error");
      button.disabled = false;
      addError(messageOf(error));
      return;
    }
    haptic("success");
    closeAdd();
    toast(t("miniapp-assigned", { name: employee.name }));
    await reload(toast);
  }

  // Redraws the board from fresh data; a failure is told where the planner looks.
  async function reload(showError) {
    try {
      await load(board.week_start);
    } catch (error) {
      showError(messageOf(error));
    }
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
      editable ? el("span", { class: "actions" }, [
        el("button", { type: "button", class: "link", "data-move-planned-shift-id": person.planned_shift_id,
          onclick: () => startMove(object, day, slot, person), text: t("miniapp-slot-move") }),
        el("button", { type: "button", class: "danger", "data-planned-shift-id": person.planned_shift_id,
          onclick: () => unassign(person), text: t("miniapp-slot-unassign") }),
      ]) : null,
    ])) : [el("li", { class: "muted", text: t("miniapp-slot-nobody") })]));
    document.getElementById("sheet-pending").replaceChildren(...slot.pending.map((item) =>
      el("li", { "data-pending-kind": item.kind, "data-pending-id": item.id, text: item.text })));
    show("sheet-pending-section", slot.pending.length > 0);
    show("sheet-pending-hint", slot.pending.some((item) => item.awaits_approval));
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
      // Unavailable people are greyed out with the reason; assigning them needs a reason.
      candidates.replaceChildren(...found.employees.map((employee) => el("li", {
        class: "availability-" + employee.availability, title: employee.why }, [
        el("span", { text: employee.name + (employee.why ? " — " + employee.why : "") }),
        el("button", { type: "button", "data-membership-id": employee.membership_id,
          onclick: (event) => assign(slot, employee, event.currentTarget), text: t("miniapp-slot-assign") }),
      ])));
    } catch (error) {
      sheetError(messageOf(error));
    }
  }

  async function assign(slot, employee, button) {
    const reason = document.getElementById("sheet-comment").value.trim();
    if (employee.availability === "unavailable" && !reason) {
      show("sheet-comment-label", true);
      sheetError(t("miniapp-availability-reason-needed", { name: employee.name }));
      return;
    }
    button.disabled = true;
    try {
      await api("/slots/" + slot.id + "/assign", { method: "POST",
        body: { membership_id: employee.membership_id, availability_reason: reason } });
    } catch (error) {
      haptic("error");
      button.disabled = false;
      // A rule of work (rest, hours, days in a row): a planner may assign with a reason.
      if (error.code === "breaks-work-rule") show("sheet-comment-label", true);
      await refuse(slot, error);
      return;
    }
    haptic("success");
    closeSheet();
    toast(t("miniapp-assigned", { name: employee.name }));
    await reload(toast);
  }

  // A refused change: the board and the open sheet are redrawn from fresh data (someone
  // else may have changed the slot), and the reason stays in the sheet.
  async function refuse(slot, error) {
    if (error.status === 409 || error.status === 404) {
      await reload(sheetError);
      const fresh = findSlot(slot.id);
      if (fresh) await openSheet(fresh.object, fresh.day, fresh.slot, { quiet: true });
    }
    sheetError(messageOf(error));
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
    } catch (error) {
      haptic("error");
      await refuse(openSlot, error);
      return;
    }
    haptic("success");
    closeSheet();
    toast(t("miniapp-unassigned", { name: person.name }));
    await reload(toast);
  }

  // Moving: the sheet gives way to the board, where a bar says who is being moved.
  function moveError(message) {
    const node = document.getElementById("move-error");
    node.textContent = message || "";
    node.hidden = !message;
  }

  function startMove(object, day, slot, person) {
    haptic("light");
    const label = board.days.find((item) => item.date === day.date);
    moving = { person: person, fromSlotId: slot.id };
    closeSheet();
    document.getElementById("move-title").textContent = t("miniapp-move-title", { name: person.name });
    document.getElementById("move-from").textContent =
      object.name + " · " + label.weekday + " " + label.label + " · " + slot.time;
    moveError("");
    show("move-bar", true);
    render();
  }

  function stopMove() {
    moving = null;
    show("move-bar", false);
    render();
  }

  async function moveTo(object, slot) {
    if (!isTarget(object, slot)) {
      haptic("error");
      moveError(t(slot.id === moving.fromSlotId ? "miniapp-move-same" : "miniapp-slot-started"));
      return;
    }
    const person = moving.person;
    try {
      await api("/planned-shifts/" + person.planned_shift_id + "/move", { method: "POST", body: { slot_id: slot.id } });
    } catch (error) {
      haptic("error");
      if (error.status === 404) {
        stopMove(); // they are not on that slot any more: nothing left to move
        toast(messageOf(error));
      } else {
        moveError(messageOf(error));
      }
      if (error.status === 409 || error.status === 404) await reload(moveError);
      return;
    }
    haptic("success");
    stopMove();
    toast(t("miniapp-moved", { name: person.name }));
    await reload(toast);
  }

  function go(week) {
    haptic("light");
    setParam("week", week);
    run(() => load(week));
  }

  document.getElementById("prev-week").addEventListener("click", () => board && go(board.prev_week));
  document.getElementById("next-week").addEventListener("click", () => board && go(board.next_week));
  document.getElementById("move-cancel").addEventListener("click", () => { haptic("light"); stopMove(); });
  document.getElementById("sheet-close").addEventListener("click", closeSheet);
  document.getElementById("add-close").addEventListener("click", closeAdd);
  document.getElementById("add-sheet").addEventListener("click", (event) => {
    if (event.target.id === "add-sheet") closeAdd();
  });
  document.getElementById("sheet").addEventListener("click", (event) => {
    if (event.target.id === "sheet") closeSheet();
  });
  start(() => load(params.get("week")));
})();
