export default {
  opt: {
    aws: "run against real AWS (standard credential chain: --profile, AWS_PROFILE, AWS_REGION...)",
    profile: "AWS profile for --aws or --endpoint-url",
    region: "AWS region",
    endpointUrl: "send every call to this AWS-compatible endpoint (standard credential chain)",
    sandboxPort: "port of the local sandbox to use (default 5566, or IOTDM_SANDBOX_PORT)",
    sandboxDir: "state directory of the local sandbox to use (or IOTDM_SANDBOX_DIR)",
  },
  summary: "📍 Target: {{target}} ({{pacing}}) | account {{account}} | region {{region}}",
  paced: "paced at AWS's default quotas",
  unpaced: "not paced",
  confirmChanges: "This will create or delete resources in account {{account}}, region {{region}}. Continue?",
  badPort: "{{value}} is not a TCP port number (1-65535)",
  conflict: "{{flags}} exclude each other: choose one target",
  sandboxStarted:
    "🟢 Started a sandbox on {{endpoint}} (state in {{dataDir}}); it keeps running in the background until `{{stop}}`.",
  portBusy:
    "Port {{port}} on {{host}} is in use by another program (not an iotdm sandbox): stop that program, or choose another port with --sandbox-port.",
  unreachable:
    "{{target}} did not answer ({{message}}): check the network connection, the endpoint and the region.",
  noCredentials:
    "No AWS credentials were found to sign the calls to {{target}} ({{message}}): run `aws configure`, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass --profile.",
  credentialsRejected:
    "{{target}} refused the credentials ({{code}}: {{message}}): check them with `aws sts get-caller-identity`, or set them up with `aws configure`.",
  aws: {
    noRegion:
      "--aws needs a region: pass --region (e.g. --region us-east-1), set AWS_REGION, or give the profile one with `aws configure`",
    noProfile:
      "the AWS profile {{profile}} is not in {{files}}: create it with `aws configure --profile {{profile}}`, or choose another with --profile",
    noCredentials:
      "--aws found no AWS credentials: run `aws configure` (or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass --profile) ({{message}})",
  },
};
