export default {
  create: {
    description: "Create an OTA firmware job (a package version) or a custom job for thing groups",
    title: "🚀 iotdm create-job: send work to a fleet",
    opt: {
      jobType: "ota (a package version from the catalog) or custom (your own document)",
      thingGroups: "thing groups to target, by name or by number as listed, comma-separated",
      package: "OTA: the package to deploy",
      packageVersion: "OTA: the version to deploy (published or deprecated)",
      jobId: "the job's id (letters, digits, '_' and '-', up to 64)",
      description: "the job's description",
      document: "custom: the job document, as JSON",
      documentFile: "custom: a file holding the job document",
      operation: "custom: the operation named by the template document",
      advanced: "ask the advanced settings (rollout, abort, timeout, retries)",
      targetSelection: "continuous (devices that join a group later get the job too) or snapshot",
      maxPerMinute: "rollout: at most this many devices notified per minute (1-1000)",
      exponentialBase: "exponential rollout: devices notified per minute at first (1-1000)",
      exponentialFactor: "exponential rollout: how much the rate grows each step (1.1-5)",
      exponentialNotified: "exponential rollout: grow after this many devices were notified",
      exponentialSucceeded: "exponential rollout: grow after this many devices succeeded",
      abortFailureType: "abort: which outcome counts as failure (FAILED, REJECTED, TIMED_OUT, ALL)",
      abortThresholdPercent: "abort: cancel the job when this percent of devices failed (0-100)",
      abortMinExecuted: "abort: only judge after this many devices finished",
      timeoutMinutes: "time a device has, once started, before its execution times out (1-10080)",
      retries: "retries per device after a failure (0-10)",
      retryFailureType: "retries: which outcome is retried (FAILED, TIMED_OUT, ALL)",
    },
    badChoice: "{{value}} is not one of {{values}}",
    range: {
      maxPerMinute: "give a whole number from 1 to 1000 (got {{value}})",
      baseRatePerMinute: "give a whole number from 1 to 1000 (got {{value}})",
      incrementFactor: "give a number from 1.1 to 5 (got {{value}})",
      notifiedThings: "give a whole number of 1 or more (got {{value}})",
      succeededThings: "give a whole number of 1 or more (got {{value}})",
      thresholdPercent: "give a percentage from 0 to 100 (got {{value}})",
      minExecuted: "give a whole number of 1 or more (got {{value}})",
      timeoutMinutes: "give a whole number of minutes from 1 to 10080 (got {{value}})",
      retries: "give a whole number from 0 to 10 (got {{value}})",
    },
    type: {
      prompt: "What kind of job?",
      ota: "OTA firmware update (a package version from the Software Package Catalog)",
      custom: "Custom job (your own JSON document)",
    },
    groups: {
      available: "🎯 Thing groups ({{count}}):",
      prompt: "Thing groups, by number or name, comma-separated (e.g. 1,3 or US_Fleet):",
      unknown: "no such group: {{items}} (give names, or numbers from 1 to {{count}})",
      none: "give at least one thing group",
    },
    package: {
      prompt: "Package to deploy:",
      unknown: "no package {{name}}: choose one of {{names}}",
    },
    version: {
      line: "   • {{version}} - {{status}} (created {{created}})",
      prompt: "Version to deploy:",
      unknown: "package {{package}} has no version {{version}} (versions: {{versions}})",
      notDeployable:
        "version {{version}} is {{status}}: only published or deprecated versions can be deployed; publish it first",
    },
    document: {
      prompt: "Job document as JSON (or Enter for a template):",
      operation: "Operation named by the template:",
      notJson: "this is not valid JSON",
      notObject: "a job document is a JSON object ({...})",
      tooLong: "a job document has at most 32,768 characters",
      unreadable: "cannot read the document file {{path}}: {{message}}",
    },
    badJobId: "{{id}} is not a valid job id: use 1-64 letters, digits, '_' or '-'",
    jobIdPrompt: "Job id:",
    descriptionTooLong: "a description has at most 2,028 characters",
    descriptionPrompt: "Description:",
    advanced: {
      prompt: "Configure advanced settings (target selection, rollout, abort, timeout, retries)?",
      targetSelection: "Target selection:",
      continuous: "CONTINUOUS: devices that join the groups later get the job too",
      snapshot: "SNAPSHOT: only the devices in the groups now; the job completes when they are done",
      maxPerMinute: "Rollout: most devices notified per minute (1-1000, empty for no limit):",
      exponentialBase: "Exponential rollout: devices per minute at first (1-1000, empty for none):",
      exponentialFactor: "Exponential rollout: growth factor (1.1-5):",
      exponentialNotified: "Exponential rollout: grow after this many notified devices (empty to skip):",
      exponentialSucceeded: "Exponential rollout: grow after this many succeeded devices (empty to skip):",
      abortThreshold: "Abort: cancel at this percent of failures (0-100, empty for no abort):",
      abortMinExecuted: "Abort: judge after this many finished devices:",
      abortFailureType: "Abort: which outcome counts as a failure?",
      timeoutMinutes: "Timeout: minutes a started device has (1-10080, empty for none):",
      retries: "Retries per device (0-10, empty for none):",
      retryFailureType: "Retry which outcome?",
    },
    noGroups: "There are no thing groups to target: create a fleet first with {{command}}",
    noPackages: "There are no packages to deploy: create them first with {{command}}",
    found: "📊 Found {{groups}} thing groups and {{packages}} packages",
    plan: {
      title: "🎯 The job",
      summary:
        "   Job id: {{jobId}}\n   Type: {{kind}}\n   Thing groups: {{groups}}\n   Description: {{description}}",
      package: "   Package: {{package}} version {{version}}",
      document: "📋 Job document (what each device receives; placeholders are resolved for it):",
      config: "⚙️ Configuration:",
    },
    done: "🎉 Job {{jobId}} created ({{arn}})",
    next: "Next: play the devices with {{command}}",
  },
  explore: {
    description:
      "Explore jobs: list them, look at a job, its document and executions, cancel, delete, statistics",
    title: "🔍 iotdm explore-jobs: what your jobs are doing",
    opt: {
      action: "what to show or do: {{actions}} (a menu asks when omitted)",
      jobId: "the job",
      thingName: "execution: the thing whose execution to show",
      executionNumber: "execution: which execution of that thing (after retries; default the latest)",
      status: "executions: only those with this status",
      force: "cancel: also cancel executions already in progress; delete: delete a job still running",
      reasonCode: "cancel: a reason code stored with the job",
      comment: "cancel: a comment stored with the job",
    },
    badAction: "unknown action {{value}}: use one of {{values}}",
    badStatus: "{{value}} is not an execution status: use one of {{values}}",
    badNumber: "give an execution number of 1 or more (got {{value}})",
    menu: {
      prompt: "What would you like to see?",
      list: "List all jobs",
      describe: "A job: settings, document and progress",
      execution: "One device's execution of a job",
      executions: "Every execution of a job",
      cancel: "Cancel a job",
      delete: "Delete a job",
      stats: "A job's statistics and health",
    },
    list: {
      none: "There are no jobs yet.",
      found_one: "📋 {{count}} job:",
      found_other: "📋 {{count}} jobs:",
    },
    column: {
      jobId: "Job ID",
      status: "Status",
      selection: "Target selection",
      created: "Created",
      completed: "Completed",
      thing: "Thing",
      number: "Execution #",
      queued: "Queued",
      updated: "Last updated",
    },
    jobPrompt: "Which job?",
    jobIdRequired: "a job id is required",
    thingPrompt: "Thing name:",
    thingRequired: "a thing name is required",
    job:
      "📋 Job {{jobId}}\n   Status: {{status}}\n   Description: {{description}}\n   Target selection: {{selection}}\n" +
      "   Created: {{created}}\n   Completed: {{completed}}\n   Targets: {{targets}}",
    canceled: "   Canceled: reason {{reason}}, comment {{comment}}",
    document: "📄 Job document:",
    noDocument: "   (the job document could not be read)",
    executions: "📊 Executions:",
    noExecutions: "   No executions yet: no device has been given this job.",
    count: "   {{status}}: {{count}} ({{percent}}%)",
    execution:
      "📱 {{thing}} in job {{jobId}}\n   Status: {{status}}\n   Execution #: {{number}} (version {{version}})\n" +
      "   Queued: {{queued}}\n   Started: {{started}}\n   Last updated: {{updated}}",
    executionsNone: "No executions for job {{jobId}}.",
    executionsFound_one: "📋 {{count}} execution:",
    executionsFound_other: "📋 {{count}} executions:",
    stats: {
      title: "📊 Statistics of {{jobId}}",
      summary:
        "   Status: {{status}}\n   Executions: {{total}}\n   ✅ Succeeded: {{succeeded}} ({{successRate}}%)\n" +
        "   ❌ Failed: {{failed}} ({{failureRate}}%)\n   🔄 Pending: {{pending}}",
    },
    health: {
      none: "🏥 Health: no executions yet, nothing to grade",
      excellent: "🏥 Health: excellent (95% or more succeeded)",
      good: "🏥 Health: good (80% or more succeeded): look at the failures",
      poor: "🏥 Health: poor (50% to 80% succeeded): many devices fail",
      critical: "🏥 Health: critical (under 50% succeeded): most devices fail",
    },
    advice: {
      noExecutions:
        "💡 No device has this job: check that the target groups have members and the devices exist.",
      canceledEarly:
        "💡 The job was canceled before any device finished: its reason is in the job's details.",
      devicesRemoved:
        "💡 Devices left the job's groups (or were deleted) before finishing: check they still exist.",
      stillRunning: "💡 Devices are still working on it: come back later, or play them with simulate-jobs.",
      highFailure: "💡 More than 20% failed: look at a failed execution's details to see why.",
      moderateFailure: "💡 More than 10% failed: investigate the failures and keep watching.",
      excellent: "💡 Very few failures: this version rolls out well.",
      good: "💡 Mostly successful: check whether the failures share a cause.",
      mixed: "💡 Mixed results: look at the executions by status.",
      considerCancel: "💡 Devices are still pending: canceling now stops the rollout from reaching them.",
    },
    cancelConfirm: "Type {{token}} to cancel job {{jobId}}:",
    canceledDone: "✅ Job {{jobId}} is {{status}}",
    deleteWarning:
      "⚠️ Deleting job {{jobId}} removes it and the history of its {{executions}} executions for good.",
    deleteConfirm: "Type {{token}} to delete job {{jobId}}:",
    deletedDone: "✅ Job {{jobId}} deleted",
    kept: "Nothing changed: job {{jobId}} is as it was.",
    more: "Explore something else?",
  },
  simulate: {
    description:
      "Play the devices of a job: each reads its job, downloads the firmware and reports the outcome",
    title: "🤖 iotdm simulate-jobs: be the fleet",
    opt: {
      jobId: "the job whose devices to play (default: pick one in progress)",
      count: "how many pending executions to run, or all (default all)",
      successRate: "percent of the devices that succeed, 0-100 (default 100)",
      random: "draw each device's outcome at random instead of exactly the rate's share",
      verbose: "one line per device step",
    },
    noActive: "No job is in progress: create one with {{command}}",
    jobPrompt: "Which job?",
    noPending: "Job {{jobId}} has no pending executions: every device has already reported.",
    pending_one: "📊 {{count}} pending execution in job {{jobId}}",
    pending_other: "📊 {{count}} pending executions in job {{jobId}}",
    countPrompt: "How many of the {{count}} executions to run (a number, or all)?",
    badCount: "give a number of 0 or more, or all (got {{value}})",
    ratePrompt: "Success rate in percent (0-100):",
    badRate: "give a percentage from 0 to 100 (got {{value}})",
    plan: "🎯 {{total}} devices: {{succeed}} will succeed, {{fail}} will fail ({{rate}}%)",
    planRandom: "🎯 {{total}} devices, each succeeding with a {{rate}}% chance",
    confirm: "Start the devices?",
    summary:
      "🎉 {{processed}} devices in {{seconds}} s ({{rate}}/s): {{succeeded}} succeeded, {{failed}} failed, " +
      "{{errors}} could not report; {{downloads}} firmware downloads, {{bytes}} bytes",
    failureLine: "   • {{thing}}: {{reason}} {{error}}",
    next: "Next: see how the job went with {{command}}",
    progress: "📱 Devices",
    downloaded: "   📦 {{thing}}: firmware downloaded ({{bytes}} bytes)",
    downloadFailed: "   ⚠️ {{thing}}: the firmware download failed (HTTP {{status}}, {{bytes}} bytes)",
    reported: "   {{thing}}: reported {{status}}",
  },
  tour: {
    stop: "🚀 Stop: firmware {{package}} {{version}} over the air to {{group}}",
    created: "   Job {{jobId}}: one execution for each of the {{devices}} devices in the group",
    stats: "   The job is {{status}}: {{succeeded}} devices updated, {{failed}} failed ({{seconds}} s)",
    indexed: "   🔍 The fleet index now finds {{count}} devices reporting {{package}} {{version}}",
  },
  learn: {
    tour: {
      title: "Over the air, for real",
      body:
        "Now the fleet gets new firmware: a SNAPSHOT job sends version {{version}} to the dynamic group {{group}}.\n" +
        "iotdm then plays its vehicles: each downloads the file through its presigned URL and reports the outcome, and\n" +
        "a few fail on purpose. Every success is written into the device's $package shadow, so the fleet index can\n" +
        'answer "which cars run {{version}}?" right after.',
    },
    simulateDiscovery: {
      title: "Playing the devices",
      body:
        "A real device learns about a job from AWS IoT, asks for its execution, does the work and reports back. Here\n" +
        "iotdm plays every device of one job at once, through the same device API (the jobs data plane) a vehicle uses,\n" +
        "so the job's progress, statistics and the devices' shadows change exactly as they would in a real rollout.",
    },
    simulateExecutions: {
      title: "What is pending",
      body:
        "Each device of job {{jobId}} has an execution. QUEUED ones have not started; IN_PROGRESS ones have started\n" +
        "and not finished. Finished ones (SUCCEEDED, FAILED...) are left alone: a device reports each execution once.",
    },
    simulation: {
      title: "An over-the-air update, {{count}} times",
      body:
        "Each device reads its execution with the job document, in which AWS IoT has put a presigned URL for its\n" +
        "firmware. It reports IN_PROGRESS, downloads the file with plain HTTP (no AWS credentials: the URL is the\n" +
        "permission, and it expires), checks every byte arrived, then reports SUCCEEDED, or FAILED ({{rate}}% succeed).",
    },
    cancel: {
      title: "Canceling a job",
      body:
        "Canceling stops a rollout: devices that have not started (QUEUED) will not, and the job ends as CANCELED.\n" +
        "Devices already working (IN_PROGRESS) may finish, unless the cancel is forced, which cancels them too; a\n" +
        "device in the middle of flashing firmware is the reason not to force by default. The job and its history stay.",
    },
    delete: {
      title: "Deleting a job",
      body:
        "Deleting removes the job and every execution's history; its id can be used again once the deletion is done.\n" +
        "A finished or canceled job deletes as it is; one still running needs force, which also ends its executions.\n" +
        "Cancel when you want to stop and keep the record; delete when the record is no longer needed.",
    },
    discovery: {
      title: "What a job can reach",
      body:
        "A job is sent to targets: single things, or thing groups, which stand for all their members (and the\n" +
        "members of their subgroups). Dynamic groups work too: their members are whoever matches their query at the\n" +
        "time. So before a job there is a fleet: the groups provision created, and the packages it published.",
    },
    jobType: {
      title: "Two kinds of work",
      body:
        "An OTA job points at a version in the Software Package Catalog. Its document names the version's attributes\n" +
        "and its firmware file through placeholders; AWS IoT fills them in for each device, the file as a short-lived\n" +
        "presigned URL. A custom job carries any JSON document you write: reboot, rotate a certificate, collect logs.",
    },
    targets: {
      title: "Who gets the job, and when",
      body:
        "A SNAPSHOT job is for the devices in the groups right now, and completes once each has finished. A\n" +
        "CONTINUOUS job also reaches devices that join a group later, so it keeps running. Rollout settings pace how\n" +
        "fast devices are told; abort settings cancel the job when too many fail; a timeout ends a stuck device's run.",
    },
    creation: {
      title: "From a job to executions",
      body:
        "Creating the job turns {{groups}} groups into one job execution per device, each QUEUED. A device reads its\n" +
        "execution, moves it to IN_PROGRESS, does the work and reports SUCCEEDED or FAILED. The job counts every\n" +
        "outcome, and with package configuration on, a success also records the new version in the device's $package\n" +
        "shadow, which the fleet index (and dynamic groups) follow.",
    },
  },
};
