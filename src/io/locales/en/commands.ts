export default {
  description:
    "AWS IoT Commands: create remote actions for your vehicles, run them on a device or a group, follow them",
  title: "🎮 iotdm commands: remote actions for connected vehicles",
  opt: {
    action: "what to do: {{actions}} (a menu asks when omitted)",
    commandId: "the command's id (letters, digits, '_' and '-', up to 64)",
    vehicle: "create: one of the vehicle commands ({{ids}}), or custom",
    description: "create: the custom command's description",
    payload: "create: the custom command's payload, a JSON object",
    thing: "the device (thing name) to run on, or whose executions to show",
    thingGroup: "execute: run on every member of this thing group",
    timeout: "execute: seconds the device has to answer (1-43200, default 60)",
    wait: "execute: follow the status until it is final",
    simulate: "execute: start simulated cars for targets that are not connected (asked when omitted)",
    noSimulate: "execute: do not start simulated cars",
    executionId: "status: the execution's id",
    status: "history: only executions with this status ({{values}})",
    since: "history: only executions started at or after this time (e.g. 2026-01-31T08:00)",
    until: "history: only executions started at or before this time",
  },
  badAction: "unknown action {{value}}: use one of {{values}}",
  menu: {
    prompt: "What would you like to do?",
    create: "Create a command",
    list: "List commands",
    describe: "View a command's details",
    delete: "Delete a command",
    execute: "Execute a command on a device or a group",
    status: "View an execution's status",
    history: "View a device's execution history",
    debug: "Turn debug mode on or off",
    exit: "Exit",
  },
  context: "Region {{region}} · account {{account}} · debug {{debug}}",
  on: "on",
  off: "off",
  debugOn: "✅ Debug mode is on: every AWS call and its answer is shown.",
  debugOff: "Debug mode is off.",
  create: {
    choose: "Which command would you like to create?",
    custom: "A custom command (your own id, description and payload)",
    using: "✅ Using the vehicle command {{id}}: {{description}}",
    payloadLine: "   Payload: {{payload}}",
    idPrompt: "Command id (e.g. open-trunk):",
    descriptionPrompt: "What does the command do?",
    payloadPrompt: "Payload as a JSON object (Enter for {{example}}):",
    payloadHint: "The payload is static: every device that runs this command receives exactly these bytes.",
    done: "✅ Command {{id}} created",
    arn: "   ARN: {{arn}}",
    exists: "❌ A command named {{id}} already exists (it may be pending deletion): choose another id.",
    badVehicle: "{{value}} is not one of {{values}}",
    problem: {
      badId:
        "{{id}} is not a valid command id: start with a letter or digit, then letters, digits, '_' or '-', up to 64",
      badDescription: "give a description of 1 to {{max}} characters",
      badPayload: 'the payload must be a JSON object with at least one key, e.g. {"action": "lock"}',
      payloadTooLarge: "the payload is {{size}} bytes; AWS IoT accepts at most {{max}}",
    },
  },
  vehicle: {
    lock: "Lock all the vehicle's doors remotely",
    unlock: "Unlock all the vehicle's doors remotely",
    startEngine: "Start the engine remotely",
    stopEngine: "Stop the engine remotely",
    setClimate: "Set the cabin climate control",
    horn: "Sound the horn",
  },
  list: {
    none: "ℹ️ No commands yet: create one with `iotdm commands create`.",
    header: "Commands",
    columns: {
      id: "Command",
      state: "State",
      created: "Created",
    },
    total_one: "{{count}} command",
    total_other: "{{count}} commands",
  },
  state: {
    ACTIVE: "active",
    DEPRECATED: "deprecated",
    PENDING_DELETION: "pending deletion",
  },
  pick: "Which command?",
  idRequired: "give a command id",
  notFound: "❌ There is no command {{id}}. `iotdm commands list` shows the ones that exist.",
  describe: {
    title: "📋 Command {{id}}",
    displayName: "   Name: {{value}}",
    descriptionLine: "   Description: {{value}}",
    namespace: "   Namespace: {{value}}",
    stateLine: "   State: {{value}}",
    created: "   Created: {{value}}",
    updated: "   Last updated: {{value}}",
    contentType: "   Content type: {{value}}",
    payload: "   Payload:",
    noPayload: "   This command has no payload.",
  },
  delete: {
    confirm: "Delete command {{id}}? This cannot be undone. Type DELETE to confirm:",
    kept: "Command {{id}} was kept.",
    deleted: "✅ Command {{id}} deleted.",
    pending:
      "✅ Command {{id}} is now pending deletion: AWS removes it after its 12-hour timeout. It can no longer be\n" +
      "   executed. (A command deprecated for 12 hours or more is deleted at once.)",
  },
  execute: {
    targetKind: "Run it on:",
    oneThing: "One device (thing)",
    aGroup: "Every device of a thing group",
    thingPrompt: "Device (thing name):",
    groupPrompt: "Thing group name:",
    thingRequired: "give a thing name",
    groupRequired: "give a thing group name",
    bothTargets: "give either --thing or --thing-group, not both",
    timeoutPrompt: "Seconds the device has to answer (1-{{max}}, Enter for {{default}}):",
    badTimeout: "give a whole number of seconds from 1 to {{max}} (got {{value}})",
    notRunnable:
      "❌ Command {{id}} is {{state}}: it cannot be executed. Make it available again, or create another.",
    emptyGroup: "❌ Thing group {{group}} has no devices: nothing to execute.",
    noGroup: "❌ There is no thing group {{group}}.",
    noThing: "There is no thing {{thing}}.",
    starting_one: "Starting {{id}} on {{count}} device...",
    starting_other: "Starting {{id}} on {{count}} devices...",
    started: "✅ {{thing}}: execution {{executionId}} (CREATED)",
    topic: "   📡 Published to {{topic}}",
    failed: "❌ {{thing}}: {{error}}",
    summary: "Started {{started}} of {{total}} executions.",
    noDevice_one:
      "⚠️ {{count}} target device ({{thing}}) is not connected right now: commands are not queued, so it will not receive this one.",
    noDevice_other:
      "⚠️ {{count}} target devices ({{thing}}, ...) are not connected right now: commands are not queued, so they will not receive it.",
    waitPrompt: "Follow the status until it is final?",
    simulatePrompt_one:
      "Start {{count}} simulated car for it now? It connects with its own certificate and answers the command while this runs.",
    simulatePrompt_other:
      "Start {{count}} simulated cars for them now? They connect with their own certificates and answer the command while this runs.",
    simulating_one: "🚗 Starting {{count}} simulated car for the device that is not connected...",
    simulating_other: "🚗 Starting {{count}} simulated cars for the devices that are not connected...",
    respondHint:
      "A device answers on {{topic}}\n" +
      '   with {"status": "IN_PROGRESS"}, then {"status": "SUCCEEDED"} (or FAILED, REJECTED, with a statusReason).',
    followHint: "Follow it with `iotdm commands status --execution-id {{executionId}} --thing {{thing}}`.",
    waiting_one: "⏳ Waiting for {{count}} execution to finish (up to {{seconds}} s)...",
    waiting_other: "⏳ Waiting for {{count}} executions to finish (up to {{seconds}} s)...",
    change: "   {{thing}}: {{status}}",
    stillOpen: "⏱️ Stopped waiting: {{thing}} is still {{status}}.",
  },
  status: {
    executionPrompt: "Execution id:",
    executionRequired: "give an execution id",
    thingPrompt: "Device (thing name) the command ran on:",
    notFound:
      "❌ No execution {{executionId}} on {{thing}}: check the id and the device (an execution belongs to one device).",
    title: "📋 Execution {{executionId}}",
    command: "   Command: {{value}}",
    target: "   Device: {{value}}",
    statusLine: "   Status: {{value}}",
    inProgress: "   ⏳ The device is working on it...",
    reason: "   Reason: {{code}}{{description}}",
    result: "   Result {{name}}: {{value}}",
    created: "   Created: {{value}}",
    updated: "   Last updated: {{value}}",
    started: "   Started: {{value}}",
    completed: "   Completed: {{value}}",
    duration: "   Took: {{value}}",
    seconds: "{{value}} s",
    minutes: "{{value}} min",
    hours: "{{value}} h",
  },
  executionStatus: {
    CREATED: "created",
    IN_PROGRESS: "in progress",
    SUCCEEDED: "succeeded",
    FAILED: "failed",
    REJECTED: "rejected",
    TIMED_OUT: "timed out",
  },
  history: {
    badStatus: "{{value}} is not one of {{values}}",
    badTime: "{{value}} is not a date and time (use e.g. 2026-01-31T08:00, read as UTC)",
    badRange: "--since is after --until: no execution can be in between",
    statusPrompt: "Only executions with status (Enter for any):",
    sincePrompt: "Started at or after (e.g. 2026-01-31T08:00, Enter for the last 30 days):",
    untilPrompt: "Started at or before (Enter for now):",
    none: "ℹ️ No executions on {{thing}} in this window.",
    title: "📜 Executions on {{thing}} ({{from}} → {{to}}{{status}})",
    beginning: "30 days ago",
    now: "now",
    columns: {
      command: "Command",
      status: "Status",
      created: "Created",
      completed: "Completed",
      execution: "Execution",
    },
    notYet: "—",
    total_one: "{{count}} execution",
    total_other: "{{count}} executions",
  },
  learn: {
    whatAreCommands: {
      title: "What are commands?",
      body:
        "A command is a remote action you define once (lock the doors, start the engine) and run on a device whenever\n" +
        "you need it. AWS IoT publishes the command to the device over MQTT at once, and the device answers with a\n" +
        "status. Unlike a job, a command is meant for one device that is online now, and it expires quickly.",
    },
    staticPayloads: {
      title: "Static and dynamic payloads",
      body:
        'The commands created here carry a static payload: the same JSON bytes each time, e.g. {"action": "lock"}.\n' +
        "Dynamic payloads take parameters at execution time (a temperature, a duration); in AWS IoT they are offered\n" +
        "through payload templates and, for AWS IoT FleetWise, mandatory parameters.",
    },
    compare: {
      title: "Commands, device shadows and jobs",
      body:
        "Shadow: the state a device should have, kept even while it is offline, applied when it reconnects.\n" +
        "Job: a long piece of work (a firmware update) for many devices, queued until each device takes it.\n" +
        "Command: an immediate action for a connected device, answered within seconds, never queued.",
    },
    topics: {
      title: "The MQTT topics of a command",
      body:
        "The device subscribes to $aws/commands/things/<thing>/executions/+/request/json and receives the payload there.\n" +
        "It answers on .../executions/<id>/response/json with its status, and AWS IoT confirms on\n" +
        ".../response/accepted/json or explains a refusal on .../response/rejected/json.",
    },
    lifecycle: {
      title: "An execution's life",
      body:
        "CREATED when started; IN_PROGRESS when the device says it is working; then SUCCEEDED, FAILED or REJECTED\n" +
        "as the device reports. If no final answer comes within the timeout, AWS IoT marks it TIMED_OUT; a device\n" +
        "that answers late can still record its final status.",
    },
    timedOut: {
      title: "Nobody answered",
      body:
        "The execution timed out: no device told AWS IoT it had finished. Commands go only to devices connected and\n" +
        "subscribed at the moment they are started; they are not kept for later. Connect a device for {{thing}}\n" +
        "that listens on its request topic and answers, then execute the command again.",
    },
    bestPractices: {
      title: "Good habits with commands",
      body:
        "Use short timeouts for actions a driver waits for; have the device report IN_PROGRESS quickly and a clear\n" +
        "statusReason when it fails or refuses; deprecate a command before deleting it, so that nobody starts it\n" +
        "while it goes away; use jobs, not commands, for work that must reach devices that are offline.",
    },
    console: {
      title: "See it in the console",
      body:
        "In the AWS IoT console, Remote actions → Commands lists your commands and each one's executions, with the\n" +
        "status and the reason a device gave. Compare them with what iotdm shows.",
    },
  },
};
