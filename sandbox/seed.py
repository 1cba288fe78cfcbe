#!/usr/bin/env python3
"""Seed a moto server with what aws-session needs: an IAM user with keys and MFA devices, and an organization.

Usage: seed.py ENDPOINT [--accounts N] [--devices N] [--user NAME] [--no-org] [--jobs N]
Prints one JSON object: the user's keys, device ARNs and the organization's accounts.
Used by the sandbox script and by the integration tests, so both see the same world.
"""
import argparse
import json
import boto3
from concurrent.futures import ThreadPoolExecutor

p = argparse.ArgumentParser()
p.add_argument("endpoint")
p.add_argument("--accounts", type=int, default=25)
p.add_argument("--devices", type=int, default=1)
p.add_argument("--user", default="alice")
p.add_argument("--no-org", action="store_true")
p.add_argument("--jobs", type=int, default=8, help="parallel CreateAccount calls")
a = p.parse_args()

# moto accepts any key until auth checks are on; these only bootstrap the admin calls.
kw = dict(endpoint_url=a.endpoint, region_name="us-east-1",
          aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
iam = boto3.client("iam", **kw)
iam.create_user(UserName=a.user)
iam.put_user_policy(UserName=a.user, PolicyName="all", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
key = iam.create_access_key(UserName=a.user)["AccessKey"]
devices = []
for i in range(a.devices):
    name = a.user if i == 0 else f"{a.user}-{i}"
    dev = iam.create_virtual_mfa_device(VirtualMFADeviceName=name)["VirtualMFADevice"]
    iam.enable_mfa_device(UserName=a.user, SerialNumber=dev["SerialNumber"], AuthenticationCode1="123456", AuthenticationCode2="654321")
    devices.append(dev["SerialNumber"])

accounts = []
if not a.no_org:
    org = boto3.client("organizations", **kw)
    org.create_organization(FeatureSet="ALL")

    def create(i):
        name = "prod" if i == 0 else "staging" if i == 1 else f"team-{i:04d}"
        status = org.create_account(Email=f"{name}@example.com", AccountName=name)["CreateAccountStatus"]
        return {"Id": status["AccountId"], "Name": name}

    # One HTTP round trip per account dominates; moto_server is threaded, so a few workers cut 1,000 accounts
    # from ~9 s to ~3 s. boto3 clients are thread-safe; the output keeps index order.
    with ThreadPoolExecutor(max_workers=max(1, min(a.jobs, a.accounts))) as pool:
        accounts = list(pool.map(create, range(a.accounts)))

print(json.dumps({"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"],
                  "User": a.user, "Devices": devices, "Accounts": accounts}))
