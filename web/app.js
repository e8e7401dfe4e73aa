/* The raml page: filters → /api/points (map + timeline) and /api/events (count + list);
 * a click opens the evidence from /api/docs/ID and /api/clusters/ID. Countries are SVG
 * paths (world-atlas 1:50m, served by raml itself); markers are drawn on a canvas and
 * grouped on a screen grid, so 50,000 of them stay cheap to pan and zoom. */
(function () {
  "use strict";
  const I = window.RAML_I18N;
  const TYPES = Object.keys(I.types);
  const COLORS = {
    ASSAULT: "#c0262d", COERCE: "#e4672b", MOBILIZE: "#8c4a1f", THREATEN: "#d99a1a",
    PROTEST: "#7b3fa0", SANCTION: "#5b4a9a", REJECT: "#a0527a", ACCUSE: "#d477a5",
    REQUEST: "#4a7fc1", RETREAT: "#6a9fb5", AID: "#2e9d59", COOPERATE: "#1f7a6d",
    CONCEDE: "#8fb04a", SUPPORT: "#3aa0a0", CONSULT: "#607d8b", AGREE: "#1d5a9c"
  };
  let lang = localStorage.getItem("raml.lang") || "en";
  const $ = (id) => document.getElementById(id);
  const t = (k, vars) => {
    let s = (I[lang] && I[lang][k]) || I.en[k] || k;
    for (const v in vars || {}) s = s.replace("{" + v + "}", vars[v]);
    return s;
  };
  const typeName = (ty) => (I.types[ty] ? I.types[ty][lang === "ar" ? 1 : 0] : ty || "?");
  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g, (c) =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

  async function getJSON(url) {
    const r = await fetch(url);
    const body = await r.json().catch(() => ({ error: r.statusText }));
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  }

  /* ----- state ----- */
  const state = {
    filters: {}, period: null, /* [fromDay, toDay] chosen with the brush, inclusive */
    points: [], /* {x, y, lat, lon, type, day, date, killed, id, cluster} */
    visible: [], selected: null, k: 1, tx: 0, ty: 0, listTotal: 0
  };

  /* ----- language ----- */
  function applyLang() {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
    $("lang").textContent = t("lang_other");
    for (const o of $("f-type").options) if (o.value) o.textContent = typeName(o.value);
    drawLegend();
    renderList(lastList);
    if (state.selectedEvent) showEvidence(state.selectedEvent.event_id, state.selectedEvent.links && state.selectedEvent.links.cluster_id);
    drawMarkers();
    drawTimeline();
  }

  /* ----- filters ----- */
  function readFilters() {
    const f = {};
    for (const el of $("filters").elements) if (el.name && el.value.trim()) f[el.name] = el.value.trim();
    return f;
  }
  function qs(f, extra) {
    const p = new URLSearchParams();
    for (const k in f) p.set(k, f[k]);
    for (const k in extra || {}) p.set(k, extra[k]);
    return p.toString();
  }
  function withPeriod(f) {
    const g = Object.assign({}, f);
    if (state.period) {
      const a = dayStr(state.period[0]), b = dayStr(state.period[1]);
      if (!g.from || g.from < a) g.from = a;
      if (!g.to || g.to > b) g.to = b;
    }
    return g;
  }
  function showError(msg) {
    $("error").hidden = !msg;
    $("error").textContent = msg || "";
  }

  let loadSeq = 0;
  async function load() {
    const seq = ++loadSeq;
    state.filters = readFilters();
    const noDates = Object.assign({}, state.filters);
    delete noDates.from; delete noDates.to;
    $("count").textContent = t("loading");
    showError(null);
    try {
      /* The timeline shows every date the other filters allow, so points skip from/to;
       * the date inputs and the brush then narrow what the map draws. */
      const [pts, list] = await Promise.all([
        getJSON("/api/points?" + qs(noDates)),
        getJSON("/api/events?" + qs(withPeriod(state.filters), { limit: 100 }))
      ]);
      if (seq !== loadSeq) return;
      setPoints(pts);
      state.listTotal = list.total;
      $("count").textContent = list.total.toLocaleString(lang === "ar" ? "ar-EG" : "en-US");
      $("count").dataset.total = list.total;
      renderList(list);
      updateExports();
      drawMarkers();
      drawTimeline();
    } catch (e) {
      if (seq === loadSeq) { showError(e.message); $("count").textContent = "–"; }
    }
  }
  function updateExports() {
    const f = withPeriod(state.filters);
    $("export-acled").href = "/api/export?" + qs(f, { format: "acled" });
    $("export-geojson").href = "/api/export?" + qs(f, { format: "geojson" });
  }

  /* ----- list ----- */
  let lastList = null;
  function renderList(list) {
    lastList = list;
    const ol = $("list");
    ol.textContent = "";
    if (!list) return;
    if (!list.events.length) { ol.innerHTML = "<li>" + esc(t("no_events")) + "</li>"; }
    for (const ev of list.events) {
      const li = document.createElement("li");
      li.dataset.id = ev.event_id;
      const loc = ev.location || {};
      const place = (lang === "ar" ? loc.name_ar || loc.resolved_name : loc.resolved_name || loc.name_ar) || t("unlocated");
      const k = ev.fatalities && ev.fatalities.killed;
      li.innerHTML = '<span class="sw" style="background:' + (COLORS[ev.event.plover_type] || "#888") + '"></span>' +
        "<b>" + esc(typeName(ev.event.plover_type)) + "</b> · " + esc(place) +
        (k && k.count != null ? " · †" + esc(k.count) : "") +
        '<div class="meta">' + esc((ev.date && ev.date.value) || t("undated")) + " · " +
        '<span dir="rtl">' + esc(ev.trigger ? ev.trigger.text : "") + "</span> · " + esc(ev.doc.publisher || ev.doc.doc_id) + "</div>";
      if (state.selectedEvent && state.selectedEvent.event_id === ev.event_id) li.classList.add("sel");
      li.addEventListener("click", () => showEvidence(ev.event_id, ev.links && ev.links.cluster_id));
      ol.appendChild(li);
    }
    $("more").textContent = list.total > list.events.length ? t("more", { n: list.total - list.events.length }) : "";
  }

  /* ----- map ----- */
  const mapEl = $("map"), svg = $("map-svg"), canvas = $("map-canvas"), gCountries = $("countries");
  let projection = null, W = 0, H = 0, dpr = 1;
  function sizeMap() {
    W = mapEl.clientWidth; H = mapEl.clientHeight; dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  }
  /* The region raml covers: the Sahel to Iraq, the Horn to the Mediterranean. */
  const REGION = { type: "MultiPoint", coordinates: [[-18, 0], [60, 0], [-18, 40], [60, 40]] };
  async function loadCountries() {
    const topo = await getJSON("/vendor/countries-50m.json");
    const land = topojson.feature(topo, topo.objects.countries);
    projection = d3.geoMercator().fitExtent([[10, 10], [W - 10, H - 10]], REGION);
    const path = d3.geoPath(projection);
    const frag = document.createDocumentFragment();
    for (const f of land.features) {
      const d = path(f);
      if (!d) continue;
      const p = document.createElementNS("http://www.w3.org/2000/svg", "path");
      p.setAttribute("d", d);
      p.setAttribute("class", "country");
      p.dataset.name = (f.properties && f.properties.name) || "";
      const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
      title.textContent = p.dataset.name;
      p.appendChild(title);
      frag.appendChild(p);
    }
    gCountries.appendChild(frag);
  }
  function setPoints(pts) {
    const P = [];
    for (const r of pts.points) {
      const xy = projection([r[1], r[0]]);
      if (!xy) continue;
      P.push({ x: xy[0], y: xy[1], lat: r[0], lon: r[1], type: r[2], date: r[3],
        day: r[3] ? dayNum(r[3]) : null, killed: r[4], id: r[5], cluster: r[6] });
    }
    state.points = P;
    state.truncated = pts.truncated;
  }
  function inPeriod(p) {
    const f = state.filters;
    if (p.day == null) return !state.period && !f.from && !f.to;
    if (state.period && (p.day < state.period[0] || p.day > state.period[1])) return false;
    if (f.from && p.date < f.from) return false;
    if (f.to && p.date > f.to) return false;
    return true;
  }
  const CELL = 34;
  let drawn = []; /* what is on the canvas, for hit testing: {x, y, r, pts} */
  function drawMarkers() {
    if (!projection) return;
    const ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    const { k, tx, ty } = state;
    /* Grid grouping in screen space: one pass, a Map from cell to its points. */
    const cells = new Map();
    let nvis = 0;
    for (const p of state.points) {
      if (!inPeriod(p)) continue;
      const sx = p.x * k + tx, sy = p.y * k + ty;
      if (sx < -CELL || sy < -CELL || sx > W + CELL || sy > H + CELL) continue;
      nvis++;
      const key = Math.floor(sx / CELL) * 100003 + Math.floor(sy / CELL);
      let c = cells.get(key);
      if (!c) { c = { sx: 0, sy: 0, pts: [] }; cells.set(key, c); }
      c.sx += sx; c.sy += sy; c.pts.push(p);
    }
    drawn = [];
    let ngroups = 0, nsingle = 0;
    const singles = [], groups = [];
    for (const c of cells.values()) {
      if (c.pts.length <= 2) {
        for (const p of c.pts) singles.push(p);
      } else {
        groups.push(c);
      }
    }
    for (const c of groups) {
      ngroups++;
      const x = c.sx / c.pts.length, y = c.sy / c.pts.length;
      const tally = {};
      let best = null, killed = 0;
      for (const p of c.pts) {
        tally[p.type] = (tally[p.type] || 0) + 1;
        if (!best || tally[p.type] > tally[best]) best = p.type;
        killed += p.killed || 0;
      }
      const r = 9 + Math.min(16, Math.log2(c.pts.length) * 2.2);
      ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = hexA(COLORS[best] || "#666", 0.78); ctx.fill();
      ctx.lineWidth = 2; ctx.strokeStyle = "#fff"; ctx.stroke();
      ctx.fillStyle = "#fff"; ctx.font = "bold 11px system-ui, sans-serif";
      ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.fillText(c.pts.length > 9999 ? Math.round(c.pts.length / 1000) + "k" : String(c.pts.length), x, y);
      drawn.push({ x, y, r, pts: c.pts });
    }
    for (const p of singles) {
      nsingle++;
      const x = p.x * k + tx, y = p.y * k + ty;
      const r = 3.5 + Math.sqrt(p.killed || 0) * 1.6;
      ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = hexA(COLORS[p.type] || "#666", 0.85); ctx.fill();
      ctx.lineWidth = state.selected === p.id ? 3 : 1;
      ctx.strokeStyle = state.selected === p.id ? "#111" : "#fff"; ctx.stroke();
      drawn.push({ x, y, r: Math.max(r, 5), pts: [p] });
    }
    $("map-note").textContent = nvis.toLocaleString() + " · " + nsingle + " " + t("markers") + ", " + ngroups + " " + t("groups") +
      (state.truncated ? " · " + t("sampled", { n: state.points.length.toLocaleString() }) : "");
    canvas.dataset.markers = nsingle;
    canvas.dataset.groups = ngroups;
    canvas.dataset.visible = nvis;
  }
  function hexA(hex, a) {
    const n = parseInt(hex.slice(1), 16);
    return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + a + ")";
  }
  function applyTransform() {
    gCountries.setAttribute("transform", "translate(" + state.tx + "," + state.ty + ") scale(" + state.k + ")");
    scheduleDraw();
  }
  let raf = 0;
  function scheduleDraw() {
    if (!raf) raf = requestAnimationFrame(() => { raf = 0; drawMarkers(); });
  }
  function zoomAt(factor, cx, cy) {
    const k = Math.max(1, Math.min(256, state.k * factor));
    const f = k / state.k;
    state.tx = cx - (cx - state.tx) * f;
    state.ty = cy - (cy - state.ty) * f;
    state.k = k;
    applyTransform();
  }
  function hit(ev) {
    const r = canvas.getBoundingClientRect();
    const x = ev.clientX - r.left, y = ev.clientY - r.top;
    for (let i = drawn.length - 1; i >= 0; i--) {
      const d = drawn[i];
      if ((d.x - x) ** 2 + (d.y - y) ** 2 <= d.r * d.r) return { d, x, y };
    }
    return null;
  }
  function setupMapEvents() {
    let drag = null;
    mapEl.addEventListener("wheel", (e) => {
      e.preventDefault();
      const r = mapEl.getBoundingClientRect();
      zoomAt(e.deltaY < 0 ? 1.25 : 0.8, e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    mapEl.addEventListener("mousedown", (e) => {
      if (e.target.closest("#zoom, #legend")) return;
      drag = { x: e.clientX, y: e.clientY, tx: state.tx, ty: state.ty, moved: false };
    });
    window.addEventListener("mousemove", (e) => {
      if (!drag) {
        if (e.target === canvas || mapEl.contains(e.target)) mapEl.style.cursor = hit(e) ? "pointer" : "";
        return;
      }
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; mapEl.classList.add("dragging"); }
      state.tx = drag.tx + dx; state.ty = drag.ty + dy;
      if (drag.moved) applyTransform();
    });
    window.addEventListener("mouseup", (e) => {
      const d = drag;
      drag = null;
      mapEl.classList.remove("dragging");
      if (!d || d.moved) return;
      const h = hit(e);
      if (!h) return;
      if (h.d.pts.length === 1 || h.d.pts.every((p) => p.x === h.d.pts[0].x && p.y === h.d.pts[0].y) || state.k >= 256) {
        const p = h.d.pts[0];
        showEvidence(p.id, p.cluster);
      } else {
        zoomAt(2.5, h.d.x, h.d.y);
      }
    });
    $("zoom-in").onclick = () => zoomAt(1.6, W / 2, H / 2);
    $("zoom-out").onclick = () => zoomAt(1 / 1.6, W / 2, H / 2);
    $("zoom-reset").onclick = () => { state.k = 1; state.tx = 0; state.ty = 0; applyTransform(); };
    window.addEventListener("resize", () => sizeMapSoon());
  }
  function drawLegend() {
    const present = new Set(state.points.map((p) => p.type));
    const list = TYPES.filter((ty) => present.has(ty));
    $("legend").innerHTML = (list.length ? list : TYPES.slice(0, 0)).map((ty) =>
      '<div><span class="sw" style="background:' + COLORS[ty] + '"></span>' + esc(typeName(ty)) + "</div>").join("") +
      '<div>● ∝ √' + esc(t("killed")) + "</div>";
  }

  /* ----- timeline ----- */
  function dayNum(s) {
    const y = +s.slice(0, 4), m = s.length >= 7 ? +s.slice(5, 7) : 1, d = s.length >= 10 ? +s.slice(8, 10) : 1;
    return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
  }
  function dayStr(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }
  let tl = null; /* scale of the drawn timeline, for the brush */
  function drawTimeline() {
    const el = $("tl-svg");
    const w = el.clientWidth, h = el.clientHeight;
    const days = state.points.filter((p) => p.day != null).map((p) => p.day);
    el.innerHTML = "";
    if (!days.length || !w) { tl = null; return; }
    let lo = d3.min(days), hi = d3.max(days);
    const span = hi - lo;
    /* Bars of a day, a week or a month, whichever keeps them a few pixels wide. */
    const unit = span <= 120 ? "day" : span <= 730 ? "week" : "month";
    const binStart = (d) => {
      if (unit === "day") return d;
      if (unit === "week") return d - ((d + 3) % 7); /* Monday */
      const s = dayStr(d); return dayNum(s.slice(0, 7));
    };
    const binNext = (b) => unit === "day" ? b + 1 : unit === "week" ? b + 7 :
      (() => { const s = dayStr(b); let y = +s.slice(0, 4), m = +s.slice(5, 7) + 1; if (m > 12) { m = 1; y++; } return dayNum(y + "-" + String(m).padStart(2, "0")); })();
    lo = binStart(lo); hi = binNext(binStart(hi));
    const counts = new Map();
    for (const d of days) { const b = binStart(d); counts.set(b, (counts.get(b) || 0) + 1); }
    const max = d3.max(counts.values());
    const pad = 30, top = 6, bottom = 20;
    const rtl = lang === "ar";
    const x = (d) => { const f = (d - lo) / (hi - lo); return rtl ? w - pad - f * (w - 2 * pad) : pad + f * (w - 2 * pad); };
    const xinv = (px) => { let f = (px - pad) / (w - 2 * pad); if (rtl) f = 1 - f; return lo + Math.max(0, Math.min(1, f)) * (hi - lo); };
    tl = { x, xinv, lo, hi, w, h, binStart, binNext };
    const NS = "http://www.w3.org/2000/svg";
    const bars = document.createElementNS(NS, "g");
    for (const [b, c] of counts) {
      const x0 = x(b), x1 = x(binNext(b));
      const r = document.createElementNS(NS, "rect");
      const bh = (h - top - bottom) * c / max;
      r.setAttribute("x", Math.min(x0, x1) + 0.5);
      r.setAttribute("width", Math.max(1, Math.abs(x1 - x0) - 1));
      r.setAttribute("y", h - bottom - bh);
      r.setAttribute("height", bh);
      const outside = state.period && (binNext(b) - 1 < state.period[0] || b > state.period[1]);
      r.setAttribute("class", "bar" + (outside ? " out" : ""));
      const title = document.createElementNS(NS, "title");
      title.textContent = dayStr(b) + ": " + c;
      r.appendChild(title);
      bars.appendChild(r);
    }
    el.appendChild(bars);
    const axis = document.createElementNS(NS, "g");
    axis.setAttribute("class", "axis");
    const y0 = new Date(lo * 86400000).getUTCFullYear(), y1 = new Date(hi * 86400000).getUTCFullYear();
    const ticks = [];
    if (y1 - y0 >= 2) for (let y = y0; y <= y1; y++) ticks.push([dayNum(y + "-01-01"), String(y)]);
    else for (let d = binStart(lo); d <= hi; d = dayNum(dayStr(d).slice(0, 7)) + 32) {
      const m = dayNum(dayStr(d).slice(0, 7)); ticks.push([m, dayStr(m).slice(0, 7)]);
    }
    for (const [d, label] of ticks) {
      if (d < lo || d > hi) continue;
      const line = document.createElementNS(NS, "line");
      line.setAttribute("x1", x(d)); line.setAttribute("x2", x(d));
      line.setAttribute("y1", h - bottom); line.setAttribute("y2", h - bottom + 4);
      axis.appendChild(line);
      const tx = document.createElementNS(NS, "text");
      tx.setAttribute("x", x(d)); tx.setAttribute("y", h - 5); tx.setAttribute("text-anchor", "middle");
      tx.textContent = label;
      axis.appendChild(tx);
    }
    el.appendChild(axis);
    if (state.period) {
      const r = document.createElementNS(NS, "rect");
      const a = x(state.period[0]), b = x(state.period[1] + 1);
      r.setAttribute("class", "brush");
      r.setAttribute("x", Math.min(a, b)); r.setAttribute("width", Math.abs(b - a));
      r.setAttribute("y", top - 4); r.setAttribute("height", h - top - bottom + 4);
      el.appendChild(r);
    }
  }
  function setupBrush() {
    const el = $("tl-svg");
    let start = null, rect = null;
    el.addEventListener("mousedown", (e) => {
      if (!tl) return;
      const r = el.getBoundingClientRect();
      start = e.clientX - r.left;
      rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      rect.setAttribute("class", "brush");
      rect.setAttribute("y", 2); rect.setAttribute("height", tl.h - 22);
      rect.setAttribute("x", start); rect.setAttribute("width", 0);
      el.appendChild(rect);
      e.preventDefault();
    });
    window.addEventListener("mousemove", (e) => {
      if (start == null) return;
      const r = el.getBoundingClientRect();
      const cur = Math.max(0, Math.min(r.width, e.clientX - r.left));
      rect.setAttribute("x", Math.min(start, cur)); rect.setAttribute("width", Math.abs(cur - start));
    });
    window.addEventListener("mouseup", (e) => {
      if (start == null) return;
      const r = el.getBoundingClientRect();
      const cur = Math.max(0, Math.min(r.width, e.clientX - r.left));
      const s = start;
      start = null;
      if (Math.abs(cur - s) < 3) { rect.remove(); return; }
      let a = Math.floor(tl.xinv(s)), b = Math.floor(tl.xinv(cur));
      if (a > b) [a, b] = [b, a];
      setPeriod([a, b]);
    });
    $("tl-clear").onclick = () => setPeriod(null);
  }
  async function setPeriod(p) {
    state.period = p;
    drawTimeline();
    drawMarkers();
    updateExports();
    try {
      const list = await getJSON("/api/events?" + qs(withPeriod(state.filters), { limit: 100 }));
      $("count").textContent = list.total.toLocaleString(lang === "ar" ? "ar-EG" : "en-US");
      $("count").dataset.total = list.total;
      renderList(list);
    } catch (e) { showError(e.message); }
  }

  /* ----- evidence ----- */
  /* Spans are code-point offsets into the document text; Array.from splits by code point. */
  function highlighted(chars, sent, spans) {
    const s0 = sent.start, s1 = sent.end;
    const marks = spans.filter((m) => m.span && m.span.start >= s0 && m.span.end <= s1 && m.span.end > m.span.start)
      .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    let out = "", pos = s0;
    for (const m of marks) {
      if (m.span.start < pos) continue; /* overlapping: the first (longest) wins */
      out += esc(chars.slice(pos, m.span.start).join(""));
      out += '<mark class="' + m.cls + '" title="' + esc(t(m.label)) + '">' + esc(chars.slice(m.span.start, m.span.end).join("")) + "</mark>";
      pos = m.span.end;
    }
    return out + esc(chars.slice(pos, s1).join(""));
  }
  function countText(c) {
    if (!c) return null;
    const q = c.qualifier && c.qualifier !== "exact" ? c.qualifier.replace("_", " ") + " " : "";
    if (c.count != null) return q + c.count;
    if (c.low != null) return c.low + "–" + (c.high != null ? c.high : "?");
    return c.span ? c.span.text : "?";
  }
  const docCache = new Map();
  async function showEvidence(eventId, clusterId) {
    state.selected = eventId;
    for (const li of document.querySelectorAll("#list li")) li.classList.toggle("sel", li.dataset.id === eventId);
    drawMarkers();
    const panel = $("evidence"), body = $("ev-body");
    panel.hidden = false;
    body.innerHTML = "<p>" + esc(t("loading")) + "</p>";
    sizeMapSoon();
    const docId = eventId.replace(/:s\d+:e\d+$/, "");
    try {
      let doc = docCache.get(docId);
      if (!doc) { doc = await getJSON("/api/docs/" + encodeURIComponent(docId)); docCache.set(docId, doc); if (docCache.size > 50) docCache.delete(docCache.keys().next().value); }
      const ev = doc.events.find((e) => e.event_id === eventId);
      if (!ev) throw new Error("event " + eventId + " not in document " + docId);
      if (state.selected !== eventId) return;
      state.selectedEvent = ev;
      const chars = Array.from(doc.text || "");
      const spans = [{ span: ev.trigger, cls: "trigger", label: "trigger" }];
      for (const a of ev.actors || []) spans.push({ span: a.span, cls: "actor", label: "actor" });
      if (ev.location) spans.push({ span: ev.location.span, cls: "place", label: "place" });
      if (ev.date) spans.push({ span: ev.date.span, cls: "date", label: "date" });
      for (const k of ["killed", "injured", "arrested"]) if (ev.fatalities && ev.fatalities[k]) spans.push({ span: ev.fatalities[k].span, cls: "num", label: k });
      const loc = ev.location || {};
      const rows = [
        [t("type"), '<span class="sw" style="display:inline-block;width:10px;height:10px;border-radius:50%;background:' + (COLORS[ev.event.plover_type] || "#888") + '"></span> ' +
          esc(typeName(ev.event.plover_type)) + " (" + esc(ev.event.plover_type) + (ev.event.cameo_code ? ", CAMEO " + esc(ev.event.cameo_code) : "") + ")"],
        [t("date"), esc((ev.date && ev.date.value) || t("undated")) + (ev.date && ev.date.precision ? " <small>(" + esc(ev.date.precision) + ")</small>" : "")],
        [t("place"), loc.resolved_name || loc.name_ar ? esc(loc.resolved_name || "") + (loc.name_ar ? ' · <span dir="rtl">' + esc(loc.name_ar) + "</span>" : "") +
          (loc.country_iso3 ? " · " + esc(loc.country_iso3) : "") + (loc.lat != null ? " <small>(" + loc.lat.toFixed(3) + ", " + loc.lon.toFixed(3) + ")</small>" : "") : esc(t("unlocated"))],
        [t("actors"), (ev.actors || []).map((a) => esc(a.role) + ": " + esc(a.name || (a.span && a.span.text) || "?") + (a.country_iso3 ? " (" + esc(a.country_iso3) + (a.sector ? " " + esc(a.sector) : "") + ")" : "")).join("<br>") || "–"]
      ];
      for (const k of ["killed", "injured", "arrested"]) { const c = ev.fatalities && countText(ev.fatalities[k]); if (c) rows.push([t(k), esc(c)]); }
      if (ev.modality) rows.push([t("modality"), esc(ev.modality.polarity + " · " + ev.modality.realis + " · " + ev.modality.certainty)]);
      if (ev.attribution) rows.push([t("attribution"), esc((ev.attribution.speaker && ev.attribution.speaker.text) || "") + (ev.attribution.is_claim_of_responsibility ? " (claim)" : "")]);
      rows.push([t("document"), (doc.url ? '<a href="' + esc(doc.url) + '" target="_blank" rel="noopener">' : "") + esc(doc.title || doc.id) + (doc.url ? "</a>" : "") + '<br><small>' + esc(doc.id) + "</small>"]);
      rows.push([t("publisher"), esc((doc.publisher || "–") + (doc.date ? " · " + doc.date : ""))]);
      let html = "<h3>" + esc(t("evidence")) + "</h3>" +
        '<div class="sentence" id="ev-sentence" lang="ar">' + highlighted(chars, ev.sentence, spans) + "</div>" +
        '<div class="keys"><span><mark class="trigger">' + esc(t("trigger")) + '</mark></span><span><mark class="actor">' + esc(t("actor")) +
        '</mark></span><span><mark class="place">' + esc(t("place")) + '</mark></span><span><mark class="date">' + esc(t("date")) +
        '</mark></span><span><mark class="num">' + esc(t("num")) + "</mark></span></div>" +
        "<dl>" + rows.map((r) => "<dt>" + esc(r[0]) + "</dt><dd>" + r[1] + "</dd>").join("") + "</dl>" +
        '<h4>' + esc(t("cluster")) + '</h4><div id="ev-cluster">' + (clusterId ? esc(t("loading")) : esc(t("cluster_none"))) + "</div>" +
        "<details><summary>" + esc(t("open_doc")) + '</summary><div class="doctext">' + esc(doc.text || "") + "</div></details>";
      body.innerHTML = html;
      if (clusterId) showCluster(clusterId, eventId);
    } catch (e) {
      body.innerHTML = '<p class="conflict">' + esc(e.message) + "</p>";
    }
  }
  async function showCluster(id, eventId) {
    const el = $("ev-cluster");
    try {
      const c = await getJSON("/api/clusters/" + encodeURIComponent(id));
      if (state.selected !== eventId) return;
      const kl = c.fatalities && c.fatalities.killed;
      const claims = (kl && kl.claims) || [];
      const values = new Set(claims.map((x) => x.count));
      let html = "<p>" + esc(t("reports", { n: c.nevents, d: c.ndocs })) + (c.publishers && c.publishers.length ? " · " + esc(c.publishers.join(", ")) : "") + "</p>";
      if (claims.length) {
        html += '<p class="' + (values.size > 1 ? "conflict" : "") + '">' + esc(values.size > 1 ? t("conflicting") : t("consistent")) +
          (kl.low != null ? " (" + kl.low + (kl.high != null && kl.high !== kl.low ? "–" + kl.high : "") + ")" : "") + "</p><ul>" +
          claims.map((x) => "<li>" + esc(x.publisher || x.doc_id) + ": " + esc(x.qualifier && x.qualifier !== "exact" ? x.qualifier + " " : "") + esc(x.count) + " " + esc(t("killed")) + "</li>").join("") + "</ul>";
      }
      html += "<ul>" + (c.events || []).map((e) => {
        const eid = typeof e === "string" ? e : e.event_id;
        return "<li>" + (eid === eventId ? "<b>" + esc(eid) + "</b>" : '<a class="ev" data-id="' + esc(eid) + '">' + esc(eid) + "</a>") + "</li>";
      }).join("") + "</ul>";
      el.innerHTML = html;
      for (const a of el.querySelectorAll("a.ev")) a.onclick = () => showEvidence(a.dataset.id, id);
    } catch (e) { el.textContent = e.message; }
  }
  /* The evidence panel narrows the map: keep the view's centre where it was. */
  function sizeMapSoon() {
    requestAnimationFrame(() => {
      const w = W, h = H;
      sizeMap();
      if (w !== W || h !== H) { state.tx += (W - w) / 2; state.ty += (H - h) / 2; applyTransform(); }
      drawTimeline();
    });
  }

  /* ----- start ----- */
  async function fillFilters() {
    for (const ty of TYPES) { const o = document.createElement("option"); o.value = ty; o.textContent = typeName(ty); $("f-type").appendChild(o); }
    try {
      const st = await getJSON("/api/stats");
      for (const c of Object.keys(st.by_country || {})) {
        if (!/^[A-Z]{3}$/.test(c)) continue;
        const o = document.createElement("option"); o.value = c; o.textContent = c + " (" + st.by_country[c] + ")";
        $("f-country").appendChild(o);
      }
    } catch (e) { showError(e.message); }
  }
  async function start() {
    sizeMap();
    setupMapEvents();
    setupBrush();
    $("lang").onclick = () => { lang = lang === "ar" ? "en" : "ar"; localStorage.setItem("raml.lang", lang); applyLang(); };
    $("filters").addEventListener("submit", (e) => { e.preventDefault(); state.period = null; load(); });
    $("filters").addEventListener("change", (e) => { if (e.target.tagName === "SELECT" || e.target.type === "date") { state.period = null; load(); } });
    $("reset").onclick = () => { $("filters").reset(); state.period = null; load(); };
    $("ev-close").onclick = () => { $("evidence").hidden = true; state.selected = null; state.selectedEvent = null; sizeMapSoon(); drawMarkers(); };
    /* The country list comes from /api/stats, a scan of the whole store (seconds over a
     * million events): the map and timeline do not wait for it. */
    const filters = fillFilters();
    await loadCountries().catch((e) => showError("map: " + e.message));
    applyLang();
    await load();
    drawLegend();
    await filters;
    document.body.dataset.ready = "1";
  }
  window.raml = { state, load, showEvidence, drawMarkers };
  start();
})();
