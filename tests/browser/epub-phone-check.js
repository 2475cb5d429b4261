// Opens XHTML content documents of an unpacked EPUB in headless Chromium at a phone-sized
// viewport and checks what a reader on a phone would hit first:
//   - no horizontal overflow (the page is never wider than the screen);
//   - every note reference leads to its note, and the note's back link leads back.
// Usage: node tests/browser/epub-phone-check.js CHROMIUM FILE.xhtml...
// Prints one JSON line per file; exits 1 when any check fails.
'use strict';
const path = require('path');
const puppeteer = require('puppeteer-core');

// Not isMobile: a mobile browser would lay out at 980px without a viewport meta element, while a
// reading system lays reflowable text out at the screen's width.
const phone = { width: 360, height: 640, deviceScaleFactor: 1, isMobile: false };

async function checkFile(browser, file) {
  const page = await browser.newPage();
  await page.setViewport(phone);
  const url = 'file://' + path.resolve(file);
  await page.goto(url, { waitUntil: 'load' });
  const problems = [];

  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  if (widths.scroll > widths.client) {
    // Name the widest offenders so the failure says what to fix.
    const offenders = await page.evaluate((limit) =>
      Array.from(document.body.querySelectorAll('*'))
        .filter((element) => element.getBoundingClientRect().right > limit + 0.5)
        .slice(0, 5)
        .map((element) => element.tagName.toLowerCase() + (element.className ? '.' + element.className : '')),
      widths.client);
    problems.push(`overflows horizontally: ${widths.scroll}px > ${widths.client}px (${offenders.join(', ')})`);
  }

  const references = await page.evaluate(() =>
    Array.from(document.querySelectorAll('a[role="doc-noteref"]')).map((link) => ({
      id: link.id,
      target: link.getAttribute('href'),
    })));
  let followed = 0;
  for (const reference of references) {
    await page.goto(url, { waitUntil: 'load' });
    await page.click(`[id="${reference.id}"]`);
    const landed = await page.evaluate((target) => {
      const note = document.getElementById(target.slice(1));
      if (!note) return { ok: false, why: 'no element ' + target };
      const box = note.getBoundingClientRect();
      const back = note.querySelector('a[role="doc-backlink"]');
      return {
        ok: location.hash === target && box.top < window.innerHeight && box.bottom > 0,
        why: `hash ${location.hash}, note top ${Math.round(box.top)}`,
        back: back ? back.getAttribute('href') : null,
        role: note.getAttribute('role'),
      };
    }, reference.target);
    if (!landed.ok) { problems.push(`note link ${reference.target} does not show its note: ${landed.why}`); continue; }
    if (landed.role !== 'doc-footnote') problems.push(`${reference.target} is not a doc-footnote`);
    if (landed.back !== '#' + reference.id) { problems.push(`${reference.target} has no back link to #${reference.id}`); continue; }
    await page.click(`${reference.target} a[role="doc-backlink"]`);
    const returned = await page.evaluate((id) => {
      const box = document.getElementById(id).getBoundingClientRect();
      return location.hash === '#' + id && box.top < window.innerHeight && box.bottom > 0;
    }, reference.id);
    if (!returned) problems.push(`back link of ${reference.target} does not return to #${reference.id}`);
    else followed += 1;
  }
  await page.close();
  return { file: path.basename(file), width: widths.scroll, viewport: widths.client, notes: references.length, followed, problems };
}

async function main() {
  const [chromium, ...files] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'],
  });
  let failed = false;
  try {
    for (const file of files) {
      const result = await checkFile(browser, file);
      if (result.problems.length > 0) failed = true;
      console.log(JSON.stringify(result));
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => { console.error(error); process.exit(2); });
