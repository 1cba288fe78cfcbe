#!/usr/bin/env python3
"""A tiny HTTP proxy in front of moto_server that counts calls per action (X-Amz-Target or Action=).

Usage: counting_proxy.py LISTEN_PORT UPSTREAM_URL
GET /__counts returns the counts as JSON; POST /__reset clears them. Everything else is forwarded verbatim.
Only the standard library, so the bench needs nothing beyond python3 and moto.
"""
import http.client
import json
import sys
import threading
import urllib.parse
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, upstream = int(sys.argv[1]), urllib.parse.urlsplit(sys.argv[2])
counts, lock = Counter(), threading.Lock()


def action(headers, body):
    target = headers.get("X-Amz-Target")
    if target:
        return target.split(".")[-1]
    form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
    return form.get("Action", ["?"])[0]


class Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/__counts":
            with lock:
                return self.reply(200, json.dumps(counts).encode(), [("Content-Type", "application/json")])
        self.forward(b"")

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path == "/__reset":
            with lock:
                counts.clear()
            return self.reply(200, b"{}")
        with lock:
            counts[action(self.headers, body)] += 1
        self.forward(body)

    def forward(self, body):
        conn = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=60)
        conn.request(self.command, self.path, body, {k: v for k, v in self.headers.items() if k.lower() != "connection"})
        r = conn.getresponse()
        data = r.read()
        skip = {"transfer-encoding", "connection", "content-length"}
        self.reply(r.status, data, [(k, v) for k, v in r.getheaders() if k.lower() not in skip])
        conn.close()


ThreadingHTTPServer(("127.0.0.1", port), Proxy).serve_forever()
