// The review station end to end, in a real headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core), in Vietnamese as ward staff
// read it, on a 1366×768 screen: hoso registers the bundled samples at four
// intake points, a reviewer signs in, finds a dossier by its ID number,
// opens one flagged for its outdated address, accepts the suggestion (key
// s: the flag is resolved), edits a field, leaves it with Esc and approves
// with the key a, which moves on to the next dossier; there an 11-digit ID
// raises ID_NUMBER_INVALID and approving needs a reason. The reviewer
// switches to English (kept for them, not for another user); an admin
// reopens the approved dossier, with a reason. Refusals: a
// wrong password, a change without the CSRF token, a call without a
// session, and the second of two saves made on the same version.
// Screenshots of the queue and of the dossier view go to web/screenshots/.
//   node tests/web/e2e.mjs HOSO_BINARY
import { chromium } from "playwright-core";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, mkdirSync, readdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

const hoso = process.argv[2];
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const work = mkdtempSync(join(tmpdir(), "hoso-web-"));
const db = join(work, "r.db");
let server, browser;

function run(args, input) {
  const r = spawnSync(hoso, args, { input, encoding: "utf8" });
  assert.ok(r.status === 0 || r.status === 1, `hoso ${args.join(" ")}: ${r.stderr}`);
  return r;
}

// Polls a predicate in the page. (page.waitForFunction compiles its
// predicate with eval, which the station's Content-Security-Policy forbids,
// as it should.)
async function waitFor(page, predicate, arg) {
  for (let i = 0; i < 300; ++i) {
    if (await page.evaluate(predicate, arg)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out waiting for " + predicate);
}

async function main() {
  // The four service points of a ward (as Phường Hồng Hà runs): two
  // samples taken in at each.
  const samples = readdirSync(join(root, "samples")).filter((f) => /^dossier-\d+\.(jpg|tif|pdf)$/.test(f)).sort()
    .map((f) => join(root, "samples", f));
  const points = ["Trụ sở UBND phường", "Điểm tiếp nhận số 2", "Điểm tiếp nhận số 3", "Điểm tiếp nhận số 4"];
  for (let i = 0; i < points.length; ++i)
    run(["process", "--quiet", "--db", db, "--as-of", "2026-01-01", "--intake-point", points[i], ...samples.slice(2 * i, 2 * i + 2)]);
  // An archive's official letter, read later: the real Kodak scan (../shared/data/real-scans), when there.
  const letterFile = join(process.env.HOSO_REAL_SCANS_DIR || join(root, "..", "shared", "data", "real-scans"),
                          "letter-2019-kodak-200dpi.pdf");
  const withLetter = existsSync(letterFile);
  run(["user", "add", "lan", "--role", "reviewer", "--db", db], "correct horse battery\n");
  run(["user", "add", "binh", "--role", "admin", "--db", db], "staple battery horse\n");
  server = spawn(hoso, ["serve", "--db", db, "--port", "0", "--as-of", "2026-01-01"], { stdio: ["ignore", "pipe", "inherit"] });
  const base = await new Promise((resolve, reject) => {
    server.stdout.on("data", (d) => { const m = String(d).match(/listening on (http:\/\/\S+)/); if (m) resolve(m[1].replace(/\/$/, "")); });
    server.on("exit", (code) => reject(new Error("hoso serve exited " + code)));
  });

  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true,
                                    args: ["--no-sandbox", "--disable-dev-shm-usage", "--lang=vi-VN"] });
  // A ward office's laptop screen.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "vi-VN",
                                             timezoneId: "UTC" });
  const page = await context.newPage();
  page.on("dialog", (d) => d.dismiss());

  // A wrong password is refused, on the page, in Vietnamese.
  const home = await page.goto(base + "/");
  // The page works under its own Content-Security-Policy (no inline script, no eval).
  assert.match(home.headers()["content-security-policy"] || "", /default-src 'self'.*frame-ancestors 'none'/);
  assert.equal(await page.getAttribute("html", "lang"), "vi");
  await page.fill("input[name=name]", "lan");
  await page.fill("input[name=password]", "wrong horse");
  await page.click("#sign-in button[type=submit]");
  await waitFor(page, () => document.querySelector("#sign-in-error").textContent.length > 0);
  assert.match(await page.textContent("#sign-in-error"), /Sai tên đăng nhập hoặc mật khẩu/);

  // Signed in: the queue, with the applicant, the masked ID, where and when received.
  await page.fill("input[name=password]", "correct horse battery");
  await page.fill("input[name=name]", "lan");
  await page.click("#sign-in button[type=submit]");
  await page.waitForSelector("#queue:not([hidden]) #queue-table tbody tr");
  assert.equal(await page.textContent("#nav-queue"), "Hồ sơ chờ duyệt");
  const rows = await page.locator("#queue-table tbody tr").count();
  assert.ok(rows >= 2, "the queue lists the flagged dossiers");
  const queueText = await page.textContent("#queue-table tbody");
  assert.match(queueText, /\d{2}\/\d{2}\/20\d{2} \d{2}:\d{2}/, "received dd/mm/yyyy hh:mm");
  assert.match(queueText, /Trụ sở UBND phường|Điểm tiếp nhận số 2/);
  // In Vietnam's time (UTC+7), whatever the browser's zone (UTC here).
  const first = await page.evaluate(async () => (await (await fetch("/api/queue")).json()).dossiers[0]);
  const vn = new Date(Date.parse(first.received_at) + 7 * 3600e3).toISOString();
  const expected = `${vn.slice(8, 10)}/${vn.slice(5, 7)}/${vn.slice(0, 4)} ${vn.slice(11, 16)}`;
  assert.equal(await page.textContent("#queue-table tbody tr >> nth=0 >> td >> nth=4"), expected);
  mkdirSync(join(root, "web", "screenshots"), { recursive: true });
  await page.screenshot({ path: join(root, "web", "screenshots", "queue.png") });

  // By intake point.
  await page.selectOption("#filter-point", "Điểm tiếp nhận số 2");
  await waitFor(page, () => [...document.querySelectorAll("#queue-table tbody tr")].every((r) => r.textContent.includes("Điểm tiếp nhận số 2")));
  await page.selectOption("#filter-point", "");

  // Found by its citizen's ID number, typed in the search box ("/" goes there).
  const withId = await page.evaluate(async () => {
    const q = await (await fetch("/api/queue?limit=200")).json();
    for (const d of q.dossiers) {
      if (!d.id_masked) continue;
      const r = await (await fetch(`/api/dossiers/${d.id}`)).json();
      if (r.fields.id_number?.value?.length === 12) return { id: d.id, number: r.fields.id_number.value, masked: d.id_masked };
    }
    return null;
  });
  assert.ok(withId, "a waiting dossier with an ID number");
  assert.notEqual(withId.masked, withId.number, "the queue masks the ID number");
  await page.keyboard.press("/");
  await page.keyboard.type(withId.number);
  await waitFor(page, (id) => { const r = [...document.querySelectorAll("#queue-table tbody tr")];
                                return r.length === 1 && r[0].dataset.id === String(id); }, withId.id);
  await page.fill("#search", "");
  await page.keyboard.press("Escape");

  // The dossier flagged for its outdated address.
  await page.selectOption("#filter-flag", "ADDRESS_OUTDATED");
  await waitFor(page, () => document.querySelectorAll("#queue-table tbody tr").length > 0 &&
                            [...document.querySelectorAll("#queue-table tbody tr")].every((r) => r.querySelector('[data-code="ADDRESS_OUTDATED"]')));
  await page.click("#queue-table tbody tr >> nth=0");
  await page.waitForSelector("#dossier:not([hidden]) #accept-address");
  await waitFor(page, () => document.querySelector("#page-image").complete && document.querySelector("#page-image").naturalWidth > 0);
  // Each field's box is drawn over the page.
  await waitFor(page, () => document.querySelectorAll("#boxes rect").length >= 3);
  // On 1366×768 the decision is on screen without scrolling.
  const approveBox = await page.locator("#approve").boundingBox();
  assert.ok(approveBox && approveBox.y + approveBox.height <= 768, "Approve is above the fold");
  // The old and the new address side by side.
  assert.match(await page.textContent("#address-box .before"), /Địa chỉ như đã viết/);
  assert.match(await page.textContent("#address-box .after"), /Địa chỉ theo đơn vị hiện nay/);
  // Zoom (+) enlarges the page in its pane.
  const width0 = (await page.locator(".page-frame").boundingBox()).width;
  await page.keyboard.press("+");
  await waitFor(page, (w) => document.querySelector(".page-frame").getBoundingClientRect().width > w * 1.4, width0);
  await page.keyboard.press("-");
  await page.screenshot({ path: join(root, "web", "screenshots", "dossier.png") });
  const suggested = await page.textContent("#address-box .suggested");
  const id = (await page.textContent("#dossier-title")).match(/Hồ sơ (\d+)/)[1];

  // Two saves on the same version: one is refused (409).
  const csrf = await page.evaluate(async () => (await (await fetch("/api/me")).json()).csrf);
  const statuses = await page.evaluate(async ({ id, csrf }) => {
    const put = (v) => fetch(`/api/dossiers/${id}/fields/phone`, { method: "PUT", headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
                                                                   body: JSON.stringify({ value: v, version: 1 }) }).then((r) => r.status);
    return Promise.all([put("0911111111"), put("0922222222")]);
  }, { id, csrf });
  assert.deepEqual([...statuses].sort(), [200, 409], "two saves on one version: one refused");
  // A change without the CSRF token: refused.
  const noCsrf = await page.evaluate(async (id) => (await fetch(`/api/dossiers/${id}/approve`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ version: 99 }) })).status, id);
  assert.equal(noCsrf, 403);
  // Without a session: refused.
  const anonymous = await browser.newContext();
  const res = await anonymous.request.get(base + "/api/queue");
  assert.equal(res.status(), 401);
  await anonymous.close();

  // What no field took is shown, label as printed ("Kính gửi: …" on every form).
  const withOther = await page.evaluate(async () => {
    for (let i = 1; i <= 20; ++i) {
      const r = await fetch(`/api/dossiers/${i}`);
      if (r.ok && (await r.json()).other.length) return i;
    }
    return 0;
  });
  assert.ok(withOther > 0, "a form's dossier with other lines read");
  await page.goto(`${base}/#/dossier/${withOther}`);
  await waitFor(page, () => /Kính gửi: /.test(document.querySelector("#other")?.textContent || ""));
  assert.equal(await page.isHidden("#other-title"), false);

  // Accept the suggestion (key s): the field takes it and the flag is resolved.
  await page.goto(`${base}/#/dossier/${id}`);
  await page.reload();
  await page.waitForSelector("#dossier:not([hidden]) #accept-address");
  await page.keyboard.press("s");
  await waitFor(page, (s) => document.querySelector("#field-permanent_address")?.value === s, suggested);
  await waitFor(page, () => !document.querySelector('#flags [data-code="ADDRESS_OUTDATED"]') &&
                            !document.querySelector("#accept-address"));
  // Edit a field, leave it with Esc, approve with a: saved, approved, and on
  // to the next dossier.
  await page.click("#field-phone");
  await page.fill("#field-phone", "0912 345 678");
  await page.keyboard.press("Escape");
  await page.keyboard.press("a");
  await waitFor(page, (id) => location.hash !== "#/dossier/" + id && /Đã duyệt hồ sơ/.test(document.querySelector("#dossier-info")?.textContent || ""), id);
  const after = await page.evaluate(async (id) => (await (await fetch(`/api/dossiers/${id}`)).json()), id);
  assert.equal(after.status, "registered");
  assert.equal(after.fields.phone.value, "0912345678");
  assert.ok(!after.flags.some((f) => f.code === "ADDRESS_OUTDATED"), "the accepted suggestion resolved the flag");
  assert.ok(after.audit.some((a) => a.actor === "lan" && a.what === "field:permanent_address"));
  assert.ok(after.audit.some((a) => a.actor === "lan" && a.what === "status" && /registered/.test(a.after)));

  // The next dossier: an 11-digit ID typed is checked like a read one.
  await page.waitForSelector("#dossier:not([hidden]) #field-id_number");
  await page.click("#field-id_number");
  await page.fill("#field-id_number", "00108501234");
  await page.keyboard.press("Escape");
  await waitFor(page, () => !!document.querySelector('#flags [data-code="ID_NUMBER_INVALID"]'));
  assert.match(await page.textContent("#flags"), /Số định danh không hợp lệ/);
  // Approving over that error needs a reason.
  const stay = await page.evaluate(() => location.hash);
  await page.keyboard.press("a");
  await waitFor(page, () => /cần ghi lý do/.test(document.querySelector("#dossier-error").textContent));
  assert.equal(await page.evaluate(() => location.hash), stay);
  // The history says who changed what, in Vietnam's time.
  assert.match(await page.textContent("#audit tbody"), /lan.*Sửa: Số định danh cá nhân/s);

  // The official letter: an archive's fields, named as archives name them,
  // not an applicant's; its number written in by hand is flagged "Viết tay",
  // and keyed from the page the flag goes.
  if (withLetter) {
    run(["process", "--quiet", "--db", db, "--as-of", "2026-01-01", "--intake-point", points[0], letterFile]);
    const letter = await page.evaluate(async () =>
      (await (await fetch("/api/queue?doc_type=official_letter")).json()).dossiers[0]?.id);
    assert.ok(letter, "the letter waits for review");
    await page.goto(`${base}/#/dossier/${letter}`);
    await page.waitForSelector("#dossier:not([hidden]) #field-doc_number");
    assert.match(await page.textContent("#fields"), /Tên loại văn bản.*Số văn bản.*Ký hiệu văn bản.*Cơ quan ban hành/s);
    assert.equal(await page.locator("#field-full_name").count(), 0, "no applicant's fields on a letter");
    assert.equal(await page.inputValue("#field-issuer"), "Sở Giáo dục và Đào tạo");
    assert.match(await page.textContent("#flags"), /Viết tay/);
    // Its own page under its fields, the number's box drawn on it.
    await waitFor(page, (id) => { const img = document.querySelector("#page-image");
                                  return img.complete && img.naturalWidth > 0 && img.style.visibility !== "hidden" &&
                                         img.src.includes(`/dossiers/${id}/`) &&
                                         !!document.querySelector('#boxes rect[data-key="doc_number"]'); }, letter);
    await page.screenshot({ path: join(root, "web", "screenshots", "letter.png") });
    await page.click("#field-doc_number");
    await page.fill("#field-doc_number", "1535");
    await page.keyboard.press("Escape");
    await waitFor(page, async (id) => {
      const d = await (await fetch(`/api/dossiers/${id}`)).json();
      return d.fields.doc_number.value === "1535" && !d.flags.some((f) => f.code === "HANDWRITTEN" && f.field === "doc_number");
    }, letter);
    // In the queue it is shown by its number, symbol and subject.
    const row = await page.evaluate(async () =>
      (await (await fetch("/api/queue?doc_type=official_letter")).json()).dossiers[0]?.document);
    assert.match(row, /^1535\/SGDĐT-CTrTT — bảo đảm TTATGT/);
  } else {
    console.log("web e2e: no real letter scan, its part left out");
  }

  // The dashboard: the intake points compared, charts drawn.
  await page.click("#nav-dashboard");
  await page.waitForSelector("#dashboard:not([hidden])");
  await waitFor(page, () => document.querySelectorAll("#intake-points tbody tr").length === 4 &&
                            document.querySelectorAll("#chart-batches rect").length >= 1 &&
                            document.querySelectorAll("#chart-flags rect").length >= 1);
  const compared = await page.textContent("#intake-points");
  for (const p of points) assert.ok(compared.includes(p), p);
  assert.match(compared, /Đang chờ duyệt.*Thời gian duyệt \(trung vị\)/s);
  // The labels learnt from corrections: none from these (their labels are all known).
  assert.equal(await page.locator("#learnt tbody tr").count(), 0);

  // English for this user: said at once, and kept for them after a reload.
  await page.click("#language");
  await waitFor(page, () => document.querySelector("#nav-queue").textContent === "Queue");
  await page.reload();
  await waitFor(page, () => document.querySelector("#nav-queue")?.textContent === "Queue" && document.documentElement.lang === "en");
  // Another user still reads Vietnamese.
  const other = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page2 = await other.newPage();
  await page2.goto(base + "/");
  await page2.fill("input[name=name]", "binh");
  await page2.fill("input[name=password]", "staple battery horse");
  await page2.click("#sign-in button[type=submit]");
  await page2.waitForSelector("#queue:not([hidden])");
  assert.equal(await page2.textContent("#nav-queue"), "Hồ sơ chờ duyệt");
  // The admin reopens the approved dossier, with a reason: back in the queue.
  await page2.goto(`${base}/#/dossier/${id}`);
  await page2.waitForSelector("#dossier:not([hidden]) #reopen:not([hidden])");
  assert.equal(await page2.isHidden("#approve"), true, "no approve on a decided dossier");
  await page2.click("#reopen");
  await waitFor(page2, () => /lý do mở lại/.test(document.querySelector("#dossier-error").textContent));
  await page2.fill("#reject-reason", "Số điện thoại cần kiểm tra lại");
  await page2.click("#reopen");
  await waitFor(page2, () => document.querySelector("#dossier-meta").dataset.status === "needs_review");
  assert.match(await page2.textContent("#audit tbody"), /binh.*Mở lại.*chờ duyệt: Số điện thoại cần kiểm tra lại/s);
  await other.close();
  console.log(`web e2e: ok (dossier ${id}: address "${suggested}" accepted (s) and approved (a) after an edit; ` +
              `found by ID; ID_NUMBER_INVALID raised; English kept per user; refusals checked)`);
}

main()
  .then(() => 0, (err) => { console.error("web e2e FAILED:", err); return 1; })
  .then(async (code) => {
    await browser?.close();
    server?.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
    process.exit(code);
  });
