#!/usr/bin/env python3
"""A loopback HTTP server for the browser tests (and end-to-end runs).

Serves, with CORS headers (the wasm tests run on wasm-pack's own origin):
  /api/...        the committed default data set (public/api), 404 for missing files
  /fixtures/...   tests/fixtures, e.g. a malformed page
  /engine-build/... the sound engine as scripts/engine.sh builds it ($CARGO_TARGET_DIR/engine)
  /status/NNN     an empty JSON answer with that status
  /slow/MS/...    /api/... after a delay of MS milliseconds
  /flaky/N/KEY/... /... but 500 for the first N requests of each path (for Retry tests; a fresh
                  KEY starts a fresh count)
  POST /cloudkit/database/1/...  a fake CloudKit public database (scripts/fake_cloudkit.py)
  /bench/performances.json, /bench/performances/pages/N.json
                  an endless-looking feed (BENCH_PAGES pages of 20) made from the default data set
With --spa DIR, any other path is served from DIR, unknown ones as DIR/index.html (like a production
host for a single-page app). With --api DIR, /api/... is served from DIR instead of public/api (the
benchmark's generated feed of 10,000 performances).

Usage: test-server.py [--port 8931] [--spa dist] [--api DIR]
"""

import argparse
import json
import os
import posixpath
import sys
import threading
import time
import urllib.parse
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fake_cloudkit  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MOUNTS = {
    "/api/": os.path.join(ROOT, "public", "api"),
    "/fixtures/": os.path.join(ROOT, "tests", "fixtures"),
    "/engine-build/": os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "engine"),
}
flaky_counts = {}
flaky_lock = threading.Lock()
BENCH_PAGES = 25
_pool = []


def bench_pool():
    if not _pool:
        folder = os.path.join(ROOT, "public", "api", "performances")
        for name in sorted(os.listdir(folder)):
            if name.endswith(".json"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    _pool.append(json.load(f))
    return _pool


class Handler(SimpleHTTPRequestHandler):
    spa_dir = None
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".json": "application/json",
                      ".wasm": "application/wasm", ".js": "text/javascript", ".csv": "text/csv"}

    def log_message(self, fmt, *args):
        if os.environ.get("MICROJAM_SERVER_LOG"):
            super().log_message(fmt, *args)

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_json(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.end_headers()

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        if not url.path.startswith("/cloudkit/"):
            return self.send_json(404, {"error": "not found"})
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        token = urllib.parse.parse_qs(url.query).get("ckAPIToken", [""])[0]
        status, answer = fake_cloudkit.answer(url.path, token, body)
        return self.send_json(status, answer)

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        parts = path.split("/")
        if path.startswith("/status/") and parts[2].isdigit():
            return self.send_json(int(parts[2]), {"error": "status " + parts[2]})
        if path.startswith("/slow/") and parts[2].isdigit():
            time.sleep(int(parts[2]) / 1000)
            self.path = "/" + "/".join(parts[3:])
            return self.do_GET()
        if path.startswith("/flaky/") and parts[2].isdigit():
            with flaky_lock:
                seen = flaky_counts.get(path, 0)
                flaky_counts[path] = seen + 1
            if seen < int(parts[2]):
                return self.send_json(500, {"error": "flaky"})
            self.path = "/" + "/".join(parts[4:])
            return self.do_GET()
        if path.startswith("/bench/"):
            return self.bench(path[len("/bench/"):])
        for prefix, directory in MOUNTS.items():
            if path.startswith(prefix):
                return self.serve_file(directory, path[len(prefix):], spa=False)
        if self.spa_dir:
            return self.serve_file(self.spa_dir, path.lstrip("/"), spa=True)
        return self.send_json(404, {"error": "not found"})

    def bench(self, rel):
        if rel == "performances.json":
            number, next_url = 1, "performances/pages/2.json"
        elif rel.startswith("performances/pages/") and rel[19:-5].isdigit():
            number = int(rel[19:-5])
            next_url = f"{number + 1}.json"
        else:
            return self.send_json(404, {"error": "not found"})
        pool = bench_pool()
        items = []
        for i in range(20):
            source = dict(pool[((number - 1) * 20 + i) % len(pool)])
            source.update(id=f"bench-{number}-{i}", reply_to=None)
            items.append(source)
        return self.send_json(200, {"performances": items, "next": next_url if number < BENCH_PAGES else None})

    def serve_file(self, directory, rel, spa):
        rel = posixpath.normpath(urllib.parse.unquote(rel))
        full = os.path.join(directory, *[p for p in rel.split("/") if p not in ("", ".", "..")])
        if os.path.isdir(full):
            full = os.path.join(full, "index.html")
        if not os.path.isfile(full):
            if not spa:
                return self.send_json(404, {"error": "not found"})
            full = os.path.join(directory, "index.html")
        with open(full, "rb") as f:
            data = f.read()
        try:
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(full))
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client aborted the request (a test of exactly that)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=int(os.environ.get("MICROJAM_TEST_API_PORT", 8931)))
    parser.add_argument("--spa", help="serve this directory as a single-page app")
    parser.add_argument("--api", help="serve /api/ from this directory instead of public/api")
    args = parser.parse_args()
    if args.api:
        MOUNTS["/api/"] = os.path.abspath(args.api)
    Handler.spa_dir = os.path.abspath(args.spa) if args.spa else None
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"test server on http://127.0.0.1:{args.port}", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
