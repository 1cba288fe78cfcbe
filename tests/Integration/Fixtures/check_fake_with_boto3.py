#!/usr/bin/env python3
"""Drives the fake Identity Center with boto3's own sso-oidc and sso clients (their service models, their error
parsing), so the fake is checked against the real wire protocol, not against aws-session. Usage: URL. Prints OK."""
import base64
import hashlib
import http.client
import secrets
import sys
import urllib.request
from urllib.parse import parse_qs, urlencode, urlparse

import boto3
from botocore import UNSIGNED
from botocore.config import Config

url = sys.argv[1]
cfg = Config(signature_version=UNSIGNED, retries={"max_attempts": 1})
oidc = boto3.client("sso-oidc", region_name="us-east-1", endpoint_url=url, config=cfg)
portal = boto3.client("sso", region_name="us-east-1", endpoint_url=url, config=cfg)


def error_code(call):
    try:
        call()
    except oidc.exceptions.ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("expected an error")


def check(cond, what):
    if not cond:
        raise AssertionError(what)


# Device code grant
reg = oidc.register_client(clientName="check", clientType="public", scopes=["sso:account:access"])
check(reg["clientSecretExpiresAt"] > 1_700_000_000, "clientSecretExpiresAt in epoch seconds")
dev = oidc.start_device_authorization(clientId=reg["clientId"], clientSecret=reg["clientSecret"], startUrl="https://d-fake.awsapps.com/start")
grant = dict(clientId=reg["clientId"], clientSecret=reg["clientSecret"], grantType="urn:ietf:params:oauth:grant-type:device_code", deviceCode=dev["deviceCode"])
check(error_code(lambda: oidc.create_token(**grant)) == ("AuthorizationPendingException", 400), "pending")
check(error_code(lambda: oidc.create_token(**{**grant, "clientSecret": "wrong"})) == ("InvalidClientException", 401), "invalid client")
urllib.request.urlopen(dev["verificationUriComplete"]).read()
tok = oidc.create_token(**grant)
check(tok["tokenType"] == "Bearer" and tok["expiresIn"] > 0 and tok["refreshToken"], "token")
check(error_code(lambda: oidc.create_token(**grant))[0] == "InvalidGrantException", "device code used once")

# Refresh token grant
ref = oidc.create_token(clientId=reg["clientId"], clientSecret=reg["clientSecret"], grantType="refresh_token", refreshToken=tok["refreshToken"])
check(ref["accessToken"] != tok["accessToken"], "refreshed")
check(error_code(lambda: oidc.create_token(clientId=reg["clientId"], clientSecret=reg["clientSecret"], grantType="refresh_token",
                                          refreshToken=tok["refreshToken"]))[0] == "InvalidGrantException", "refresh token used once")

# Authorization code + PKCE, with the 302 to a loopback redirect
redirect = "http://127.0.0.1/oauth/callback"
pk = oidc.register_client(clientName="check", clientType="public", scopes=["sso:account:access"],
                          grantTypes=["authorization_code", "refresh_token"], redirectUris=[redirect], issuerUrl="https://d-fake.awsapps.com/start")
verifier = secrets.token_urlsafe(48)
challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
loopback = "http://127.0.0.1:54321/oauth/callback"
q = urlencode({"response_type": "code", "client_id": pk["clientId"], "redirect_uri": loopback, "state": "st4te",
               "code_challenge": challenge, "code_challenge_method": "S256", "scopes": "sso:account:access"})
u = urlparse(url)
conn = http.client.HTTPConnection(u.hostname, u.port)
conn.request("GET", "/authorize?" + q)
resp = conn.getresponse()
check(resp.status == 302, "authorize answers 302")
location = urlparse(resp.getheader("Location"))
check(f"{location.scheme}://{location.netloc}{location.path}" == loopback, "redirect to the loopback")
params = parse_qs(location.query)
check(params["state"] == ["st4te"], "state echoed")
code = params["code"][0]
pkgrant = dict(clientId=pk["clientId"], clientSecret=pk["clientSecret"], grantType="authorization_code", redirectUri=loopback)
check(error_code(lambda: oidc.create_token(**pkgrant, code=code, codeVerifier="x" * 43))[0] == "InvalidGrantException", "wrong verifier")
conn.request("GET", "/authorize?" + q)
code = parse_qs(urlparse(conn.getresponse().getheader("Location")).query)["code"][0]
pktok = oidc.create_token(**pkgrant, code=code, codeVerifier=verifier)
check(pktok["accessToken"] and pktok["refreshToken"], "PKCE token")

# Portal, every page
token = pktok["accessToken"]
accounts = [a for page in portal.get_paginator("list_accounts").paginate(accessToken=token, PaginationConfig={"PageSize": 2}) for a in page["accountList"]]
check([a["accountName"] for a in accounts][:3] == ["prod", "staging", "dev"], "accounts listed over pages")
roles = portal.list_account_roles(accessToken=token, accountId="111111111111")["roleList"]
check({r["roleName"] for r in roles} == {"AdministratorAccess", "ReadOnly"}, "roles")
creds = portal.get_role_credentials(accessToken=token, accountId="111111111111", roleName="ReadOnly")["roleCredentials"]
check(creds["expiration"] > 1_700_000_000_000, "expiration in epoch milliseconds")
# Not in botocore's model, but what AWS answers ("ForbiddenException: No access"): botocore still reads the code.
check(error_code(lambda: portal.get_role_credentials(accessToken=token, accountId="111111111111", roleName="Nope")) == ("ForbiddenException", 403), "forbidden")
portal.logout(accessToken=token)
try:
    portal.list_accounts(accessToken=token)
    raise AssertionError("expected UnauthorizedException")
except portal.exceptions.UnauthorizedException:
    pass
print("OK")
