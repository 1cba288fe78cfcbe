#!/usr/bin/env python3
"""A tiny HTTP proxy in front of moto that counts which AWS operation each request was.

Usage: count_proxy.py LISTEN_PORT UPSTREAM_URL [LOG_FILE]
aws-session talks to it through AWS_ENDPOINT_URL. Each request is counted by operation (query APIs: the Action form
field; JSON APIs: the X-Amz-Target header) and, with LOG_FILE, appended to it as one line "Service Operation"; then it
is forwarded unchanged. GET /__counts returns the counts as JSON; POST /__reset clears them.
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
log_path = sys.argv[3] if len(sys.argv) > 3 else None
counts, lock = Counter(), threading.Lock()


def operation(headers, body):
    """(service, operation), e.g. ("Organizations", "ListAccounts") or ("STS", "GetSessionToken")."""
    target = headers.get("X-Amz-Target")
    if target:  # e.g. AWSOrganizationsV20161128.ListAccounts
        service, _, op = target.partition(".")
        return ("Organizations" if service.startswith("AWSOrganizations") else service), op
    form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
    scope = headers.get("Authorization", "")  # Credential=AKID/date/region/SERVICE/aws4_request
    service = scope.split("/")[3] if scope.count("/") >= 4 else "?"
    return {"sts": "STS", "iam": "IAM"}.get(service, service), form.get("Action", ["?"])[0]


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

    def handle_any(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path == "/__counts":
            with lock:
                return self.reply(200, json.dumps(counts).encode(), [("Content-Type", "application/json")])
        if self.path == "/__reset":
            with lock:
                counts.clear()
            return self.reply(200, b"{}")
        service, op = operation(self.headers, body)
        with lock:
            counts[op] += 1
            if log_path:
                with open(log_path, "a") as log:
                    log.write(f"{service} {op}\n")
        conn = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=60)
        skip = {"connection", "keep-alive", "transfer-encoding", "content-length"}
        conn.request(self.command, self.path, body, {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive")})
        r = conn.getresponse()
        data = r.read()
        self.reply(r.status, data, [(k, v) for k, v in r.getheaders() if k.lower() not in skip])
        conn.close()

    do_GET = do_POST = do_PUT = do_DELETE = handle_any


ThreadingHTTPServer(("127.0.0.1", port), Proxy).serve_forever()
