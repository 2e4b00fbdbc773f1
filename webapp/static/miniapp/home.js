/* Home: who I am here and my pages. A `startapp` parameter (board_2026-03-09,
   schedule_2026-03, map, payslip_12, open-shifts) opens its page directly, once per
   session. */
(function () {
  "use strict";
  const { tg, t, el, api, show, start, params, pageUrl, lang } = window.MiniApp;
  const START_DONE = "miniapp-start-handled";

  function startParameter() {
    const unsafe = (tg && tg.initDataUnsafe) || {};
    return unsafe.start_param || params.get("tgWebAppStartParam") || params.get("startapp") || "";
  }

  function startTarget(value, pages) {
    const [page, argument] = value.split("_", 2);
    if (!pages.includes(page)) return null;
    const extra = {};
    if (argument && page === "board") extra.week = argument;
    if (argument && page === "schedule") extra.month = argument;
    if (argument && page === "payslip") extra.period = argument;
    return pageUrl(page, extra);
  }

  async function render() {
    const me = await api("/me").catch((error) => {
      if (error.status === 403) return null;
      throw error;
    });
    if (me === null) {
      show("no-organization", true);
      return;
    }
    if (me.language && me.language !== lang) {
      params.set("lang", me.language);
      window.location.replace("?" + params.toString());
      return;
    }
    const wanted = startParameter();
    if (wanted && !sessionStorage.getItem(START_DONE)) {
      sessionStorage.setItem(START_DONE, "1");
      const target = startTarget(wanted, me.pages);
      if (target) {
        window.location.replace(target);
        return;
      }
    }
    document.getElementById("who").textContent =
      me.organization.name + " · " + t("miniapp-role-" + me.role);
    const nav = document.getElementById("pages");
    me.pages.forEach((page) => {
      nav.append(el("a", { href: pageUrl(page), "data-page": page, text: t("miniapp-page-" + page) }));
    });
    nav.hidden = false;
  }

  start(render);
})();
