// The review station end to end, in a real headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core): hoso registers the bundled
// samples, a reviewer signs in, opens a dossier flagged for its outdated
// address, accepts the suggested address, approves, and sees the audit
// rows. Refusals: a wrong password, a change without the CSRF token, a call
// without a session, and the second of two saves made on the same version.
// Screenshots of the queue and of the dossier view go to web/screenshots/.
//   node tests/web/e2e.mjs HOSO_BINARY
import { chromium } from "playwright-core";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
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
  run(["process", "--quiet", "--db", db, "--as-of", "2026-01-01", join(root, "samples")]);
  run(["user", "add", "lan", "--role", "reviewer", "--db", db], "correct horse battery\n");
  server = spawn(hoso, ["serve", "--db", db, "--port", "0", "--as-of", "2026-01-01"], { stdio: ["ignore", "pipe", "inherit"] });
  const base = await new Promise((resolve, reject) => {
    server.stdout.on("data", (d) => { const m = String(d).match(/listening on (http:\/\/\S+)/); if (m) resolve(m[1].replace(/\/$/, "")); });
    server.on("exit", (code) => reject(new Error("hoso serve exited " + code)));
  });

  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true,
                                    args: ["--no-sandbox", "--disable-dev-shm-usage"] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.on("dialog", (d) => d.dismiss());

  // A wrong password is refused, on the page.
  const home = await page.goto(base + "/");
  // The page works under its own Content-Security-Policy (no inline script, no eval).
  assert.match(home.headers()["content-security-policy"] || "", /default-src 'self'.*frame-ancestors 'none'/);
  await page.fill("input[name=name]", "lan");
  await page.fill("input[name=password]", "wrong horse");
  await page.click("#sign-in button[type=submit]");
  await waitFor(page, () => document.querySelector("#sign-in-error").textContent.length > 0);
  assert.match(await page.textContent("#sign-in-error"), /wrong user name or password/);

  // Signed in: the queue.
  await page.fill("input[name=password]", "correct horse battery");
  await page.fill("input[name=name]", "lan");
  await page.click("#sign-in button[type=submit]");
  await page.waitForSelector("#queue:not([hidden]) #queue-table tbody tr");
  const rows = await page.locator("#queue-table tbody tr").count();
  assert.ok(rows >= 1, "the queue lists the flagged dossiers");
  mkdirSync(join(root, "web", "screenshots"), { recursive: true });
  await page.screenshot({ path: join(root, "web", "screenshots", "queue.png") });

  // The dossier flagged for its outdated address.
  await page.selectOption("#filter-flag", "ADDRESS_OUTDATED");
  await waitFor(page, () => [...document.querySelectorAll("#queue-table tbody tr")].every((r) => r.textContent.includes("ADDRESS_OUTDATED")));
  await page.click("#queue-table tbody tr >> nth=0");
  await page.waitForSelector("#dossier:not([hidden]) #accept-address");
  await waitFor(page, () => document.querySelector("#page-image").complete && document.querySelector("#page-image").naturalWidth > 0);
  // Each field's box is drawn over the page.
  await waitFor(page, () => document.querySelectorAll("#boxes rect").length >= 3);
  await page.screenshot({ path: join(root, "web", "screenshots", "dossier.png") });
  const suggested = await page.textContent("#address-box .suggested");
  const id = (await page.textContent("#dossier-title")).match(/Dossier (\d+)/)[1];

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

  // What no field took is shown, label as printed ("Kính gửi: …" on every
  // form; the dossiers waiting here are card copies, so a form is opened).
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

  // Accept the suggestion (key s), then approve (key a): registered, audited.
  await page.goto(`${base}/#/dossier/${id}`);
  await page.reload();
  await page.waitForSelector("#dossier:not([hidden]) #accept-address");
  await page.keyboard.press("s");
  await waitFor(page, (s) => document.querySelector("#field-permanent_address")?.value === s, suggested);
  await waitFor(page, () => [...document.querySelectorAll("#audit tbody tr")].some((r) => r.textContent.includes("field:permanent_address")));
  await page.keyboard.press("a");
  await waitFor(page, () => document.querySelector("#dossier-meta").textContent.includes("registered"));
  const audit = await page.textContent("#audit tbody");
  assert.match(audit, /lan.*field:permanent_address/s);
  assert.match(audit, /lan.*status.*needs_review.*registered/s);
  // The dashboard: charts drawn, the batch hoso just ran among them.
  await page.click("#nav-dashboard");
  await page.waitForSelector("#dashboard:not([hidden])");
  await waitFor(page, () => document.querySelectorAll("#chart-batches rect").length >= 1 &&
                                   document.querySelectorAll("#chart-flags rect").length >= 1);
  // The labels learnt from corrections: none from these (their labels are all known).
  await page.waitForSelector("#learnt");
  assert.equal(await page.locator("#learnt tbody tr").count(), 0);
    console.log(`web e2e: ok (dossier ${id}: address "${suggested}" accepted and approved; refusals checked)`);
}

main()
  .then(() => 0, (err) => { console.error("web e2e FAILED:", err); return 1; })
  .then(async (code) => {
    await browser?.close();
    server?.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
    process.exit(code);
  });
