#!/usr/bin/env python3
"""Writes botocore-endpoints.tsv: where botocore sends each call aws-session makes, per service, region and variant.

  python3 tests/Unit/Config/botocore-endpoints.py > tests/Unit/Config/botocore-endpoints.tsv

For every service, region and variant it builds a boto3 client, stops the first request before it is sent, and
records the host and the region its SigV4 signature names. Identity Center calls are not signed: their row names the
region. "unsupported" is botocore's EndpointVariantError. EndpointsTests compares Endpoints.Standard with every row.
"""
import re

import boto3
import botocore
from botocore.config import Config

REGIONS = ["us-east-1", "eu-west-1", "us-gov-west-1", "us-gov-east-1", "cn-north-1", "cn-northwest-1",
           "us-iso-east-1", "us-iso-west-1", "us-isob-east-1", "us-isob-west-1", "eu-isoe-west-1",
           "us-isof-south-1", "us-isof-east-1", "eusc-de-east-1", "eusc-de-west-1"]
# aws-session's name for each service (Endpoints), botocore's, and one call to stop.
SERVICES = [("STS", "sts", lambda c: c.get_caller_identity()),
            ("IAM", "iam", lambda c: c.list_mfa_devices(UserName="x")),
            ("ORGANIZATIONS", "organizations", lambda c: c.list_accounts()),
            ("SSO", "sso", lambda c: c.list_accounts(accessToken="x")),
            ("SSO_OIDC", "sso-oidc", lambda c: c.register_client(clientName="x", clientType="public"))]
VARIANTS = [("None", False, False), ("Fips", True, False), ("DualStack", False, True), ("Fips|DualStack", True, True)]


class Stop(Exception):
    pass


def sent(service, call, region, fips, dual):
    seen = {}

    def stop(request, **_):
        seen["host"] = re.match(r"https://([^/]+)", request.url).group(1)
        auth = request.headers.get("Authorization", b"")
        scope = re.search(r"Credential=[^/]+/\d+/([^/]+)/", auth.decode() if isinstance(auth, bytes) else auth)
        seen["signing"] = scope.group(1) if scope else region
        raise Stop()

    session = boto3.session.Session(aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="x", region_name=region)
    try:
        client = session.client(service, config=Config(use_fips_endpoint=fips, use_dualstack_endpoint=dual, retries={"max_attempts": 0}))
        client.meta.events.register("before-send", stop)
        call(client)
    except Stop:
        return seen["host"], seen["signing"]
    except botocore.exceptions.EndpointVariantError:
        return "unsupported", ""


print(f"# botocore {botocore.__version__}: service, region, variant, host (or unsupported), signing region")
for name, service, call in SERVICES:
    for region in REGIONS:
        for variant, fips, dual in VARIANTS:
            print("\t".join((name, region, variant) + sent(service, call, region, fips, dual)))
