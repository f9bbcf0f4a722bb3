export default {
  opt: {
    aws: "run against real AWS (standard credential chain: --profile, AWS_PROFILE, AWS_REGION...)",
    profile: "AWS profile for --aws or --endpoint-url",
    region: "AWS region",
    endpointUrl: "send every call to this AWS-compatible endpoint (standard credential chain)",
    sandboxPort: "port of the local sandbox to use (default 5566)",
    sandboxDir: "state directory of the local sandbox to use",
  },
  summary: "📍 Target: {{target}} | account {{account}} | region {{region}}",
  confirmChanges: "This will create or delete resources in account {{account}}, region {{region}}. Continue?",
  badPort: "--sandbox-port takes a TCP port number",
  awsAndEndpoint: "--aws and --endpoint-url exclude each other",
};
