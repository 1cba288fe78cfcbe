// Prints the caller's ARN as STS reports it, with the SDK's default credential chain, region and endpoint resolution.
const { STSClient, GetCallerIdentityCommand } = require("@aws-sdk/client-sts");

new STSClient({}).send(new GetCallerIdentityCommand({})).then(
  (r) => console.log(r.Arn),
  (e) => {
    console.error(`${e.name}: ${e.message}`);
    process.exit(1);
  },
);
