"""The console in a real browser (Debian's Chromium, headless): sign-in by keyboard, every
page with its accessibility basics, a key created and revoked (then refused), a limit set
(then enforced), and sign-out. One browser and one gateway for the module."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import ADMIN_KEY, RunningGateway
from tests.console.chrome import accessibility_problems, require_browser, start_chrome, tab_until

pytestmark = pytest.mark.slow

PAGES = {
    "/console/": "Overview",
    "/console/backends": "Backends",
    "/console/tenants": "Tenants and keys",
    "/console/money": "Money",
    "/console/audit": "Audit",
}


@pytest.fixture(scope="module")
def chrome() -> Iterator[Any]:
    require_browser()
    driver = start_chrome()
    yield driver
    driver.quit()


def chat(gateway: RunningGateway, key: str) -> httpx.Response:
    return httpx.post(
        gateway.url + "/v1/chat/completions",
        headers={"Authorization": f"Bearer {key}"},
        json={
            "model": "bastion-sim",
            "max_tokens": 8,
            "messages": [{"role": "user", "content": "."}],
        },
        timeout=10,
    )


def test_console_journey(chrome: Any, console_gateway: RunningGateway) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    url = console_gateway.url
    # Some traffic first, so the overview's charts have lines.
    for _ in range(3):
        assert chat(console_gateway, ADMIN_KEY).status_code == 200

    # Nothing before sign-in: the console sends the browser to the sign-in page.
    chrome.get(url + "/console/")
    assert chrome.current_url.endswith("/console/login")
    assert accessibility_problems(chrome) == []
    # Signed in with the keyboard alone.
    assert tab_until(chrome, "input#key")
    chrome.switch_to.active_element.send_keys(ADMIN_KEY, Keys.ENTER)
    wait_for_heading(chrome, "Overview")
    assert chrome.get_cookie("bastion_console")["httpOnly"] is True

    for path, heading in PAGES.items():
        chrome.get(url + path)
        assert chrome.find_element(By.TAG_NAME, "h1").text == heading, path
        assert accessibility_problems(chrome) == [], path
        # Every page's navigation is reachable by keyboard, with a visible focus.
        assert tab_until(chrome, "nav a"), path
    chrome.get(url + "/console/")
    assert chrome.find_elements(By.CSS_SELECTOR, "figure.chart svg polyline"), "no chart lines"

    # A tenant and a key, created through the forms; the key works, then is revoked.
    chrome.get(url + "/console/tenants")
    chrome.find_element(By.ID, "tenant-name").send_keys("browser-team", Keys.ENTER)
    wait_for_heading(chrome, "Tenant browser-team")
    tenant_page = chrome.current_url
    assert accessibility_problems(chrome) == []
    key = create_key(chrome, "client")
    assert chat(console_gateway, key).status_code == 200
    chrome.get(tenant_page)
    chrome.find_element(By.LINK_TEXT, "Revoke client").click()
    assert accessibility_problems(chrome) == []
    chrome.find_element(By.ID, "confirm").click()
    chrome.find_element(By.CSS_SELECTOR, "button.danger").click()
    wait_for_url(chrome, tenant_page)
    assert chat(console_gateway, key).status_code == 401

    # A limit set through the form refuses the next request over it.
    limited = create_key(chrome, "limited")
    chrome.get(tenant_page)
    field = chrome.find_element(By.ID, "limit-requests_per_minute")
    field.clear()
    field.send_keys("1")
    chrome.find_element(By.XPATH, "//button[text()='Save limits']").click()
    wait_for_url(chrome, tenant_page)
    assert chat(console_gateway, limited).status_code == 200
    refused = chat(console_gateway, limited)
    assert refused.status_code == 429
    chrome.get(tenant_page)
    assert "Requests per minute" in chrome.find_element(By.TAG_NAME, "main").text
    # The overview's last hour counted the refusal (the account stage's ring).
    chrome.get(url + "/console/")
    refusals = chrome.find_element(By.XPATH, "//caption[starts-with(., 'Admission refusals')]/..")
    assert "limits and budgets" in refusals.text

    # Signed out: the console asks for a key again.
    chrome.find_element(By.XPATH, "//button[text()='Sign out']").click()
    wait_for_url(chrome, url + "/console/login")
    chrome.get(url + "/console/money")
    assert chrome.current_url.endswith("/console/login")


def wait_for_url(chrome: Any, expected: str) -> None:
    """Clicking a submit button does not wait for the page it loads."""
    from selenium.webdriver.support.wait import WebDriverWait

    WebDriverWait(chrome, 10).until(lambda driver: driver.current_url == expected)


def wait_for_heading(chrome: Any, expected: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    def shown(driver: Any) -> bool:
        headings = driver.find_elements(By.TAG_NAME, "h1")
        return bool(headings) and headings[0].text == expected

    WebDriverWait(chrome, 10, ignored_exceptions=(Exception,)).until(shown)


def create_key(chrome: Any, name: str) -> str:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    chrome.find_element(By.ID, "key-name").send_keys(name, Keys.ENTER)
    wait_for_heading(chrome, f"Key {name} created")
    assert accessibility_problems(chrome) == []
    value: str = chrome.find_element(By.ID, "new-key").get_attribute("value")
    assert value.startswith("bst-")
    return value
