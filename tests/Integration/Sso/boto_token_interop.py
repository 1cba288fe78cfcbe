#!/usr/bin/env python3
"""Interop with botocore's own SSO code, against the fake Identity Center (AWS_ENDPOINT_URL_SSO* in the environment).
  write URL DIR SESSION   sign in with boto3's clients (device code, approved by fetching the URL) and save the token
                          with botocore's SSOTokenLoader into DIR, in botocore's format
  creds PROFILE           print the access key id botocore's SSO provider gets for PROFILE (from ~/.aws/sso/cache,
                          refreshing the token itself when fewer than 15 minutes are left)"""
import datetime
import sys
import urllib.request

import boto3
import botocore.session
from botocore import UNSIGNED
from botocore.config import Config
from botocore.utils import JSONFileCache, SSOTokenLoader

if sys.argv[1] == "write":
    url, directory, session = sys.argv[2:5]
    start = "https://d-fake.awsapps.com/start"
    oidc = boto3.client("sso-oidc", region_name="us-east-1", config=Config(signature_version=UNSIGNED))
    reg = oidc.register_client(clientName="botocore-client-" + session, clientType="public", scopes=["sso:account:access"])
    dev = oidc.start_device_authorization(clientId=reg["clientId"], clientSecret=reg["clientSecret"], startUrl=start)
    urllib.request.urlopen(dev["verificationUriComplete"]).read()
    tok = oidc.create_token(clientId=reg["clientId"], clientSecret=reg["clientSecret"],
                            grantType="urn:ietf:params:oauth:grant-type:device_code", deviceCode=dev["deviceCode"])
    now = datetime.datetime.now(datetime.timezone.utc)
    token = {"startUrl": start, "region": "us-east-1", "accessToken": tok["accessToken"],
             "expiresAt": now + datetime.timedelta(seconds=tok["expiresIn"]),
             "clientId": reg["clientId"], "clientSecret": reg["clientSecret"],
             "registrationExpiresAt": datetime.datetime.fromtimestamp(reg["clientSecretExpiresAt"], datetime.timezone.utc),
             "refreshToken": tok["refreshToken"]}
    SSOTokenLoader(cache=JSONFileCache(directory)).save_token(start, token, session_name=session)
elif sys.argv[1] == "creds":
    creds = botocore.session.Session(profile=sys.argv[2]).get_credentials().get_frozen_credentials()
    print(creds.access_key)
