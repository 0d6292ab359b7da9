#!/usr/bin/env python3
"""Load and latency of the workbench's what-if, against a real `ccsim serve` (standard library only).

1. Latency of one what-if with nobody else on the server: erlang-a (single queue, its 10
   replications) and tiered-support (a week, 10 replications), first with the base run too
   (nothing cached), then with the base cached, as a planner moving a slider sees it.
2. Load: 20 what-if requests sent at once on erlang-a, each with another volume change; all must
   be answered 200 with an overlay, none lost. Latency percentiles, and the server's resident
   memory sampled throughout (it must stay bounded: runs queue for their slots).

Usage: workbench-load-test.py CCSIM [CONCURRENT=20]
"""
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    ccsim = sys.argv[1]
    concurrent = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    work = tempfile.mkdtemp(prefix="workbench-load-")
    for name in ("erlang-a.yaml", "tiered-support.yaml", "tiered-support-requirement.csv"):
        shutil.copy(os.path.join(ROOT, "scenarios", name), work)
    server = subprocess.Popen([ccsim, "serve", "--port", "0", "--workspace", work],
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        match = None
        for _ in range(20):
            match = re.search(r"workbench at http://127\.0\.0\.1:(\d+)/", server.stderr.readline())
            if match:
                break
        base = "http://127.0.0.1:%s" % match.group(1)
        token = re.search(r'name="ccsim-token" content="([^"]+)"', urllib.request.urlopen(base + "/").read().decode()).group(1)

        def whatif(path, changes, replications=None):
            body = {"path": path, "changes": changes}
            if replications:
                body["replications"] = replications
            request = urllib.request.Request(base + "/api/whatif", data=json.dumps(body).encode(), method="POST",
                                             headers={"Content-Type": "application/json", "X-CCSim-Token": token})
            started = time.perf_counter()
            with urllib.request.urlopen(request, timeout=300) as response:
                answer = json.load(response)
                return response.status, time.perf_counter() - started, answer

        print(f"cores: {os.cpu_count()}; server rss at start {rss_mib(server.pid):.0f} MiB")
        for path, reps in (("erlang-a.yaml", None), ("tiered-support.yaml", 10)):
            _, cold, answer = whatif(path, {"volumePercent": 5}, reps)
            _, warm, answer2 = whatif(path, {"volumePercent": 10}, reps)
            assert not answer["baseFromCache"] and answer2["baseFromCache"]
            print(f"what-if latency {path} ({answer['replications']} replications): {cold:.2f} s with its base run, "
                  f"{warm:.2f} s with the base cached (server-side {answer2['seconds']:.2f} s)")

        # Load: all at once.
        results, peak, stop = [], [0.0], threading.Event()

        def sample():
            while not stop.is_set():
                peak[0] = max(peak[0], rss_mib(server.pid))
                time.sleep(0.05)

        def one(i):
            try:
                status, seconds, answer = whatif("erlang-a.yaml", {"volumePercent": -10 + i})
                ok = status == 200 and answer["channels"] and answer["channels"][0]["intervals"]
                results.append((bool(ok), seconds))
            except Exception as error:  # noqa: BLE001 - every failure is counted as lost
                print("request failed:", error, file=sys.stderr)
                results.append((False, 0.0))

        sampler = threading.Thread(target=sample)
        sampler.start()
        threads = [threading.Thread(target=one, args=(i,)) for i in range(concurrent)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        stop.set()
        sampler.join()
        answered = sum(1 for ok, _ in results if ok)
        latencies = sorted(s for ok, s in results if ok)
        q = lambda p: latencies[min(len(latencies) - 1, int(round(p * (len(latencies) - 1))))] if latencies else float("nan")
        print(f"load: {concurrent} concurrent what-ifs on erlang-a: {answered}/{concurrent} answered in {wall:.2f} s; "
              f"latency p50 {q(0.5):.2f} s, p90 {q(0.9):.2f} s, p99 {q(0.99):.2f} s, max {latencies[-1] if latencies else 0:.2f} s; "
              f"server rss peak {peak[0]:.0f} MiB, after {rss_mib(server.pid):.0f} MiB")
        if answered != concurrent:
            print("workbench-load-test: FAIL: requests lost")
            return 1
        if peak[0] > 1024:
            print("workbench-load-test: FAIL: server memory above 1 GiB")
            return 1
        print("workbench-load-test: passed")
        return 0
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
