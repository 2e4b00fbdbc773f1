/* Object map: Yandex Maps JS API with the geofence of every object. Without a key, or
   when the API cannot be loaded (offline), the list with coordinates and radii stays. */
(function () {
  "use strict";
  const { t, el, api, show, start } = window.MiniApp;
  const MAP_LOAD_TIMEOUT_MS = 8000;

  function renderList(objects) {
    document.getElementById("objects").replaceChildren(...objects.map((object) => {
      const placed = object.latitude !== null && object.longitude !== null;
      const where = placed
        ? object.latitude.toFixed(6) + ", " + object.longitude.toFixed(6)
        : t("miniapp-map-no-coordinates");
      return el("li", { "data-object-id": object.id }, [
        el("span", {}, [object.name, el("br"), el("span", { class: "sub", text: object.address || "" })]),
        el("span", { class: "sub" }, [where, el("br"), t("miniapp-map-radius", { radius: object.radius_m })]),
      ]);
    }));
    show("map-empty", objects.length === 0);
  }

  function loadYandex(key, language) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      const timer = setTimeout(() => reject(new Error("timeout")), MAP_LOAD_TIMEOUT_MS);
      script.src = "https://api-maps.yandex.ru/2.1/?apikey=" + encodeURIComponent(key) + "&lang=" + language;
      script.onload = () => {
        clearTimeout(timer);
        if (window.ymaps) window.ymaps.ready(() => resolve(window.ymaps), reject);
        else reject(new Error("no ymaps"));
      };
      script.onerror = () => { clearTimeout(timer); reject(new Error("not loaded")); };
      document.head.append(script);
    });
  }

  function drawMap(ymaps, objects) {
    show("map", true);
    const map = new ymaps.Map("map", { center: [objects[0].latitude, objects[0].longitude], zoom: 14 });
    objects.forEach((object) => {
      const center = [object.latitude, object.longitude];
      map.geoObjects.add(new ymaps.Circle([center, object.radius_m], { hintContent: object.name },
        { fillOpacity: 0.2, strokeWidth: 2 }));
      map.geoObjects.add(new ymaps.Placemark(center, { hintContent: object.name, balloonContent: object.address }));
    });
    if (objects.length > 1) map.setBounds(map.geoObjects.getBounds(), { checkZoomRange: true, zoomMargin: 24 });
    document.body.dataset.mapMode = "map";
  }

  function fallBack() {
    show("map", false);
    show("map-fallback", true);
    document.body.dataset.mapMode = "list";
  }

  async function render() {
    const data = await api("/objects");
    renderList(data.objects);
    const placed = data.objects.filter((object) => object.latitude !== null && object.longitude !== null);
    if (!data.maps_js_key || placed.length === 0) {
      fallBack();
      return;
    }
    loadYandex(data.maps_js_key, data.maps_language)
      .then((ymaps) => drawMap(ymaps, placed))
      .catch(fallBack);
  }

  start(render);
})();
