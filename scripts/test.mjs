// `npm test`: install what is missing (npm packages, Debian's chromium for e2e), then run the
// unit and integration tests (Vitest), the conformance requirements and the e2e tests
// (Playwright in Chromium).
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildApp, buildSdk, ensureDependencies, root, run } from "./lib.mjs";

const CHROMIUM = "/usr/bin/chromium";

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(`The e2e tests need Debian's chromium at ${CHROMIUM}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium`);
    process.exit(1);
  }
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

// The pinned AWS SDK warns that its later releases need Node 22; that is known, not test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

ensureDependencies();
ensureChromium();
buildSdk({ force: true });

// Not test-results/: Playwright empties that folder when it starts.
const reports = join(root, ".test-reports");
rmSync(reports, { recursive: true, force: true });
const vitestReport = join(reports, "vitest.json");
const playwrightReport = join(reports, "playwright.json");

const vitest = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], {
  cwd: root,
  stdio: "inherit",
});

// The conformance requirements, for every suite that has handlers: a suite joins `npm test`
// when its folder appears under sdk/conformance/handlers (the plugin suite, once written).
const conformanceReport = join(reports, "conformance.json");
const handlerSuites = readdirSync(join(root, "sdk/conformance/handlers"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const conformance = spawnSync("npm", ["run", "conformance", "--silent", "--", "--suite", handlerSuites.join(","), "--report", conformanceReport], {
  cwd: root,
  stdio: "inherit",
});

buildApp({ force: true });
const playwright = spawnSync("npx", ["playwright", "test", "--reporter=list,json"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
});

function counts(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 1, note: `no report at ${file}` };
  }
}
const unit = counts(vitestReport, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
const e2e = counts(playwrightReport, (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky }));
const conf = counts(conformanceReport, (r) => ({ passed: r.passed, failed: r.failed }));
const passed = unit.passed + conf.passed + e2e.passed;
const failed = unit.failed + conf.failed + e2e.failed;
console.log(`\nunit+integration: ${unit.passed} passed, ${unit.failed} failed${unit.note ? ` (${unit.note})` : ""}`);
console.log(`conformance (${handlerSuites.join(", ")}): ${conf.passed} passed, ${conf.failed} failed${conf.note ? ` (${conf.note})` : ""}`);
console.log(`e2e: ${e2e.passed} passed, ${e2e.failed} failed${e2e.note ? ` (${e2e.note})` : ""}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && conformance.status === 0 && playwright.status === 0 && failed === 0 ? 0 : 1);
