#!/usr/bin/env python3
"""A tiny HTTP proxy in front of moto that records which AWS operation each request was.

Usage: count_proxy.py LISTEN_PORT UPSTREAM_URL LOG_FILE
aws-session talks to it through AWS_ENDPOINT_URL; every request appends one line "Service Operation" to LOG_FILE
(query APIs: the Action form field; JSON APIs: the X-Amz-Target header), then is forwarded unchanged.
"""
import http.client
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, upstream, log_path = int(sys.argv[1]), urllib.parse.urlsplit(sys.argv[2]), sys.argv[3]
lock = threading.Lock()


def operation(headers, body):
    target = headers.get("X-Amz-Target")
    if target:  # e.g. AWSOrganizationsV20161128.ListAccounts
        service, _, op = target.partition(".")
        return ("Organizations" if service.startswith("AWSOrganizations") else service) + " " + op
    form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
    action = form.get("Action", ["?"])[0]
    scope = headers.get("Authorization", "")  # Credential=AKID/date/region/SERVICE/aws4_request
    service = scope.split("/")[3] if scope.count("/") >= 4 else "?"
    return {"sts": "STS", "iam": "IAM"}.get(service, service) + " " + action


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _forward(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with lock, open(log_path, "a") as log:
            log.write(operation(self.headers, body) + "\n")
        conn = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive")}
        conn.request(self.command, self.path, body, headers)
        resp = conn.getresponse()
        data = resp.read()
        self.send_response(resp.status)
        for k, v in resp.getheaders():
            if k.lower() not in ("connection", "transfer-encoding", "content-length", "keep-alive"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        conn.close()

    do_GET = do_POST = do_PUT = do_DELETE = _forward

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
