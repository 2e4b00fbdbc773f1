/* Shared by every page: Telegram WebApp glue (theme, back button, haptics), the
   authenticated API client, texts and a tiny element builder. Works without
   Telegram's script: then the page explains that it must be opened from the bot. */
(function () {
  "use strict";
  const tg = window.Telegram && window.Telegram.WebApp ? window.Telegram.WebApp : null;
  const texts = JSON.parse(document.getElementById("texts").textContent);
  const params = new URLSearchParams(window.location.search);
  const lang = document.documentElement.lang;

  function t(key, values) {
    const text = texts[key] || key;
    return text.replace(/\{(\w+)\}/g, (match, name) =>
      values && name in values ? String(values[name]) : match);
  }

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach((child) => {
      if (child === null || child === undefined) return;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function haptic(kind) {
    const feedback = tg && tg.HapticFeedback;
    if (!feedback) return;
    if (kind === "light") feedback.impactOccurred("light");
    else feedback.notificationOccurred(kind);
  }

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  // A call of our API as the page's user; a refusal becomes an ApiError with the server's
  // message, else ours for its status.
  async function call(url, options) {
    const init = {
      method: (options && options.method) || "GET",
      headers: { Authorization: "tma " + tg.initData },
    };
    if (options && options.body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (networkError) {
      throw new ApiError(0, "network", t("miniapp-error-network"));
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const detail = (data && data.detail) || {};
      const fallback = response.status === 401 ? t("miniapp-error-auth")
        : response.status === 403 ? t("miniapp-error-forbidden") : t("miniapp-error-generic");
      throw new ApiError(response.status, detail.code || "", detail.message || fallback);
    }
    return data;
  }

  function api(path, options) {
    return call("/api/miniapp" + path, options);
  }

  function pageUrl(page, extra) {
    const query = new URLSearchParams(Object.assign({ lang: lang }, extra || {}));
    return "/app/" + (page === "home" ? "" : page) + "?" + query.toString();
  }

  function setParam(name, value) {
    params.set(name, value);
    window.history.replaceState(null, "", "?" + params.toString());
  }

  function show(id, visible) {
    document.getElementById(id).hidden = !visible;
  }

  let toastTimer = null;
  function toast(message) {
    const node = document.getElementById("toast");
    node.textContent = message;
    node.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { node.hidden = true; }, 2500);
  }

  // What to tell the user about a failed call; a bug of ours goes to the console too.
  function messageOf(error) {
    if (error instanceof ApiError) return error.message;
    console.error(error);
    return t("miniapp-error-generic");
  }

  // A load that failed: its reason in the user's language and a button to try again,
  // unless the page's initData was refused (only opening the page again helps then).
  function fail(error, retry) {
    const reason = el("span", { text: messageOf(error) });
    const again = el("button", { type: "button", id: "retry", class: "link",
      text: t("miniapp-retry"),
      onclick: () => { haptic("light"); show("loading", true); retry(); } });
    document.getElementById("fatal").replaceChildren(
      ...(error instanceof ApiError && error.status === 401 ? [reason] : [reason, again]));
    show("fatal", true);
    show("loading", false);
    haptic("error");
  }

  // Runs a page's load; a failure is shown with "try again", never left unhandled.
  function run(load) {
    show("fatal", false);
    return load().then(() => show("loading", false), (error) => fail(error, () => run(load)));
  }

  function start(render) {
    if (!tg || !tg.initData) {
      show("outside", true);
      show("loading", false);
      return;
    }
    if (tg.ready) tg.ready();
    if (tg.expand) tg.expand();
    if (document.body.dataset.page !== "home" && tg.BackButton) {
      tg.BackButton.show();
      tg.BackButton.onClick(() => { window.location.href = pageUrl("home"); });
    }
    run(render);
  }

  window.MiniApp = { tg, t, el, call, api, messageOf, haptic, toast, run, show, start, params, setParam, pageUrl, lang };
})();
