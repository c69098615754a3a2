"""Debian's Chromium, headless, driven through its own chromedriver (Selenium), and the
accessibility checks the browser tests run on every console page.

Nothing is downloaded: the browser and the driver are the system's packages (``make test``
installs them where it can). Without them the browser tests are skipped, except where
``CI=true``, where they must run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("BASTION_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("BASTION_TEST_CHROMEDRIVER", "/usr/bin/chromedriver")


def require_browser() -> None:
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).exists()]
    if not missing:
        return
    message = (
        f"browser tests need Debian's chromium and chromium-driver ({', '.join(missing)} "
        "missing): `make test` installs them as root with apt-get"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def start_chrome(width: int = 1280, height: int = 900) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # tests run as root in containers
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--no-first-run",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={width},{height}",
    ):
        options.add_argument(argument)
    # The system's driver by path: Selenium Manager (which could download one) never runs.
    service = Service(executable_path=CHROMEDRIVER, log_output=os.devnull)
    if shutil.which(CHROMEDRIVER) is None and not Path(CHROMEDRIVER).exists():
        raise FileNotFoundError(CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(15)
    return driver


# Every form control named by a <label for>, aria-label or aria-labelledby; every table has a
# caption or a label; every SVG chart has an accessible name.
_UNLABELLED = """
const problems = [];
for (const el of document.querySelectorAll('input, select, textarea')) {
  if (el.type === 'hidden') continue;
  const byFor = el.id && document.querySelector(`label[for="${el.id}"]`);
  if (!byFor && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')
      && !el.closest('label')) problems.push('unlabelled ' + el.outerHTML.slice(0, 80));
}
for (const svg of document.querySelectorAll('svg')) {
  const ids = (svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
  if (!svg.getAttribute('aria-label') && !ids.some(id => document.getElementById(id)))
    problems.push('svg without a name');
}
for (const table of document.querySelectorAll('table')) {
  if (!table.querySelector('caption') && !table.getAttribute('aria-label'))
    problems.push('table without a caption');
}
for (const button of document.querySelectorAll('button, a')) {
  if (!button.textContent.trim() && !button.getAttribute('aria-label'))
    problems.push('empty ' + button.tagName);
}
if (!document.documentElement.lang) problems.push('no lang');
if (!document.querySelector('h1')) problems.push('no h1');
return problems;
"""

# WCAG 2 contrast of every element's own text against the background it is drawn on.
_CONTRAST = """
function rgb(text) {
  const m = text.match(/rgba?\\(([^)]+)\\)/);
  if (!m) return null;
  const p = m[1].split(',').map(Number);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
}
function lum(c) {
  const f = v => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function background(el) {
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c && c.a > 0.5) return c;
  }
  return {r: 255, g: 255, b: 255, a: 1};
}
const problems = [];
for (const el of document.querySelectorAll('body *')) {
  if (el.closest('svg') || el.closest('details:not([open])')) continue;
  const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own) continue;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none') continue;
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0 || rect.right < 0) continue;
  const fg = rgb(style.color), bg = background(el);
  const a = lum(fg), b = lum(bg);
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  if (ratio < (large ? 3 : 4.5))
    problems.push(el.tagName + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
}
return problems;
"""


def accessibility_problems(driver: Any) -> list[str]:
    problems: list[str] = driver.execute_script(_UNLABELLED)
    problems += driver.execute_script(_CONTRAST)
    return problems


def tab_until(driver: Any, predicate: str, limit: int = 60) -> bool:
    """Presses Tab until the focused element matches the CSS selector; whether it did, with a
    visible focus outline."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.execute_script("document.activeElement && document.activeElement.blur()")
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.switch_to.active_element
        if driver.execute_script("return arguments[0].matches(arguments[1])", focused, predicate):
            outline = driver.execute_script(
                "const s = getComputedStyle(arguments[0]);"
                "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0",
                focused,
            )
            return bool(outline)
    return False
