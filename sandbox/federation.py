#!/usr/bin/env python3
"""A stand-in for https://signin.aws.amazon.com/federation on 127.0.0.1, so `console` can be tried in the sandbox.

Usage: federation.py PORT_FILE   (listens on a free port and writes it to PORT_FILE)
getSigninToken answers with a token for any session that carries a key, id and token, as AWS does for a role
session (aws-session itself refuses an MFA session before asking). Action=login shows a page saying where the
real console would open. Nothing is checked against moto: the stub only shows what aws-session sends and builds.
"""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class Federation(BaseHTTPRequestHandler):
    def do_GET(self):
        q = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
        if q.get("Action") == "getSigninToken":
            try:
                s = json.loads(q.get("Session", ""))
                ok = all(s.get(k) for k in ("sessionId", "sessionKey", "sessionToken"))
            except ValueError:
                ok = False
            self.reply(200 if ok else 400, "application/json",
                       json.dumps({"SigninToken": "sandbox-signin-token"}) if ok else '{"message":"bad session"}')
        elif q.get("Action") == "login":
            self.reply(200, "text/html", "<h1>aws-session sandbox</h1><p>The AWS console would open here, at "
                       + q.get("Destination", "").replace("<", "&lt;") + ".</p>")
        else:
            self.reply(400, "text/plain", "unknown Action")

    def reply(self, status, kind, body):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        sys.stderr.write("federation: " + (fmt % args) + "\n")


server = ThreadingHTTPServer(("127.0.0.1", 0), Federation)
tmp = sys.argv[1] + ".tmp"
with open(tmp, "w") as f:
    f.write(str(server.server_address[1]))
os.replace(tmp, sys.argv[1])
server.serve_forever()
