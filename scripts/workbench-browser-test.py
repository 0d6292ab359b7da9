#!/usr/bin/env python3
"""The workbench in a real browser: headless Chromium driven through the DevTools protocol.

Starts `ccsim serve` on a free loopback port over a copy of two bundled scenarios and a small
training-ROI scenario, opens one, introduces an error and sees it at its line (gutter mark and
message on that line), fixes it, edits a field in the form view and sees the YAML change at that
line with its comments kept, runs it and waits for the result page, moves a what-if slider and
sees the overlay change, then fills the training-ROI form, runs the study and waits for the
Report module's ROI page (verdict, distribution, payback), and last, on the staffing tab, runs
`staff` on the bundled ccbaby scenario (a few plans of 2 replications), waits for the requirement
chart, then `schedule` from that requirement and waits for the coverage chart. Screenshots are
checked not blank.
The server and the browser are started and stopped here. Standard library only (a minimal
WebSocket client): nothing to install but Chromium.

Usage: workbench-browser-test.py CCSIM CHROMIUM [SCREENSHOT.png]
  With SCREENSHOT.png (the what-if page), the ROI, form and staffing pages are saved beside it
  (a name with "whatif" in it gets "roi", "form" and "staffing" instead; otherwise -roi, -form and
  -staffing are added).
"""
import base64
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol: text frames, client-masked."""

    def __init__(self, url):
        match = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
        host, port, path = match.group(1), int(match.group(2)), match.group(3)
        self.sock = socket.create_connection((host, port), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(1)
        if b" 101 " not in response.split(b"\r\n")[0]:
            raise RuntimeError("websocket handshake failed: " + response.decode(errors="replace"))

    def send(self, text):
        data = text.encode()
        header = bytearray([0x81])
        if len(data) < 126:
            header.append(0x80 | len(data))
        elif len(data) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(data))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(data))
        mask = os.urandom(4)
        self.sock.sendall(bytes(header) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exact(self, n):
        out = b""
        while len(out) < n:
            chunk = self.sock.recv(n - len(out))
            if not chunk:
                raise RuntimeError("websocket closed")
            out += chunk
        return out

    def receive(self):
        message = b""
        while True:
            first, second = self._exact(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._exact(8))[0]
            payload = self._exact(length)
            opcode = first & 0x0F
            if opcode == 8:
                raise RuntimeError("websocket closed by the browser")
            if opcode in (0, 1, 2):
                message += payload
                if first & 0x80:
                    return message.decode()


class Page:
    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def js(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script error in {expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, expression, what, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = self.js(f"(() => {{ const v = ({expression}); return v instanceof Node ? true : v; }})()")
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def not_blank(png):
    """Decodes Chromium's 8-bit RGB(A) PNG; many colours and the page's accent blue must be on screen."""
    pos, idat, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", png[pos + 8:pos + 8 + length])
        elif kind == b"IDAT":
            idat += png[pos + 8:pos + 8 + length]
        pos += 12 + length
    width, height, depth, colour = header[:4]
    channels = {2: 3, 6: 4}[colour]
    raw, stride = zlib.decompress(idat), width * channels
    previous, colours, y = bytearray(stride), set(), 0
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + a) & 255
            elif kind == 2: line[i] = (line[i] + b) & 255
            elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 2 == 0:
            colours.update(tuple(line[x:x + 3]) for x in range(0, stride, channels * 2))
        previous = line
    return len(colours) > 40 and (0x24, 0x63, 0xC9) in colours, len(colours)


# A small center for the ROI step: 24 agents around the clock, two weeks, repeats valued.
ROI_SCENARIO = """# roi-small: the browser test's training-ROI scenario
name: roi-small
run: {horizon: 2w, warmup: 0s, interval: 1d, replications: 4, seed: 5}
channels:
  voice:
    kind: voice
    demand: {rate: 120/h}
    service_level: {answer_within: 20s, target: 80%}
tiers:
  tier1:
    handle_time: {voice: {exponential: {mean: 8m}}}
    resolution: {resolved: 80%}
    repeats: {after_unresolved: 50%, delay: {exponential: {mean: 1d}}}
teams:
  agents:
    skills: [{channel: voice, tier: tier1}]
    hourly_cost: 30
    shifts: [{start: "00:00", length: 24h, agents: 24}]
    workforce:
      initial_tenure: {uniform: {min: 0w, max: 100w}}
training:
  valuation: {repeat_avoided: 10, abandonment_avoided: 5}
  programs:
    - {name: course, participants: everyone, off_phone: 2h, cost_per_agent: 200, effects: {fcr: {relative: 5%}}}
"""


def sibling(path, name):
    """The screenshot beside `path` for another page."""
    folder, file = os.path.split(path)
    return os.path.join(folder, file.replace("whatif", name) if "whatif" in file else file.replace(".png", f"-{name}.png"))


def save_screenshot(page, path):
    shot = base64.b64decode(page.call("Page.captureScreenshot", format="png")["data"])
    with open(path, "wb") as f:
        f.write(shot)
    ok, colours = not_blank(shot)
    assert ok, f"the screenshot {path} looks blank ({colours} colours)"
    return len(shot), colours


def main():
    ccsim, chromium = sys.argv[1], sys.argv[2]
    screenshot = sys.argv[3] if len(sys.argv) > 3 else None
    started = time.time()
    work = tempfile.mkdtemp(prefix="workbench-browser-")
    workspace = os.path.join(work, "scenarios")
    os.makedirs(workspace)
    for name in ("erlang-a.yaml", "mmc-basic.yaml", "ccbaby.yaml"):
        shutil.copy(os.path.join(ROOT, "scenarios", name), workspace)
    with open(os.path.join(workspace, "roi-small.yaml"), "w") as f:
        f.write(ROI_SCENARIO)
    server = subprocess.Popen([ccsim, "serve", "--port", "0", "--workspace", workspace],
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    browser = None
    try:
        match, seen = None, []
        for _ in range(20):
            line = server.stderr.readline()
            seen.append(line)
            match = re.search(r"workbench at http://127\.0\.0\.1:(\d+)/", line)
            if match or not line:
                break
        if not match:
            raise AssertionError(f"ccsim serve did not print its address: {seen!r}")
        base = f"http://127.0.0.1:{match.group(1)}/"
        browser = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                    "--disable-extensions", "--remote-debugging-port=0", "--remote-allow-origins=*",
                                    f"--user-data-dir={work}/profile", "about:blank"],
                                   stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        devtools = None
        for _ in range(200):
            text = browser.stderr.readline()
            found = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", text)
            if found:
                devtools = found.group(1)
                break
        if not devtools:
            raise AssertionError("chromium did not open its DevTools port")
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{devtools}/json/list"))
        page = Page(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=1100, deviceScaleFactor=1, mobile=False)
        page.call("Page.navigate", url=base + "?file=erlang-a.yaml")
        page.wait("document.querySelector('#issues li.ok')", "the scenario to load and validate")
        print("workbench-browser-test: erlang-a.yaml opened and valid")

        # An error typed into the editor is reported at its line.
        yaml = page.js("document.getElementById('editor').value")
        line_no = yaml.split("\n").index(next(l for l in yaml.split("\n") if l.strip().startswith("agents:"))) + 1
        page.js("""(() => { const e = document.getElementById('editor');
            e.value = e.value.replace(/agents: 48/, 'agents: -48'); e.dispatchEvent(new Event('input')); })()""")
        marked = page.wait("""(() => { const l = document.querySelector('#backdrop .line.bad');
            const g = document.querySelector('#gutter .bad');
            return l && g ? [l.dataset.line, g.textContent, l.textContent] : null; })()""", "the error marked at its line")
        assert marked[0] == str(line_no) and marked[1] == str(line_no), f"error marked at {marked}, expected line {line_no}"
        assert "team.agents" in marked[2], f"the message at the line does not name the field: {marked[2]!r}"
        assert page.js("document.getElementById('run-button').disabled"), "Run must be disabled while the scenario is invalid"
        print(f"workbench-browser-test: error shown at line {line_no}: {marked[2].strip()}")
        page.js("""(() => { const e = document.getElementById('editor');
            e.value = e.value.replace(/agents: -48/, 'agents: 48'); e.dispatchEvent(new Event('input')); })()""")
        page.wait("document.querySelector('#issues li.ok') && !document.querySelector('#backdrop .line.bad')", "the fix to validate")

        # The form view edits the same text: one value's characters change, comments stay.
        comments = yaml.count("#")
        page.js("document.getElementById('form-button').click()")
        page.wait("document.querySelector('#form-panel input')", "the form view")
        fields = page.js("Array.from(document.querySelectorAll('#form-panel label')).map(l => l.title)")
        assert any(f.startswith("team.agents") for f in fields), f"no agents field in the form: {fields}"
        page.js("""(() => { const i = Array.from(document.querySelectorAll('#form-panel label')).find(l => l.title.startsWith('team.agents')).querySelector('input');
            i.value = '52'; i.dispatchEvent(new Event('change')); })()""")
        page.wait("document.getElementById('editor').value.includes('agents: 52') && document.querySelector('#issues li.ok')", "the form's edit in the YAML")
        edited = page.js("document.getElementById('editor').value")
        assert edited.split("\n")[line_no - 1].strip().startswith("agents: 52"), edited.split("\n")[line_no - 1]
        assert edited.count("#") == comments and len(edited.split("\n")) == len(yaml.split("\n")), "the form's edit changed more than the value"
        if screenshot:
            save_screenshot(page, sibling(screenshot, "form"))
        page.js("""(() => { const i = Array.from(document.querySelectorAll('#form-panel label')).find(l => l.title.startsWith('team.agents')).querySelector('input');
            i.value = '48'; i.dispatchEvent(new Event('change')); })()""")
        page.wait("document.getElementById('editor').value === " + json.dumps(yaml), "the form's edit undone")
        page.js("document.getElementById('form-button').click()")
        print("workbench-browser-test: form view edited team.agents at line", line_no, "with the comments kept")

        # Run, watch progress, and wait for the Report module's page in the frame.
        page.js("document.getElementById('run-replications').value = 5; document.getElementById('run-button').click()")
        page.wait("""(() => { const f = document.getElementById('report-frame');
            return !f.hidden && f.contentDocument && f.contentDocument.querySelectorAll('svg').length > 0; })()""",
                  "the run's report", seconds=90)
        print("workbench-browser-test: run done, report shown with",
              page.js("document.getElementById('report-frame').contentDocument.querySelectorAll('svg').length"), "charts")
        assert page.js("document.querySelectorAll('#run-list .run-item').length") == 1, "the run is not in the history"

        # What-if: move the volume slider, see the overlay; move it again, see it change.
        page.js("document.querySelector('nav.tabs button[data-tab=whatif]').click()")
        def slide(value):
            page.js(f"""(() => {{ const s = document.getElementById('whatif-volumePercent'); s.value = {value};
                s.dispatchEvent(new Event('input')); }})()""")
        slide(15)
        first = page.wait("document.getElementById('whatif-line') && document.getElementById('whatif-summary').textContent.includes('→') && document.getElementById('whatif-line').getAttribute('d')",
                          "the what-if overlay")
        summary = page.js("document.getElementById('whatif-summary').textContent")
        assert "points" in summary, summary
        slide(-15)
        page.wait(f"document.getElementById('whatif-line') && document.getElementById('whatif-line').getAttribute('d') !== {json.dumps(first)}",
                  "the overlay to change")
        summary = page.js("document.getElementById('whatif-summary').textContent")
        print("workbench-browser-test: what-if overlay changed:", summary.split("·")[0].strip())
        assert "+" in summary.split("points")[0], f"15% less volume should raise the service level: {summary}"

        path = screenshot or os.path.join(work, "whatif.png")
        size, colours = save_screenshot(page, path)
        print(f"workbench-browser-test: screenshot {size} bytes, {colours} colours, {time.time() - started:.0f} s")

        # Training ROI: a program typed into the form, the study run with progress, the ROI page.
        page.call("Page.navigate", url=base + "?file=roi-small.yaml")
        page.wait("document.querySelector('#issues li.ok')", "the ROI scenario to validate")
        page.js("document.querySelector('nav.tabs button[data-tab=roi]').click()")
        page.wait("document.querySelectorAll('#roi-program option').length >= 2 && document.getElementById('roi-name').value === 'course'",
                  "the scenario's program in the form")
        page.js("""(() => { const set = (id, v) => { document.getElementById(id).value = v; };
            const p = document.getElementById('roi-program'); p.value = 'new'; p.dispatchEvent(new Event('change'));
            set('roi-name', 'coaching'); set('roi-participants', 'agents'); set('roi-hours', 1); set('roi-cost', 100);
            set('roi-fixed', 500); set('roi-halflife', 4); set('roi-aht-min', -10); set('roi-aht-mode', -5); set('roi-aht-max', 0);
            set('roi-fcr-min', 0); set('roi-fcr-mode', ''); set('roi-fcr-max', 10);
            set('roi-replications', 4); set('roi-sensitivity', 1);
            document.getElementById('roi-button').click(); })()""")
        progress = page.wait("(() => { const t = document.getElementById('run-progress').textContent; return t.includes('arm runs') || t.startsWith('done') ? t : null; })()",
                             "the study's progress", seconds=60)
        page.wait("""(() => { const f = document.getElementById('report-frame');
            return !f.hidden && f.contentDocument && f.contentDocument.querySelector('h1') &&
                   f.contentDocument.querySelector('h1').textContent.startsWith('Training ROI') &&
                   f.contentDocument.querySelectorAll('svg').length >= 2; })()""", "the ROI page", seconds=180)
        verdict = page.js("document.getElementById('run-progress').textContent")
        assert verdict.startswith("done") and "coaching" in verdict.lower(), f"no verdict: {verdict}"
        assert page.js("Array.from(document.querySelectorAll('#run-list .kind')).some(k => k.textContent === 'roi')"), "the study is not in the history"
        print(f"workbench-browser-test: ROI study progress seen ({progress.split('·')[0].strip()}); {verdict}")
        if screenshot:
            page.js("document.getElementById('run-card').scrollIntoView()")
            size, colours = save_screenshot(page, sibling(screenshot, "roi"))
            print(f"workbench-browser-test: ROI screenshot {size} bytes, {colours} colours, {time.time() - started:.0f} s")

        # Staffing: `staff` from the page, its requirement chart; then `schedule` from that
        # requirement, its coverage chart.
        page.call("Page.navigate", url=base + "?file=ccbaby.yaml")
        page.wait("document.querySelector('#issues li.ok')", "ccbaby.yaml to validate")
        page.js("document.querySelector('nav.tabs button[data-tab=staffing]').click()")
        page.wait("!document.getElementById('staff-button').disabled", "the staffing buttons")
        page.js("""(() => { document.getElementById('staff-replications').value = 2; document.getElementById('staff-iterations').value = 4;
            document.getElementById('staff-button').click(); })()""")
        def report_with(heading, chart, seconds):
            return page.wait(f"""(() => {{ const f = document.getElementById('report-frame');
                const d = !f.hidden && f.contentDocument; if (!d || !d.querySelector('h1')) return null;
                const h = Array.from(d.querySelectorAll('h2, h3')).find(x => x.textContent.includes({json.dumps(chart)}));
                return d.querySelector('h1').textContent.startsWith({json.dumps(heading)}) && h &&
                       d.querySelectorAll('svg').length > 0 ? d.querySelector('h1').textContent : null; }})()""",
                             f"the {heading.lower()} page's {chart.lower()} chart", seconds=seconds)
        staffed = report_with("Staffing", "Requirement by interval", 90)
        state = page.js("document.getElementById('run-progress').textContent")
        assert state.startswith("done") and "plans simulated" in state, f"the staffing search did not end done: {state}"
        print(f"workbench-browser-test: staffing search done ({state.split('·')[0].strip()}), page '{staffed}', {time.time() - started:.0f} s")
        page.wait("document.querySelectorAll('#schedule-requirement option').length >= 2", "the search's plan offered as the requirement")
        page.js("""(() => { const s = document.getElementById('schedule-requirement'); s.value = s.options[1].value;
            document.getElementById('schedule-button').click(); })()""")
        scheduled = report_with("Staffing and schedule", "Coverage by interval", 90)
        state = page.js("document.getElementById('run-progress').textContent")
        assert state.startswith("done") and "agents, weekly cost" in state, f"the schedule did not end done: {state}"
        label = page.js("document.getElementById('staff-state').textContent")
        assert label == "done: results below", f"the staffing tab's status line still says '{label}'"
        kinds = page.js("Array.from(document.querySelectorAll('#run-list .kind')).map(k => k.textContent)")
        assert "staff" in kinds and "schedule" in kinds, f"the staffing jobs are not in the history: {kinds}"
        print(f"workbench-browser-test: schedule done ({state.split('·')[0].strip()}), page '{scheduled}', {time.time() - started:.0f} s")
        if screenshot:
            size, colours = save_screenshot(page, sibling(screenshot, "staffing"))
            print(f"workbench-browser-test: staffing screenshot {size} bytes, {colours} colours")
    finally:
        if browser:
            browser.terminate()
            try: browser.wait(10)
            except subprocess.TimeoutExpired: browser.kill()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            raise AssertionError("ccsim serve did not stop on SIGINT")
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        print("workbench-browser-test: 0 passed, 1 failed")
        sys.exit(1)
    print("workbench-browser-test: 1 passed, 0 failed")
