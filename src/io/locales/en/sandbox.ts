export default {
  description: "Run the local AWS sandbox (IoT, shadows, jobs data plane, S3, IAM, STS)",
  start: {
    description: "Start the sandbox in the background",
  },
  serve: {
    description: "Run the sandbox in the foreground (Ctrl-C stops it)",
  },
  stop: {
    description: "Stop the sandbox",
  },
  status: {
    description: "Show whether the sandbox runs, and where",
  },
  reset: {
    description: "Delete every resource the sandbox holds",
  },
  env: {
    description: "Print shell exports that point AWS tools at the sandbox",
  },
  clock: {
    description: "Advance the sandbox clock (for rules that wait, such as thing type deletion)",
  },
  opt: {
    port: "TCP port of the instance (default 5566, or IOTDM_SANDBOX_PORT)",
    dataDir: "state directory of the instance (default: ~/.iotdm/sandbox/<port>, or IOTDM_SANDBOX_DIR)",
    host: "address to listen on",
    noAuth: "accept requests without checking SigV4 signatures",
    throttle: "request-rate limits: off, or aws for AWS's default quotas",
    failRate: "share of calls (0..1) answered with an internal error",
    failMode:
      "when an injected failure strikes: before the call runs (default), after it has run and committed, or both at random",
    account: "12-digit account id",
    region: "default region",
    advance: "seconds to advance the clock by",
    typeDeletionDelay: "seconds between deprecating and deleting a thing type (AWS: 300)",
    indexBuildDelay: "seconds a new index or dynamic group stays BUILDING (default 0)",
    jobDeletionDelay: "seconds a deleted job stays DELETION_IN_PROGRESS before it is gone (default 0)",
    showSecret: "include the secret access key in the --json output",
    mqttPort:
      "port of the MQTT broker (default: the HTTP port + 1, or any free port when that one is taken; 0: any)",
  },
  started:
    "Sandbox running on http://{{host}}:{{port}} (pid {{pid}}), state in {{dataDir}}; `{{stop}}` stops it",
  alreadyRunning: "Sandbox already running on http://{{host}}:{{port}} (pid {{pid}})",
  listening: "Sandbox listening on http://{{host}}:{{port}}, state in {{dataDir}}. Ctrl-C stops it.",
  stopped: "Sandbox on port {{port}} stopped",
  notRunning: "No sandbox runs on port {{port}} (state directory {{dataDir}})",
  resetDone: "Sandbox on port {{port}} is empty again",
  clockNow: "Sandbox clock: {{now}} (offset {{offset}} s)",
  startFailed: "The sandbox did not start: {{message}}",
  statusLine:
    "Sandbox running on http://{{host}}:{{port}} (pid {{pid}}), account {{accountId}}, region {{region}}, auth {{auth}}, throttle {{throttle}}, state in {{dataDir}}",
  mqttLine:
    "MQTT broker on {{url}}, clients trust the CA in {{caFile}} and connect with an ACTIVE device certificate whose policies allow iot:Connect",
  mqttPlainLine: "MQTT broker on {{url}} (plain MQTT, any client: authentication is off)",
  badMqttPort: "--mqtt-port takes a port number from 0 to 65535",
  badFailRate: "--fail-rate takes a number from 0 to 1",
  badFailMode: "--fail-mode takes before, after or both",
  badThrottle: "--throttle takes off or aws",
  badDelay: "delays take a number of seconds, 0 or more",
  badAdvance: "--advance takes a number of seconds (got {{value}})",
  exposedHost:
    "Warning: the sandbox listens on {{host}}, which other machines can reach. Anyone with its credentials (iotdm sandbox env) can call it; keep authentication on and the port closed to networks you do not trust.",
  noAuthExposed:
    "--no-auth is refused with --host {{host}}: other machines could reach a sandbox that checks no signatures. Listen on 127.0.0.1 to turn authentication off.",
  logs: {
    description: "Show the API calls the sandbox answered (-f follows new ones until Ctrl-C)",
    opt: {
      follow: "keep printing calls as they arrive, until Ctrl-C",
      lines: "how many of the latest calls to show first (default 100)",
    },
    column: {
      time: "TIME",
      service: "SERVICE",
      operation: "OPERATION",
      status: "STATUS",
      latency: "MS",
      error: "ERROR",
      requestId: "REQUEST ID",
    },
    badLines: "--lines takes a whole number, 0 or more",
  },
};
