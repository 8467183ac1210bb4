// The review station: plain JavaScript, no build step (words in i18n.js).
// Talks to /api (see README "Review station"); every change carries the
// session's CSRF token and the dossier's version, so two reviewers never
// overwrite each other.
"use strict";

const $ = (sel) => document.querySelector(sel);
let me = null;          // {user, role, csrf, language}
let current = null;     // the open dossier (API record + version + audit)
let pageIndex = 0;
let zoom = 1;
let queueIds = [];
let queueOffset = 0;
const PAGE_SIZE = 50;
let notice = "";        // said on the next dossier opened (what was just decided)
let saving = Promise.resolve();  // the last field save: a decision waits for it

class ApiError extends Error {
  constructor(code, message) { super(message); this.code = code; }
}

async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && me) headers["X-CSRF-Token"] = me.csrf;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
                                  credentials: "same-origin" });
  const data = res.headers.get("Content-Type")?.startsWith("application/json") ? await res.json() : null;
  if (res.status === 401 && path !== "/api/session") { show("sign-in"); throw new ApiError("SIGNED_OUT", "signed out"); }
  if (!res.ok) throw new ApiError(data?.error?.code || String(res.status), data?.error?.message || res.statusText);
  return data;
}

// An API refusal in the reader's words (the server's own text when no
// translation is known).
function errorText(err, context) {
  const errors = t("errors");
  if (err.code === "DENIED" && context === "sign-in") return errors.DENIED_SIGN_IN;
  if (err.code === "INVALID_ARGUMENT" && /reason/.test(err.message) && context === "reject") return errors.REASON_REJECT;
  if (err.code === "BAD_REQUEST" && /reason/.test(err.message))
    return context === "reopen" ? errors.REASON_REOPEN : errors.REASON_REJECT;
  return errors[err.code] || err.message;
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
function flagChip(code, severity = "") {
  const chip = make("span", { className: "flag " + severity, textContent: flagName(code), title: code });
  chip.dataset.code = code;
  return chip;
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
    text($("#sign-in-error"), errorText(err, "sign-in"));
  }
});

$("#sign-out").addEventListener("click", async () => {
  await api("DELETE", "/api/session").catch(() => {});
  me = null;
  show("sign-in");
});

// English or Vietnamese, kept with the user's account.
$("#language").addEventListener("click", async () => {
  me = { ...me, ...(await api("PUT", "/api/me", { language: LANG === "vi" ? "en" : "vi" })) };
  setLanguage(me.language);
  route();
});

// ---------------------------------------------------------------- queue

// The queue's search as query parameters (also what "next" follows).
function queueParams() {
  const params = new URLSearchParams();
  const put = (k, v) => { if (v) params.set(k, v); };
  put("q", $("#search").value.trim());
  put("flag", $("#filter-flag").value);
  put("doc_type", $("#filter-type").value);
  const point = $("#filter-point").value;
  if (point) params.set("intake_point", point === "\u0000" ? "" : point);
  put("from", $("#filter-from").value);
  put("to", $("#filter-to").value);
  return params;
}

function fillSelect(select, counts, label) {
  const chosen = select.value;
  select.replaceChildren(make("option", { value: "", textContent: t("all") }));
  for (const [k, n] of Object.entries(counts))
    select.append(make("option", { value: k === "" && select.id === "filter-point" ? "\u0000" : k,
                                   textContent: `${label(k)} (${n})` }));
  select.value = chosen;
  if (select.value !== chosen) select.value = "";
}

async function loadQueue() {
  const params = queueParams();
  params.set("offset", queueOffset);
  params.set("limit", PAGE_SIZE);
  const q = await api("GET", "/api/queue?" + params);
  // A search typed just before a dossier was opened answers late: not shown.
  if (location.hash.startsWith("#/dossier/") || location.hash === "#/dashboard") return;
  const c = q.counts;
  text($("#queue-count"), t("count", c.matching, c.waiting));
  fillSelect($("#filter-flag"), c.by_flag, flagName);
  fillSelect($("#filter-type"), c.by_doc_type, docTypeName);
  fillSelect($("#filter-point"), c.by_intake_point, (k) => k || t("none_named"));
  const body = $("#queue-table tbody");
  body.replaceChildren();
  queueIds = q.dossiers.map((d) => d.id);
  for (const d of q.dossiers) {
    const flags = make("td");
    for (const f of d.flags) flags.append(flagChip(f));
    const row = make("tr", {}, make("td", { textContent: d.id }),
                     make("td", { textContent: d.applicant || d.document || d.source,
                                  className: d.applicant || d.document ? "" : "muted" }),
                     make("td", { textContent: d.id_masked, className: "mono" }),
                     make("td", { textContent: docTypeName(d.doc_type) }),
                     make("td", { textContent: showTime(d.received_at) }),
                     make("td", { textContent: d.intake_point }), flags);
    row.dataset.id = d.id;
    row.tabIndex = 0;
    row.addEventListener("click", () => { location.hash = "#/dossier/" + d.id; });
    body.append(row);
  }
  const empty = $("#queue-empty");
  empty.hidden = q.dossiers.length > 0;
  text(empty, c.waiting === 0 ? t("all_done") : t("no_match"));
  $("#queue-table").hidden = q.dossiers.length === 0;
  text($("#page-info"), c.matching ? t("shown", q.offset + 1, q.offset + q.dossiers.length, c.matching) : "");
  $("#page-prev").disabled = q.offset === 0;
  $("#page-next").disabled = q.offset + q.dossiers.length >= c.matching;
  show("queue");
}

let searchTimer = null;
$("#search").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => { queueOffset = 0; loadQueue(); }, 250);
});
for (const id of ["#filter-flag", "#filter-type", "#filter-point", "#filter-from", "#filter-to"])
  $(id).addEventListener("change", () => { queueOffset = 0; loadQueue(); });
$("#page-prev").addEventListener("click", () => { queueOffset = Math.max(0, queueOffset - PAGE_SIZE); loadQueue(); });
$("#page-next").addEventListener("click", () => { queueOffset += PAGE_SIZE; loadQueue(); });

// ---------------------------------------------------------------- dossier

async function loadDossier(id) {
  current = await api("GET", "/api/dossiers/" + id);
  pageIndex = 0;
  text($("#dossier-error"), "");
  text($("#dossier-info"), notice);
  notice = "";
  text($("#dossier-title"), `${t("dossier")} ${current.dossier_id}: ${docTypeName(current.doc_type)}`);
  const meta = [t("status")[current.status] || current.status];
  if (current.received_at) meta.push(`${t("received")} ${showTime(current.received_at)}`);
  if (current.intake_point) meta.push(`${t("at_point")} ${current.intake_point}`);
  if (current.doc_date) meta.push(`${t("dated")} ${showDate(current.doc_date)}`);
  meta.push(`${t("version")} ${current.version}`);
  text($("#dossier-meta"), meta.join(" · "));
  $("#dossier-meta").dataset.status = current.status;
  const decided = current.status !== "needs_review";
  $("#approve").hidden = $("#reject").hidden = decided;
  $("#reopen").hidden = !decided || me?.role !== "admin";
  $("#reject-reason").hidden = decided && me?.role !== "admin";
  const flags = $("#flags");
  flags.replaceChildren();
  for (const f of current.flags)
    flags.append(make("li", {}, flagChip(f.code, f.severity), " " + f.message));
  renderAddress();
  renderFields();
  renderOther();
  renderAudit();
  showPage();
  show("dossier");
}

function showPage() {
  const pages = current.pages.length;
  text($("#page-label"), t("page_of", pageIndex + 1, pages));
  const view = $("#show-original").checked ? "?view=original" : "";
  const img = $("#page-image");
  // Until the page has come, nothing of the one before (another dossier's
  // page under this one's fields) stays on screen.
  $("#boxes").replaceChildren();
  img.style.visibility = "hidden";
  img.onload = () => { img.style.visibility = ""; drawBoxes(); };
  img.src = `/api/dossiers/${current.dossier_id}/pages/${pageIndex + 1}.png${view}`;
}

function setZoom(z) {
  zoom = Math.min(4, Math.max(1, z));
  $(".page-frame").style.width = `${zoom * 100}%`;
  text($("#zoom-label"), `${Math.round(zoom * 100)}%`);
}
$("#zoom-in").addEventListener("click", () => setZoom(zoom * 1.5));
$("#zoom-out").addEventListener("click", () => setZoom(zoom / 1.5));

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

// Brings the field's box into view, zoomed in when the page is small on
// the screen (an ID card's copy).
function focusBox(key) {
  for (const r of document.querySelectorAll("#boxes rect")) r.classList.toggle("active", r.dataset.key === key);
  const rect = document.querySelector(`#boxes rect[data-key="${key}"]`);
  rect?.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
}

// The applicant's fields a dossier should have: those missing get an empty
// input, so a reviewer can key what the page says.
const CORE_FIELDS = ["full_name", "date_of_birth", "gender", "id_number", "permanent_address", "phone"];
// An official document's (công văn, quyết định ...): what an archive records.
const ARCHIVE_FIELDS = ["doc_kind", "doc_number", "doc_symbol", "doc_date", "issuer", "issuer_parent",
                        "issue_place", "subject", "signer_name", "signer_title"];

function renderFields() {
  const form = $("#fields");
  form.replaceChildren();
  const fields = { ...current.fields };
  const core = "doc_kind" in fields ? ARCHIVE_FIELDS : CORE_FIELDS;
  for (const key of core)
    if (!(key in fields)) fields[key] = { value: "", confidence: 0, page: -1, bbox: [0, 0, 0, 0] };
  const flagged = new Map(current.flags.filter((f) => f.field).map((f) => [f.field, f]));
  // The applicant's own fields first, in the forms' order; then the rest.
  const rank = (k) => (core.includes(k) ? core.indexOf(k) : core.length);
  const keys = Object.keys(fields).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const key of keys) {
    const f = fields[key];
    const shown = showValue(key, f.value);
    const input = make("input", { name: key, value: shown, id: "field-" + key });
    input.dataset.shown = shown;
    input.addEventListener("focus", () => {
      if (f.page >= 0 && f.page !== pageIndex) { pageIndex = f.page; showPage(); }
      focusBox(key);
    });
    // Saved when it changed, on leaving the field (Esc, Enter, Tab, a click).
    input.addEventListener("blur", () => {
      if (input.value !== input.dataset.shown) saving = saveField(key, input.value);
    });
    const label = make("label", {}, make("span", { textContent: fieldName(key) + " " },
                                         make("span", { className: "conf",
                                                        textContent: f.page < 0 ? t("not_found")
                                                                                : `(${Math.round(f.confidence * 100)}%)` })),
                       input);
    if (flagged.has(key)) label.classList.add("flagged", flagged.get(key).severity);
    form.append(label);
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
    // The value stood under a label hoso did not know: learnt for next time.
    if (r.learnt) notice = t("learnt", r.learnt.label, fieldName(r.learnt.field));
    await loadDossier(current.dossier_id);
  } catch (err) {
    text($("#dossier-error"), errorText(err));
  }
}

// The address as written and as it is today, side by side; for a divided
// commune, each ward it went to, with what it took and the resolution's clause.
function renderAddress(verdict = current.address) {
  const box = $("#address-box");
  box.replaceChildren();
  if (!verdict || verdict.status === "current") return;
  box.dataset.status = verdict.status;
  // The verdict's words, unless a flag above says them already.
  const said = current.flags.some((f) => f.message === verdict.message);
  box.append(make("div", { className: "verdict" },
                  make("strong", { textContent: t("address_status")[verdict.status] || verdict.status }),
                  said || !verdict.message ? "" : ": " + verdict.message));
  if (verdict.matched) box.append(make("div", { className: "hint matched", textContent: t("check") + ": " + verdict.matched }));
  const old = verdict.old ? [verdict.old.commune, verdict.old.district, verdict.old.province].filter(Boolean).join(", ") : "";
  const before = make("div", { className: "before" }, make("h3", { textContent: t("old_address") }),
                      make("div", { textContent: verdict.input || "" }));
  if (old) before.append(make("div", { className: "hint", textContent: `${t("old_units")}: ${old}` }));
  const after = make("div", { className: "after" }, make("h3", { textContent: t("new_address") }));
  const suggested = verdict.suggested?.text;
  if (suggested) {
    const accept = make("button", { type: "button", id: "accept-address", textContent: t("accept") });
    accept.addEventListener("click", () => acceptAddress(suggested));
    after.append(make("div", { className: "suggested", textContent: suggested }), accept);
  }
  const street = verdict.parsed?.street ? verdict.parsed.street + ", " : "";
  for (const c of verdict.candidates || []) {
    const pick = make("button", { type: "button", textContent: t("use"), className: "use" });
    pick.addEventListener("click", () => acceptAddress(`${street}${c.ward}, ${c.province}`));
    const what = [c.kind === "whole" ? t("whole") : c.kind ? t("part") : "", c.all_population ? t("all_population") : ""]
                   .filter(Boolean).join(", ");
    const candidate = make("div", { className: "candidate" },
                           make("span", { className: c.all_population ? "all" : "", textContent: `${c.ward}, ${c.province}` }),
                           what ? ` (${what})` : "", " ", pick);
    // The resolution's own words on which part went where.
    if (c.basis_text)
      candidate.append(make("details", {}, make("summary", { textContent: `${t("resolution")}: ${c.basis}` }),
                            make("p", { className: "clause", textContent: c.basis_text })));
    else if (c.basis) candidate.append(make("div", { className: "hint", textContent: `${t("resolution")}: ${c.basis}` }));
    after.append(candidate);
  }
  box.append(make("div", { className: "side-by-side" }, before, after));
  if (verdict.legal_basis) box.append(make("div", { className: "hint", textContent: `${t("resolution")}: ${verdict.legal_basis}` }));
}

async function acceptAddress(text_) {
  const input = $("#field-permanent_address");
  if (input) { input.value = text_; input.dataset.shown = text_; }
  saving = saveField("permanent_address", text_);
  await saving;
}

let recheckTimer = null;
function recheckAddress(value) {
  clearTimeout(recheckTimer);
  recheckTimer = setTimeout(async () => {
    try { renderAddress(await api("POST", "/api/address/check", { text: value, doc_date: current.doc_date || "" })); } catch (e) {}
  }, 250);
}

function auditWhat(what) {
  if (what.startsWith("field:")) return `${t("audit_field")}: ${fieldName(what.slice(6))}`;
  if (what.startsWith("learnt:")) return `${t("audit_learnt")}: ${what.slice(7)}`;
  return t("audit_what")[what] || what;
}
function auditValue(what, v) {
  if (v == null) return "";
  if (what.startsWith("status")) return v.replace(/^(registered|needs_review|rejected)/, (s) => t("status")[s]);
  if (what.startsWith("field:")) return showValue(what.slice(6), v);
  return v;
}

function renderAudit() {
  const body = $("#audit tbody");
  body.replaceChildren();
  for (const a of current.audit) {
    const row = make("tr", {}, ...[showTime(a.at), a.actor, auditWhat(a.what), auditValue(a.what, a.before),
                                   auditValue(a.what, a.after)].map((v) => make("td", { textContent: v ?? "" })));
    row.dataset.what = a.what;
    body.append(row);
  }
}

// Approve or reject, then on to the next dossier of the same search.
async function decide(what) {
  await saving;  // a field left just before is saved first (its version)
  const reason = $("#reject-reason").value.trim();
  const id = current.dossier_id;
  try {
    await api("POST", `/api/dossiers/${id}/${what}`, { version: current.version, reason });
    $("#reject-reason").value = "";
    if (what === "reopen") {  // back in the queue: stays open here
      notice = t("reopened", id);
      await loadDossier(id);
      return;
    }
    notice = what === "approve" ? t("approved", id) : t("rejected_msg", id);
    await nextDossier();
  } catch (err) {
    text($("#dossier-error"), errorText(err, what));
  }
}
$("#approve").addEventListener("click", () => decide("approve"));
$("#reject").addEventListener("click", () => decide("reject"));
$("#reopen").addEventListener("click", () => decide("reopen"));
$("#next").addEventListener("click", nextDossier);
$("#show-original").addEventListener("change", showPage);
$("#prev-page").addEventListener("click", () => { if (pageIndex > 0) { pageIndex--; showPage(); } });
$("#next-page").addEventListener("click", () => { if (pageIndex + 1 < current.pages.length) { pageIndex++; showPage(); } });

// The next waiting dossier of the queue as searched (after the open one, in
// the queue's order), or the queue itself when none is left.
async function nextDossier() {
  const params = queueParams();
  params.set("limit", 200);
  const q = await api("GET", "/api/queue?" + params);
  const ids = q.dossiers.map((d) => d.id);
  const after = ids.filter((i) => i < (current?.dossier_id ?? Infinity));
  const next = after[0] ?? ids.find((i) => i !== current?.dossier_id);
  if (next === undefined) {
    location.hash = "#/queue";
    if (location.hash === "#/queue") await loadQueue();
    return;
  }
  if (location.hash === "#/dossier/" + next) await loadDossier(next);
  else location.hash = "#/dossier/" + next;
}

document.addEventListener("keydown", (e) => {
  // Esc leaves a field (saving it), so the keys work again; Enter in a
  // field does the same.
  if (e.target.matches("#fields input") && (e.key === "Escape" || e.key === "Enter")) {
    e.preventDefault();
    e.target.blur();
    return;
  }
  if (e.target.matches("input, select, textarea")) {
    if (e.key === "Escape") e.target.blur();
    return;
  }
  if (e.ctrlKey || e.altKey || e.metaKey) return;
  if (!$("#dossier").hidden) {
    if (e.key === "a" && !$("#approve").hidden) decide("approve");
    else if (e.key === "n") nextDossier();
    else if (e.key === "s") $("#accept-address")?.click();
    else if (e.key === "ArrowRight") $("#next-page").click();
    else if (e.key === "ArrowLeft") $("#prev-page").click();
    else if (e.key === "+" || e.key === "=") setZoom(zoom * 1.5);
    else if (e.key === "-") setZoom(zoom / 1.5);
  } else if (!$("#queue").hidden) {
    if (e.key === "Enter" && queueIds.length) location.hash = "#/dossier/" + queueIds[0];
    else if (e.key === "/") { e.preventDefault(); $("#search").focus(); }
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
    const tx = document.createElementNS("http://www.w3.org/2000/svg", "text");
    Object.entries({ x, y: H - 5 }).forEach(([a, v]) => tx.setAttribute(a, v));
    tx.textContent = label(it);
    const n = document.createElementNS("http://www.w3.org/2000/svg", "text");
    Object.entries({ x, y: H - 24 - h }).forEach(([a, v]) => n.setAttribute(a, v));
    n.textContent = value(it);
    svg.append(r, tx, n);
  });
}

// The service points side by side: received on each of the last 7 days,
// in all, waiting, decided, and the median time to a decision.
function renderIntakePoints(points) {
  const days = [];
  for (let i = 6; i >= 0; --i) {
    const d = new Date(Date.now() - i * 86400000);
    days.push(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(d));  // YYYY-MM-DD
  }
  const head = $("#intake-points thead tr");
  head.replaceChildren(make("th", { textContent: t("intake_point") }),
                       ...days.map((d) => make("th", { textContent: showDate(d).slice(0, 5) })),
                       ...["received_total", "waiting_now", "decided", "median_review"].map((k) => make("th", { textContent: t(k) })));
  const body = $("#intake-points tbody");
  body.replaceChildren();
  for (const p of points)
    body.append(make("tr", {}, make("td", { textContent: p.intake_point || t("none_named") }),
                     ...days.map((d) => make("td", { textContent: p.received[d] ?? 0 })),
                     make("td", { textContent: p.received_total }), make("td", { textContent: p.waiting }),
                     make("td", { textContent: p.decided }),
                     make("td", { textContent: p.decided ? t("hours", p.median_review_hours) : "–" })));
}

async function loadDashboard() {
  const d = await api("GET", "/api/dashboard");
  renderIntakePoints(d.intake_points);
  const colours = { registered: "#2e7d32", needs_review: "#f0a500", rejected: "#b00020" };
  bars($("#chart-days"), d.per_day, (x) => `${showDate(x.day).slice(0, 5)} ${t("status")[x.status]?.[0] ?? ""}`,
       (x) => x.count, (x) => colours[x.status] || "#555");
  bars($("#chart-flags"), d.top_flags, (x) => flagName(x.code).slice(0, 14), (x) => x.count, () => "#12355b");
  bars($("#chart-batches"), [...d.batches].reverse(), (x) => `${x.command} ${showTime(x.finished_at).slice(0, 5)}`,
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
    const undo = make("button", { type: "button", textContent: t("undo"), className: "undo" });
    undo.addEventListener("click", async () => { await api("DELETE", "/api/learnt/" + l.id); await loadLearnt(); });
    body.append(make("tr", {}, make("td", { textContent: l.label }), make("td", { textContent: fieldName(l.field) }),
                     make("td", { textContent: l.learnt_by }), make("td", { textContent: showTime(l.learnt_at) }),
                     make("td", {}, undo)));
  }
}

// ---------------------------------------------------------------- routing

async function route() {
  if (!me) {
    try { me = await api("GET", "/api/me"); } catch (e) { show("sign-in"); return; }
  }
  setLanguage(me.language);
  text($("#who"), `${me.user} (${t("roles")[me.role] || me.role})`);
  const m = location.hash.match(/^#\/dossier\/(\d+)$/);
  try {
    if (m) await loadDossier(m[1]);
    else if (location.hash === "#/dashboard") await loadDashboard();
    else await loadQueue();
  } catch (err) {
    if (err.code !== "SIGNED_OUT") alert(errorText(err));
  }
}
window.addEventListener("hashchange", route);
setLanguage(document.documentElement.lang);
route();
