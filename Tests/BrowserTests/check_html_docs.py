#!/usr/bin/env python3
"""Checks a static HTML site that `temporal-contracts docs --format html` wrote, in a real
headless browser (Debian's chromium, which Scripts/bootstrap.sh installs):

- every page loads with no console error, uncaught exception or failed load;
- every link resolves to an existing page and anchor, and nothing loads from elsewhere;
- the index lists every name without JavaScript, and its search filters the list with it;
- a screenshot of the index is not blank (not one colour).

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe), so nothing but
the standard library is needed and no port is opened. Every wait is bounded. Exits 0 when every
check passes, 1 when one fails, 2 when the browser cannot be started.

usage: check_html_docs.py SITE [--screenshot PNG] [--chromium PATH] [--timeout SECONDS]
"""
import argparse
import base64
import html.parser
import json
import os
import pathlib
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zlib


class Page(html.parser.HTMLParser):
    """The ids, links and external references of one page, and the index's name list."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []
        self.assets = []
        self.names = 0
        self.hidden_names = 0
        self.search_hidden = None
        self._in_names = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and "href" in attributes:
            self.links.append(attributes["href"])
        if "src" in attributes or tag == "link":
            self.assets.append(f"<{tag}> {attributes.get('src') or attributes.get('href')}")
        if tag == "ul" and attributes.get("id") == "name-list":
            self._in_names = True
        if tag == "li" and self._in_names:
            self.names += 1
            self.hidden_names += "hidden" in attributes
        if attributes.get("id") == "search-box":
            self.search_hidden = "hidden" in attributes

    def handle_endtag(self, tag):
        if tag == "ul":
            self._in_names = False


def static_checks(site, pages, failures):
    parsed = {}
    for path in pages:
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[path.name] = page
    for name, page in parsed.items():
        for asset in page.assets:
            failures.append(f"{name}: loads {asset}; a page must be self-contained")
        for href in page.links:
            target = urllib.parse.urlsplit(href)
            if target.scheme or target.netloc:
                failures.append(f"{name}: link {href!r} leaves the site")
                continue
            file = urllib.parse.unquote(target.path) or name
            if file not in parsed:
                failures.append(f"{name}: link {href!r} names no page of the site")
            elif target.fragment and urllib.parse.unquote(target.fragment) not in parsed[file].ids:
                failures.append(f"{name}: link {href!r} names no anchor of {file}")
    index = parsed.get("index.html")
    if index is None:
        failures.append("no index.html")
        return 0
    if index.names == 0 or index.hidden_names:
        failures.append(f"index.html: {index.names} names listed, {index.hidden_names} hidden without JavaScript")
    if index.search_hidden is not True:
        failures.append("index.html: the search box must be hidden until its script shows it")
    return sum(len(page.links) for page in parsed.values())


class Browser:
    """Headless chromium and a DevTools session on one tab, over pipes 3 and 4."""

    def __init__(self, executable, deadline, log):
        self.deadline = deadline
        self.profile = tempfile.mkdtemp(prefix="docs-chromium-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def child_pipes():
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
            "--window-size=1280,900", "about:blank",
        ]
        # pass_fds keeps 3 and 4 open in the child once child_pipes has put the pipe ends there.
        self.process = subprocess.Popen(
            arguments, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
            pass_fds=(3, 4, to_browser_read, from_browser_write), preexec_fn=child_pipes,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log"):
                self.call(f"{domain}.enable", session=self.session)
        except Exception:
            self.close()
            raise

    def receive(self, until):
        while b"\0" not in self.buffer:
            left = min(until, self.deadline) - time.monotonic()
            if left <= 0:
                raise TimeoutError("the browser did not answer in time")
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if ready:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise EOFError("the browser closed its pipe")
                self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        until = time.monotonic() + timeout
        while True:
            reply = self.receive(until)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def drain(self, seconds):
        until = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self.receive(until))
        except TimeoutError:
            if time.monotonic() >= self.deadline:
                raise

    def load(self, url, timeout=30):
        """Opens `url`; returns the errors the page reported while loading and just after."""
        self.events = []
        self.call("Page.navigate", {"url": url}, session=self.session)
        until = time.monotonic() + timeout
        while not any(event.get("method") == "Page.loadEventFired" for event in self.events):
            self.events.append(self.receive(until))
        self.drain(0.3)
        errors = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                errors.append(f"uncaught {details.get('exception', {}).get('description') or details.get('text')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                values = [str(argument.get("value", argument.get("description", ""))) for argument in params.get("args", [])]
                errors.append(f"console.{params['type']}: {' '.join(values)}")
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                entry = params["entry"]
                errors.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}")
        return errors

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=self.session)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def screenshot(self):
        return base64.b64decode(self.call("Page.captureScreenshot", {"format": "png"}, session=self.session)["data"])

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        for fd in (self.to_browser, self.from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


def png_colours(data):
    """The distinct colours of an 8-bit RGB or RGBA PNG and how many pixels the commonest covers."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    position, idat, width = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour_type not in (2, 6):
                raise ValueError(f"unexpected PNG format: depth {depth}, colour type {colour_type}")
            stride = 3 if colour_type == 2 else 4
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw = zlib.decompress(idat)
    row_bytes = width * stride
    previous = bytearray(row_bytes)
    counts = {}
    offset = 0
    for _ in range(height):
        kind, row = raw[offset], bytearray(raw[offset + 1:offset + 1 + row_bytes])
        offset += 1 + row_bytes
        for i in range(row_bytes):
            left = row[i - stride] if i >= stride else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + previous[i]) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + ((left + previous[i]) >> 1)) & 0xFF
            elif kind == 4:
                up_left = previous[i - stride] if i >= stride else 0
                estimate = left + previous[i] - up_left
                distances = (abs(estimate - left), abs(estimate - previous[i]), abs(estimate - up_left))
                row[i] = (row[i] + (left, previous[i], up_left)[distances.index(min(distances))]) & 0xFF
        for i in range(0, row_bytes, stride):
            colour = bytes(row[i:i + 3])
            counts[colour] = counts.get(colour, 0) + 1
        previous = row
    return len(counts), max(counts.values()), width * height


def check_search(browser, failures):
    """The script shows the search box, and filters the list by every word typed."""
    total = browser.evaluate("document.querySelectorAll('#name-list li').length")
    box_shown = browser.evaluate("!document.getElementById('search-box').hidden")
    first = browser.evaluate("document.querySelector('#name-list li code').textContent")

    def visible_after_typing(text):
        return browser.evaluate(
            "(() => { const input = document.getElementById('search'); input.value = "
            + json.dumps(text)
            + "; input.dispatchEvent(new Event('input'));"
            " return [...document.querySelectorAll('#name-list li')].filter(li => !li.hidden).length; })()"
        )

    shown = visible_after_typing(first)
    none = visible_after_typing("no name has this text")
    everything = visible_after_typing("")
    if not box_shown or not 1 <= shown < total or none != 0 or everything != total:
        failures.append(
            f"index.html: search shown={box_shown}; of {total} names {shown} match {first!r}, "
            f"{none} match nonsense, {everything} match nothing typed"
        )


def find_chromium(explicit):
    for candidate in [explicit, os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]:
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=pathlib.Path)
    parser.add_argument("--screenshot", type=pathlib.Path, help="where to keep the screenshot of the index")
    parser.add_argument("--chromium")
    parser.add_argument("--timeout", type=float, default=120, help="for the whole check, in seconds")
    arguments = parser.parse_args()
    deadline = time.monotonic() + arguments.timeout

    pages = sorted(arguments.site.glob("*.html"))
    failures = []
    link_count = static_checks(arguments.site, pages, failures)

    executable = find_chromium(arguments.chromium)
    if executable is None:
        print("chromium not found: install it with Scripts/bootstrap.sh (Debian's chromium package)", file=sys.stderr)
        return 2
    log = tempfile.TemporaryFile()
    try:
        browser = Browser(executable, deadline, log)
    except Exception as error:
        log.seek(0)
        print(f"could not start {executable}: {error}\n{log.read().decode(errors='replace')[-2000:]}", file=sys.stderr)
        return 2
    try:
        for page in pages:
            for error in browser.load(page.resolve().as_uri()):
                failures.append(f"{page.name}: {error}")
        browser.load((arguments.site / "index.html").resolve().as_uri())
        png = browser.screenshot()
        if arguments.screenshot:
            arguments.screenshot.write_bytes(png)
        colours, commonest, pixels = png_colours(png)
        # Text and table rules on a background: several colours, and not nearly all one of them.
        if colours < 2 or commonest > pixels * 0.995:
            failures.append(
                f"index.html: the screenshot is blank ({colours} colours, {commonest} of {pixels} pixels alike)"
            )
        try:
            check_search(browser, failures)
        except RuntimeError as error:
            failures.append(f"index.html: the search: {error}")
    except (TimeoutError, EOFError, RuntimeError) as error:
        failures.append(f"browser: {error}")
    finally:
        browser.close()

    for failure in failures:
        print(failure)
    print(f"{len(pages)} pages, {link_count} links checked in {executable}: "
          + ("ok" if not failures else f"{len(failures)} problems"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
