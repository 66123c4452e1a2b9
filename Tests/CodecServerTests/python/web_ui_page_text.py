#!/usr/bin/env python3
"""Opens a page of the Temporal web UI in headless chromium and waits, bounded, until its text
shows an expected string: the UI is a single-page app that fetches the history and then asks the
codec server to decode its payloads, so the text arrives well after the load event.

Drives chromium over the DevTools protocol with the `Browser` of Tests/BrowserTests/check_html_docs.py.
Prints one JSON object: {"found": bool, "text": <the page's text>, "codecRequests": [<URLs of
requests to the codec endpoint>]}. Exits 0 when it ran (found or not), 2 when the browser failed.

usage: web_ui_page_text.py URL TEXT [--codec-endpoint URL] [--screenshot PNG] [--timeout SECONDS]
"""
import argparse
import json
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "BrowserTests"))
from check_html_docs import Browser, find_chromium  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("text")
    parser.add_argument("--codec-endpoint", default=None)
    parser.add_argument("--screenshot", default=None)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--chromium", default=None)
    arguments = parser.parse_args()

    deadline = time.monotonic() + arguments.timeout + 30
    try:
        browser = Browser(find_chromium(arguments.chromium), deadline, sys.stderr)
    except Exception as error:
        print(f"cannot start chromium: {error}", file=sys.stderr)
        return 2
    try:
        browser.call("Network.enable", session=browser.session)
        browser.load(arguments.url, timeout=min(60, arguments.timeout))
        until = time.monotonic() + arguments.timeout
        text, found = "", False
        while time.monotonic() < until:
            text = browser.evaluate("document.body ? document.body.innerText : ''") or ""
            if arguments.text in text:
                found = True
                # Let the page finish drawing before the screenshot.
                browser.drain(1)
                break
            browser.drain(0.5)
        requests = [
            event["params"]["request"]["url"]
            for event in browser.events
            if event.get("method") == "Network.requestWillBeSent"
            and arguments.codec_endpoint
            and event["params"]["request"]["url"].startswith(arguments.codec_endpoint)
        ]
        if arguments.screenshot:
            pathlib.Path(arguments.screenshot).write_bytes(browser.screenshot())
        print(json.dumps({"found": found, "text": text, "codecRequests": requests}))
        return 0
    except Exception as error:
        print(f"browser session failed: {error}", file=sys.stderr)
        return 2
    finally:
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
