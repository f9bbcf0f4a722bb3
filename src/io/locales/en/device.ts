export default {
  description:
    "Simulated vehicles that connect over MQTT with their own certificates: they answer commands, run their jobs and report their battery",
  title: "🚗 iotdm device: simulated vehicles on MQTT",
  opt: {
    things: "the things to simulate, comma-separated (instead of --things-prefix and --count)",
    thingsPrefix: "simulate the things named this prefix + digits",
    count: "how many of them (the first ones by name)",
    commandOutcome:
      "how the vehicles answer commands: succeed, fail (with a reason) or ignore (the execution times out)",
    successRate: "percent of the jobs the vehicles install successfully (0-100)",
    reportInterval: "seconds between battery reports on the classic shadow (0: none; default 30)",
    duration: "seconds to stay connected (default: until Ctrl-C)",
    verbose: "print every message the vehicles receive and send (default with 10 vehicles or fewer)",
  },
  prefixPrompt: "Which things? (name prefix)",
  countPrompt: "How many vehicles should connect?",
  outcomePrompt: "How should the vehicles answer commands?",
  ratePrompt: "What percentage of jobs should succeed?",
  outcome: {
    succeed: "succeed: carry the command out",
    fail: "fail: refuse it with a reason a car would give",
    ignore: "ignore: never answer (the execution times out)",
  },
  badCount: "{{value}} is not a number of vehicles (1-100000)",
  badRate: "{{value}} is not a percentage (0-100)",
  badSeconds: "{{value}} is not a number of seconds",
  badOutcome: "{{value}} is not an outcome: use one of {{values}}",
  badPrefix: "{{value}} is not a valid things prefix (letters, digits, _ : -, at most 20 characters)",
  noBroker: "{{target}} has no MQTT broker to connect to",
  unknownThings: "no such thing: {{names}}",
  noThings: "no thing matches: provision a fleet first (iotdm provision), or name the things with --things",
  progress: {
    issuing: "Issuing device certificates",
    connecting: "Connecting vehicles",
  },
  connected_one: "✅ {{count}} of {{total}} vehicle connected to {{url}}",
  connected_other: "✅ {{count}} of {{total}} vehicles connected to {{url}}",
  runningFor: "The vehicles stay connected for {{seconds}} s (Ctrl-C to stop them earlier).",
  runningUntilStopped: "The vehicles stay connected until you press Ctrl-C.",
  event: {
    command: {
      succeeded: "📥 {{thing}}: command {{action}} ({{id}}) carried out",
      failed: "📥 {{thing}}: command {{action}} ({{id}}) refused",
      ignored: "📥 {{thing}}: command {{action}} ({{id}}) received and ignored",
    },
    jobSucceeded: "📦 {{thing}}: job {{job}} installed ({{bytes}} bytes downloaded)",
    jobFailed: "📦 {{thing}}: job {{job}} failed",
    battery: "🔋 {{thing}}: battery {{level}}% reported",
    problem: "⚠️ {{thing}}: {{what}}",
  },
  summary:
    "🏁 {{connected}}/{{devices}} vehicles ran for {{seconds}} s (connected in {{connectSeconds}} s; {{issued}} new certificates). " +
    "Commands: {{commandsSucceeded}} carried out, {{commandsFailed}} refused, {{commandsIgnored}} ignored. " +
    "Jobs: {{jobsSucceeded}} succeeded, {{jobsFailed}} failed. Battery reports: {{battery}}.",
  problemLine: "   {{thing}}: {{what}}",
  next: "Send them a command with: {{command}}",
  tour: {
    step: "🚗 Cars that really connect, and a command",
    indexed_one: "🔎 The fleet index sees {{count}} car connected (connectivity.connected:true)",
    indexed_other: "🔎 The fleet index sees {{count}} cars connected (connectivity.connected:true)",
    status: "   {{thing}}: {{status}}",
    notStarted: "   {{thing}}: the command did not start: {{error}}",
    disconnected: "🔌 The cars went offline: the fleet index now counts {{count}} connected",
    learn: {
      title: "A command reaches a car now, or not at all",
      body:
        "Jobs wait for a device to come back; commands do not. A few cars now connect over MQTT, each with its own\n" +
        "certificate, and subscribe to their commands topic. A lock command is then sent to the first one: AWS IoT\n" +
        "publishes its payload to $aws/commands/things/<car>/executions/<id>/request/json, the car answers on the\n" +
        "response topic, and the execution goes CREATED → SUCCEEDED. Try it yourself later with iotdm device and\n" +
        "iotdm commands.",
    },
  },
  learn: {
    certificates: {
      title: "Every car is somebody",
      body:
        "A device proves who it is with its own X.509 certificate: iotdm makes each car a key on this machine, asks AWS IoT\n" +
        "to sign a certificate for it (CreateCertificateFromCsr: the private key never leaves), attaches it to the thing,\n" +
        "and attaches one policy that lets each car use only its own topics, through the variable\n" +
        "${iot:Connection.Thing.ThingName}. The car connects with its thing name as client id; AWS IoT then knows it as\n" +
        "that thing, and the fleet index shows it connected.",
    },
  },
};
