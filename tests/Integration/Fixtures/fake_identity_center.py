#!/usr/bin/env python3
"""A fake IAM Identity Center on 127.0.0.1: the sso-oidc and sso (portal) wire protocols, restJson, as the AWS SDKs
speak them. moto has neither service. Used by the integration tests and by sandbox/run.sh.

OIDC:   POST /client/register, /device_authorization, /token (device_code, authorization_code + PKCE, refresh_token)
        GET  /authorize -> 302 to the loopback redirect; GET /device?user_code=... approves a device code
Portal: GET  /assignment/accounts, /assignment/roles, /federation/credentials (x-amz-sso_bearer_token); POST /logout
Test:   GET  /_fake/stats (counters as JSON); POST /_fake/revoke (every access token; ?refresh=1 also refresh tokens);
        POST /_fake/deny?on=1|0

Prints "READY <port>" on stdout once it listens.
"""
import argparse
import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
ACCOUNTS = [
    ("111111111111", "prod", ["AdministratorAccess", "ReadOnly"]),
    ("222222222222", "staging", ["ReadOnly"]),
    ("333333333333", "dev", ["AdministratorAccess", "Developer", "ReadOnly"]),
]


class State:
    def __init__(self, args):
        self.lock = threading.Lock()
        self.args = args
        self.deny = args.deny
        self.clients = {}
        self.devices = {}
        self.codes = {}
        self.access = {}
        self.refresh = {}
        self.stats = {k: 0 for k in ("register", "device_authorization", "authorize", "approve", "token_device",
                                     "token_authorization_code", "token_refresh", "pending", "slow_down", "accounts",
                                     "roles", "credentials", "logout", "unauthorized")}
        self.accounts = list(ACCOUNTS) + [(f"{900000000000 + i:012d}", f"filler-{i:02d}", ["ReadOnly"])
                                          for i in range(args.filler_accounts)]

    def count(self, name):
        self.stats[name] += 1


class OidcError(Exception):
    def __init__(self, status, error, type_, description):
        super().__init__(description)
        self.status, self.error, self.type_, self.description = status, error, type_, description


def b64url_sha256(text):
    return base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()


class Handler(BaseHTTPRequestHandler):
    server_version = "FakeIdentityCenter/1"
    state: State = None

    def log_message(self, fmt, *args):
        pass

    # ---- plumbing
    def send_json(self, status, body, error_type=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if error_type:
            self.send_header("x-amzn-ErrorType", f"{error_type}:http://internal.amazon.com/coral/com.amazonaws.ssooidc/")
        self.end_headers()
        self.wfile.write(data)

    def send_oidc_error(self, e):
        self.send_json(e.status, {"error": e.error, "error_description": e.description}, e.type_)

    def send_portal_error(self, status, type_, message):
        data = json.dumps({"message": message}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("x-amzn-ErrorType", type_)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        return json.loads(raw) if raw else {}

    def base_url(self):
        return f"http://{self.headers.get('Host')}"

    # ---- dispatch
    def do_POST(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        routes = {"/client/register": self.register, "/device_authorization": self.device_authorization,
                  "/token": self.token, "/logout": self.logout, "/_fake/revoke": self.revoke, "/_fake/deny": self.set_deny}
        handler = routes.get(url.path)
        if handler is None:
            return self.send_json(404, {"message": "not found"})
        try:
            with self.state.lock:
                result = handler(query)
        except OidcError as e:
            return self.send_oidc_error(e)
        if result is not None:
            self.send_json(200, result)

    def do_GET(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        routes = {"/authorize": self.authorize, "/device": self.approve_device, "/assignment/accounts": self.list_accounts,
                  "/assignment/roles": self.list_roles, "/federation/credentials": self.role_credentials,
                  "/_fake/stats": lambda q: self.send_json(200, dict(self.state.stats))}
        handler = routes.get(url.path)
        if handler is None:
            return self.send_json(404, {"message": "not found"})
        with self.state.lock:
            handler(query)

    # ---- OIDC
    def client(self, body):
        c = self.state.clients.get(body.get("clientId"))
        if c is None or c["secret"] != body.get("clientSecret") or c["expires"] < time.time():
            raise OidcError(401, "invalid_client", "InvalidClientException", "Invalid client provided")
        return c

    def register(self, _):
        b = self.body()
        if not b.get("clientName") or b.get("clientType") != "public":
            raise OidcError(400, "invalid_request", "InvalidRequestException", "clientName and clientType=public are required")
        grants = b.get("grantTypes") or []
        if "authorization_code" in grants and not b.get("redirectUris"):
            raise OidcError(400, "invalid_redirect_uri", "InvalidRedirectUriException", "redirectUris are required for authorization_code")
        self.state.count("register")
        now = int(time.time())
        client_id, secret = "cid-" + secrets.token_hex(8), "csecret-" + secrets.token_hex(16)
        expires = now + self.state.args.registration_ttl
        self.state.clients[client_id] = {"secret": secret, "scopes": b.get("scopes") or [], "redirects": b.get("redirectUris") or [],
                                         "grants": grants, "expires": expires}
        return {"clientId": client_id, "clientSecret": secret, "clientIdIssuedAt": now, "clientSecretExpiresAt": expires}

    def device_authorization(self, _):
        b = self.body()
        self.client(b)
        if not b.get("startUrl"):
            raise OidcError(400, "invalid_request", "InvalidRequestException", "startUrl is required")
        self.state.count("device_authorization")
        device, user = "dev-" + secrets.token_hex(12), secrets.token_hex(2).upper() + "-" + secrets.token_hex(2).upper()
        self.state.devices[device] = {"client": b["clientId"], "user": user, "status": "pending",
                                      "expires": time.time() + self.state.args.device_ttl}
        base = self.base_url() + "/device"
        return {"deviceCode": device, "userCode": user, "verificationUri": base,
                "verificationUriComplete": base + "?" + urlencode({"user_code": user}),
                "expiresIn": self.state.args.device_ttl, "interval": 1}

    def approve_device(self, q):
        for d in self.state.devices.values():
            if d["user"] == q.get("user_code") and d["status"] == "pending":
                d["status"] = "denied" if self.state.deny else "approved"
                self.state.count("approve")
                return self.page(200, "Request " + d["status"])
        self.page(404, "No such request")

    def authorize(self, q):
        self.state.count("authorize")
        c = self.state.clients.get(q.get("client_id"))
        redirect = q.get("redirect_uri", "")
        r = urlparse(redirect)
        registered = [urlparse(u) for u in (c or {}).get("redirects", [])]
        # RFC 8252: a loopback redirect matches whatever its port.
        if c is None or not any(u.scheme == r.scheme and u.hostname == r.hostname and u.path == r.path for u in registered):
            return self.page(400, "invalid client or redirect_uri")
        if q.get("response_type") != "code" or q.get("code_challenge_method") != "S256" or not q.get("code_challenge"):
            return self.page(400, "PKCE with S256 is required")
        if self.state.deny:
            params = {"error": "access_denied", "error_description": "The user denied the request", "state": q.get("state", "")}
        else:
            code = "code-" + secrets.token_hex(12)
            self.state.codes[code] = {"client": q["client_id"], "redirect": redirect, "challenge": q["code_challenge"],
                                      "expires": time.time() + 600}
            params = {"code": code, "state": q.get("state", "")}
            self.state.count("approve")
        self.send_response(302)
        self.send_header("Location", redirect + "?" + urlencode(params))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def token(self, _):
        b = self.body()
        c = self.client(b)
        grant = b.get("grantType")
        if grant == DEVICE_GRANT:
            d = self.state.devices.get(b.get("deviceCode"))
            if d is None or d["client"] != b["clientId"]:
                raise OidcError(400, "invalid_grant", "InvalidGrantException", "Invalid device code provided")
            if d["expires"] < time.time():
                raise OidcError(400, "expired_token", "ExpiredTokenException", "Device code has expired")
            if self.state.args.slow_down and not d.get("slowed"):
                d["slowed"] = True
                self.state.count("slow_down")
                raise OidcError(400, "slow_down", "SlowDownException", "Client is polling too fast")
            if d["status"] == "denied":
                raise OidcError(400, "access_denied", "AccessDeniedException", "The user denied the request")
            if d["status"] == "pending":
                self.state.count("pending")
                raise OidcError(400, "authorization_pending", "AuthorizationPendingException", "Authorization is still pending")
            del self.state.devices[b["deviceCode"]]
            self.state.count("token_device")
        elif grant == "authorization_code":
            a = self.state.codes.pop(b.get("code"), None)
            if a is None or a["client"] != b["clientId"] or a["expires"] < time.time():
                raise OidcError(400, "invalid_grant", "InvalidGrantException", "Invalid authorization code provided")
            if a["redirect"] != b.get("redirectUri"):
                raise OidcError(400, "invalid_grant", "InvalidGrantException", "redirectUri does not match")
            if b64url_sha256(b.get("codeVerifier") or "") != a["challenge"]:
                raise OidcError(400, "invalid_grant", "InvalidGrantException", "codeVerifier does not match the challenge")
            self.state.count("token_authorization_code")
        elif grant == "refresh_token":
            owner = self.state.refresh.pop(b.get("refreshToken"), None)
            if owner != b["clientId"]:
                raise OidcError(400, "invalid_grant", "InvalidGrantException", "Invalid refresh token provided")
            self.state.count("token_refresh")
        else:
            raise OidcError(400, "unsupported_grant_type", "UnsupportedGrantTypeException", "Unsupported grant type")
        access = "atok-" + secrets.token_hex(24)
        self.state.access[access] = time.time() + self.state.args.access_ttl
        result = {"accessToken": access, "tokenType": "Bearer", "expiresIn": self.state.args.access_ttl}
        if c["scopes"]:
            refresh = "rtok-" + secrets.token_hex(24)
            self.state.refresh[refresh] = b["clientId"]
            result["refreshToken"] = refresh
        return result

    # ---- portal
    def bearer(self):
        token = self.headers.get("x-amz-sso_bearer_token")
        if token is None or self.state.access.get(token, 0) < time.time():
            self.state.count("unauthorized")
            self.send_portal_error(401, "UnauthorizedException", "Session token not found or invalid")
            return False
        return True

    def list_accounts(self, q):
        if not self.bearer():
            return
        self.state.count("accounts")
        size, start = min(int(q.get("max_result") or 20), 20), int(q.get("next_token") or 0)
        page = self.state.accounts[start:start + size]
        body = {"accountList": [{"accountId": i, "accountName": n, "emailAddress": f"{n}@example.com"} for i, n, _ in page]}
        if start + size < len(self.state.accounts):
            body["nextToken"] = str(start + size)
        self.send_json(200, body)

    def list_roles(self, q):
        if not self.bearer():
            return
        self.state.count("roles")
        roles = next((r for i, _, r in self.state.accounts if i == q.get("account_id")), None)
        if roles is None:
            return self.send_portal_error(403, "ForbiddenException", "No access")
        self.send_json(200, {"roleList": [{"roleName": r, "accountId": q["account_id"]} for r in roles]})

    def role_credentials(self, q):
        if not self.bearer():
            return
        roles = next((r for i, _, r in self.state.accounts if i == q.get("account_id")), [])
        if q.get("role_name") not in roles:
            return self.send_portal_error(403, "ForbiddenException", "No access")
        self.state.count("credentials")
        expiration = int((time.time() + self.state.args.role_ttl) * 1000)
        self.send_json(200, {"roleCredentials": {
            "accessKeyId": "ASIA" + secrets.token_hex(8).upper(), "secretAccessKey": secrets.token_urlsafe(30),
            "sessionToken": "FQoG" + secrets.token_urlsafe(60), "expiration": expiration}})

    def logout(self, _):
        token = self.headers.get("x-amz-sso_bearer_token")
        self.state.count("logout")
        self.state.access.pop(token, None)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    # ---- test controls
    def revoke(self, q):
        self.state.access.clear()
        if q.get("refresh") == "1":
            self.state.refresh.clear()
        return {}

    def set_deny(self, q):
        self.state.deny = q.get("on", "1") == "1"
        return {}

    def page(self, status, text):
        data = f"<html><body>{text}</body></html>".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--access-ttl", type=int, default=8 * 3600, help="seconds an access token lives")
    p.add_argument("--role-ttl", type=int, default=3600, help="seconds role credentials live")
    p.add_argument("--device-ttl", type=int, default=600, help="seconds a device code lives")
    p.add_argument("--registration-ttl", type=int, default=90 * 86400)
    p.add_argument("--filler-accounts", type=int, default=0, help="extra accounts, to test paging")
    p.add_argument("--deny", action="store_true", help="the user denies every sign-in")
    p.add_argument("--slow-down", action="store_true", help="answer the first poll of each device code with SlowDownException")
    args = p.parse_args()
    Handler.state = State(args)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"READY {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
