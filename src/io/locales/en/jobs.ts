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
  simulate: {
    progress: "📱 Devices",
    downloaded: "   📦 {{thing}}: firmware downloaded ({{bytes}} bytes)",
    downloadFailed: "   ⚠️ {{thing}}: the firmware download failed (HTTP {{status}}, {{bytes}} bytes)",
    reported: "   {{thing}}: reported {{status}}",
  },
  learn: {
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
