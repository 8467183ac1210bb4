// The review station: plain JavaScript, no build step. Talks to /api (see
// README "Review station"); every change carries the session's CSRF token
// and the dossier's version, so two reviewers never overwrite each other.
"use strict";

const $ = (sel) => document.querySelector(sel);
let me = null;          // {user, role, csrf}
let current = null;     // the open dossier (API record + version + audit)
let pageIndex = 0;
let queueIds = [];

async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && me) headers["X-CSRF-Token"] = me.csrf;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
                                  credentials: "same-origin" });
  const data = res.headers.get("Content-Type")?.startsWith("application/json") ? await res.json() : null;
  if (res.status === 401 && path !== "/api/session") { show("sign-in"); throw new Error("signed out"); }
  if (!res.ok) throw new Error(data?.error?.message || res.statusText);
  return data;
}

function show(id) {
  for (const s of ["sign-in", "queue", "dossier", "dashboard"]) $("#" + s).hidden = s !== id;
  $("#nav").hidden = id === "sign-in";
}

function text(el, value) { el.textContent = value ?? ""; return el; }
function make(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  for (const c of children) el.append(c);
  return el;
}

// ---------------------------------------------------------------- sign-in

$("#sign-in").addEventListener("submit", async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  try {
    me = await api("POST", "/api/session", { name: form.get("name"), password: form.get("password") });
    text($("#sign-in-error"), "");
    e.target.reset();
    route();
  } catch (err) {
    text($("#sign-in-error"), err.message);
  }
});

$("#sign-out").addEventListener("click", async () => {
  await api("DELETE", "/api/session").catch(() => {});
  me = null;
  show("sign-in");
});

// ---------------------------------------------------------------- queue

async function loadQueue() {
  const params = new URLSearchParams();
  if ($("#filter-flag").value) params.set("flag", $("#filter-flag").value);
  if ($("#filter-type").value) params.set("doc_type", $("#filter-type").value);
  const q = await api("GET", "/api/queue?" + params);
  text($("#queue-count"), `(${q.counts.shown} of ${q.counts.waiting})`);
  for (const [select, counts] of [[$("#filter-flag"), q.counts.by_flag], [$("#filter-type"), q.counts.by_doc_type]]) {
    const chosen = select.value;
    select.replaceChildren(make("option", { value: "", textContent: "all" }));
    for (const [k, n] of Object.entries(counts)) select.append(make("option", { value: k, textContent: `${k} (${n})` }));
    select.value = chosen;
  }
  const body = $("#queue-table tbody");
  body.replaceChildren();
  queueIds = q.dossiers.map((d) => d.id);
  for (const d of q.dossiers) {
    const flags = make("td");
    for (const f of d.flags) flags.append(make("span", { className: "flag", textContent: f }));
    const row = make("tr", {}, make("td", { textContent: d.id }), make("td", { textContent: d.source }),
                     make("td", { textContent: d.doc_type }), make("td", { textContent: d.doc_date }), flags);
    row.dataset.id = d.id;
    row.addEventListener("click", () => { location.hash = "#/dossier/" + d.id; });
    body.append(row);
  }
  show("queue");
}
$("#filter-flag").addEventListener("change", loadQueue);
$("#filter-type").addEventListener("change", loadQueue);

// ---------------------------------------------------------------- dossier

async function loadDossier(id) {
  current = await api("GET", "/api/dossiers/" + id);
  pageIndex = 0;
  text($("#dossier-error"), "");
  text($("#dossier-info"), "");
  text($("#dossier-title"), `Dossier ${current.dossier_id}: ${current.doc_type || "unknown"}`);
  text($("#dossier-meta"), `${current.source} · ${current.status} · dated ${current.doc_date || "?"} · version ${current.version}`);
  const flags = $("#flags");
  flags.replaceChildren();
  for (const f of current.flags)
    flags.append(make("li", {}, make("span", { className: "flag " + f.severity, textContent: f.code }), " " + f.message));
  renderAddress();
  renderFields();
  renderOther();
  renderAudit();
  showPage();
  show("dossier");
}

function showPage() {
  const pages = current.pages.length;
  text($("#page-label"), `page ${pageIndex + 1} of ${pages}`);
  const view = $("#show-original").checked ? "?view=original" : "";
  const img = $("#page-image");
  img.onload = drawBoxes;
  img.src = `/api/dossiers/${current.dossier_id}/pages/${pageIndex + 1}.png${view}`;
}

function drawBoxes() {
  const svg = $("#boxes");
  svg.replaceChildren();
  if ($("#show-original").checked) return;
  const page = current.pages[pageIndex];
  svg.setAttribute("viewBox", `0 0 ${page.width} ${page.height}`);
  for (const [key, f] of Object.entries(current.fields)) {
    // bbox: [x, y, width, height] on the page as read (0 wide: set by a person).
    if (f.page !== pageIndex || !Array.isArray(f.bbox) || !f.bbox[2]) continue;
    const r = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    const [x, y, width, height] = f.bbox;
    for (const [a, v] of Object.entries({ x, y, width, height })) r.setAttribute(a, v);
    r.dataset.key = key;
    svg.append(r);
  }
}

// The applicant's fields a dossier should have: those missing get an empty
// input, so a reviewer can key what the page says.
const CORE_FIELDS = ["full_name", "date_of_birth", "gender", "id_number", "permanent_address", "phone"];

function renderFields() {
  const form = $("#fields");
  form.replaceChildren();
  const fields = { ...current.fields };
  for (const key of CORE_FIELDS)
    if (!(key in fields)) fields[key] = { value: "", confidence: 0, page: -1, bbox: [0, 0, 0, 0] };
  for (const [key, f] of Object.entries(fields)) {
    const input = make("input", { name: key, value: f.value, id: "field-" + key });
    input.addEventListener("focus", () => {
      for (const r of document.querySelectorAll("#boxes rect")) r.classList.toggle("active", r.dataset.key === key);
      if (f.page >= 0 && f.page !== pageIndex) { pageIndex = f.page; showPage(); }
    });
    input.addEventListener("change", () => saveField(key, input.value));
    form.append(make("label", {}, make("span", { textContent: key + " " },
                                       make("span", { className: "conf",
                                                      textContent: f.page < 0 ? "(not found: key it from the page)"
                                                                              : `(${Math.round(f.confidence * 100)}%)` })), input));
    if (key === "permanent_address") input.addEventListener("input", () => recheckAddress(input.value));
  }
}

// What no field took: the label as printed and its value.
function renderOther() {
  const list = $("#other");
  list.replaceChildren();
  $("#other-title").hidden = !current.other.length;
  for (const o of current.other)
    list.append(make("li", {}, make("span", { className: "label", textContent: o.label + ": " }), o.value));
}

async function saveField(key, value) {
  try {
    const r = await api("PUT", `/api/dossiers/${current.dossier_id}/fields/${key}`, { value, version: current.version });
    current.version = r.version;
    await loadDossier(current.dossier_id);
    // The value stood under a label hoso did not know: learnt for next time.
    if (r.learnt) text($("#dossier-info"), `Learnt: "${r.learnt.label}" is ${r.learnt.field} (undo on the dashboard)`);
  } catch (err) {
    text($("#dossier-error"), err.message);
  }
}

function renderAddress(verdict = current.address) {
  const box = $("#address-box");
  box.replaceChildren();
  if (!verdict || verdict.status === "current") return;
  box.append(make("div", {}, make("strong", { textContent: "Address " + verdict.status + ": " }), verdict.message || ""));
  if (verdict.matched) box.append(make("div", { className: "hint matched", textContent: "check: " + verdict.matched }));
  if (verdict.old) box.append(make("div", { textContent: `old units: ${[verdict.old.commune, verdict.old.district, verdict.old.province].filter(Boolean).join(", ")}` }));
  const suggested = verdict.suggested?.text;
  if (suggested) {
    const accept = make("button", { type: "button", id: "accept-address", textContent: "Accept (s)" });
    accept.addEventListener("click", () => acceptAddress(suggested));
    box.append(make("div", {}, "suggested: ", make("span", { className: "suggested", textContent: suggested }), " ", accept));
  }
  for (const c of verdict.candidates || []) {
    const pick = make("button", { type: "button", textContent: "Use" });
    const street = verdict.parsed?.street ? verdict.parsed.street + ", " : "";
    pick.addEventListener("click", () => acceptAddress(`${street}${c.ward}, ${c.province}`));
    box.append(make("div", {}, `candidate: ${c.ward}, ${c.province} `,
                    c.all_population ? make("span", { className: "all", textContent: "(took all its population) " }) : "", pick));
  }
  if (verdict.legal_basis) box.append(make("div", { className: "hint", textContent: "resolution: " + verdict.legal_basis }));
}

async function acceptAddress(text_) {
  const input = $("#field-permanent_address");
  if (input) input.value = text_;
  await saveField("permanent_address", text_);
}

let recheckTimer = null;
function recheckAddress(value) {
  clearTimeout(recheckTimer);
  recheckTimer = setTimeout(async () => {
    try { renderAddress(await api("POST", "/api/address/check", { text: value, doc_date: current.doc_date || "" })); } catch (e) {}
  }, 250);
}

function renderAudit() {
  const body = $("#audit tbody");
  body.replaceChildren();
  for (const a of current.audit)
    body.append(make("tr", {}, ...[a.at, a.actor, a.what, a.before, a.after].map((v) => make("td", { textContent: v ?? "" }))));
}

async function decide(what) {
  const reason = $("#reject-reason").value.trim();
  try {
    await api("POST", `/api/dossiers/${current.dossier_id}/${what}`, { version: current.version, reason });
    $("#reject-reason").value = "";
    await loadDossier(current.dossier_id);
  } catch (err) {
    text($("#dossier-error"), err.message);
  }
}
$("#approve").addEventListener("click", () => decide("approve"));
$("#reject").addEventListener("click", () => decide("reject"));
$("#next").addEventListener("click", nextDossier);
$("#show-original").addEventListener("change", showPage);
$("#prev-page").addEventListener("click", () => { if (pageIndex > 0) { pageIndex--; showPage(); } });
$("#next-page").addEventListener("click", () => { if (pageIndex + 1 < current.pages.length) { pageIndex++; showPage(); } });

async function nextDossier() {
  const q = await api("GET", "/api/queue");
  const next = q.dossiers.find((d) => d.id !== current?.dossier_id);
  location.hash = next ? "#/dossier/" + next.id : "#/queue";
}

document.addEventListener("keydown", (e) => {
  if (e.target.matches("input, select, textarea")) return;
  if (!$("#dossier").hidden) {
    if (e.key === "a") decide("approve");
    else if (e.key === "n") nextDossier();
    else if (e.key === "s") $("#accept-address")?.click();
    else if (e.key === "ArrowRight") $("#next-page").click();
    else if (e.key === "ArrowLeft") $("#prev-page").click();
  } else if (!$("#queue").hidden && e.key === "Enter" && queueIds.length) {
    location.hash = "#/dossier/" + queueIds[0];
  }
});

// ---------------------------------------------------------------- dashboard

function bars(svg, items, label, value, colour) {
  svg.replaceChildren();
  const W = +svg.getAttribute("width"), H = +svg.getAttribute("height");
  const max = Math.max(1, ...items.map(value));
  const w = Math.max(8, Math.floor((W - 40) / Math.max(1, items.length)) - 6);
  items.forEach((it, i) => {
    const h = Math.round((H - 40) * value(it) / max), x = 30 + i * (w + 6);
    const r = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    Object.entries({ x, y: H - 20 - h, width: w, height: h, fill: colour(it) }).forEach(([a, v]) => r.setAttribute(a, v));
    const t = document.createElementNS("http://www.w3.org/2000/svg", "text");
    Object.entries({ x, y: H - 5 }).forEach(([a, v]) => t.setAttribute(a, v));
    t.textContent = label(it);
    const n = document.createElementNS("http://www.w3.org/2000/svg", "text");
    Object.entries({ x, y: H - 24 - h }).forEach(([a, v]) => n.setAttribute(a, v));
    n.textContent = value(it);
    svg.append(r, t, n);
  });
}

async function loadDashboard() {
  const d = await api("GET", "/api/dashboard");
  const colours = { registered: "#2e7d32", needs_review: "#f0a500", rejected: "#b00020" };
  bars($("#chart-days"), d.per_day, (x) => `${x.day.slice(5)} ${x.status[0]}`, (x) => x.count, (x) => colours[x.status] || "#555");
  bars($("#chart-flags"), d.top_flags, (x) => x.code.replace(/^ADDRESS_/, "A_").slice(0, 12), (x) => x.count, () => "#12355b");
  bars($("#chart-batches"), [...d.batches].reverse(), (x) => `${x.command} ${x.finished_at.slice(5, 16)}`,
       (x) => Math.round(x.pages_per_second * 100) / 100, () => "#2e7d32");
  await loadLearnt();
  show("dashboard");
}

// Labels learnt from corrections, each with its undo.
async function loadLearnt() {
  const { learnt } = await api("GET", "/api/learnt");
  const body = $("#learnt tbody");
  body.replaceChildren();
  for (const l of learnt) {
    const undo = make("button", { type: "button", textContent: "Undo", className: "undo" });
    undo.addEventListener("click", async () => { await api("DELETE", "/api/learnt/" + l.id); await loadLearnt(); });
    body.append(make("tr", {}, make("td", { textContent: l.label }), make("td", { textContent: l.field }),
                     make("td", { textContent: l.learnt_by }), make("td", { textContent: l.learnt_at }), make("td", {}, undo)));
  }
}

// ---------------------------------------------------------------- routing

async function route() {
  if (!me) {
    try { me = await api("GET", "/api/me"); } catch (e) { show("sign-in"); return; }
  }
  text($("#who"), `${me.user} (${me.role})`);
  const m = location.hash.match(/^#\/dossier\/(\d+)$/);
  try {
    if (m) await loadDossier(m[1]);
    else if (location.hash === "#/dashboard") await loadDashboard();
    else await loadQueue();
  } catch (err) {
    if (err.message !== "signed out") alert(err.message);
  }
}
window.addEventListener("hashchange", route);
route();
