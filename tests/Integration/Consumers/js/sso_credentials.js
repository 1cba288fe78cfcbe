// Prints the AccessKeyId that the AWS SDK for JavaScript v3's fromSSO gets for the profile in argv[2], from the
// token in ~/.aws/sso/cache (refreshing it itself when it is near expiry). fromSSO never opens a browser: without a
// usable token it fails, which is what the interop test relies on. Endpoints: AWS_ENDPOINT_URL_SSO(_OIDC).
const { fromSSO } = require("@aws-sdk/credential-providers");

fromSSO({ profile: process.argv[2] })().then(
  (c) => console.log(c.accessKeyId),
  (e) => {
    console.error(`${e.name}: ${e.message}`);
    process.exit(1);
  },
);
