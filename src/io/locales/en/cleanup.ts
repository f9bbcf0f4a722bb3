export default {
  description: "Delete what the workshop created (and nothing else): the last step",
  opt: {
    scope: "what to clean up: all, things or groups",
    thingsPrefix: "name prefix of the workshop things (default Vehicle-VIN-), as given to provision",
    dryRun: "show what would be deleted and how each resource was recognised; change nothing",
  },
  title: "🧹 iotdm cleanup: removing the workshop from your account",
  goal:
    "📚 LEARNING GOAL: leave no cost behind, and touch nothing that is not yours.\n" +
    "   Cleanup recognises workshop resources in three ways: the workshop tag on resources that\n" +
    "   can carry tags, the exact names iotdm gives, and belonging to something already recognised\n" +
    "   (shadows and certificates of a workshop thing, versions of a workshop package).\n" +
    "   Dependencies decide the order: shadows and certificates before things, object versions\n" +
    "   before buckets, and thing types last, because AWS deletes a thing type only 5 minutes\n" +
    "   after it was deprecated.",
  scopePrompt: "What should be cleaned up?",
  scope: {
    all: "Everything the workshop created (things, groups, types, packages, bucket, roles, settings)",
    things: "AWS IoT things only (with their shadows and certificates)",
    groups: "AWS IoT thing groups only (the things stay)",
  },
  badScope: "{{scope}} is not a scope: use one of {{scopes}}",
  confirm: {
    warning:
      "⚠️  This permanently deletes: {{what}}\n" +
      "   in account {{account}}, region {{region}} (things named {{prefix}}###; resources that are not the workshop's stay).",
    prompt: "Type {{token}} to go ahead:",
  },
  dryRunBanner: "🔎 DRY RUN: nothing will be changed; every line says what would happen and why.",
  scan: {
    found: "{{family}}: {{count}} found",
  },
  how: {
    tag: "tag {{evidence}}",
    naming: "name matches {{evidence}}",
    association: "association: {{detail}}",
  },
  association: {
    shadowOfThing: "belongs to workshop thing {{evidence}}",
    certificateOfThings: "attached only to workshop things: {{evidence}}",
    versionOfPackage: "belongs to workshop package {{evidence}}",
    objectInBucket: "stored in workshop bucket {{evidence}}",
    policyOfRole: "inline policies of workshop role {{evidence}}",
    jobTargets: "every target is a workshop thing or group: {{evidence}}",
    executionOfCommand: "an execution of workshop command {{evidence}}",
    settingRole: "set up with the workshop role {{evidence}}",
    settingWorkshopFound: "turned on by the workshop, whose resources were found here",
  },
  skip: {
    noMatch: "the name does not match {{evidence}}",
    noTagNoMatch: "no workshop tag, and the name does not match {{evidence}}",
    noTag: "no workshop tag ({{evidence}})",
    noTagNoTargets: "no workshop tag, and not every target is a workshop thing or group",
    certificateShared: "still attached to {{evidence}}, which stay",
    policyInUse: "still attached to {{evidence}}",
    typeInUse: "still used by things that stay: {{evidence}}",
    dynamicGroupsRemain: "dynamic thing group {{evidence}} remains, and it needs fleet indexing",
    foreignRole: "set up with {{evidence}}, which is not the workshop's role",
    noWorkshopFound: "no workshop resource was found here, so this setting may serve something else",
    beingDeleted: "already being deleted",
  },
  line: {
    deleted: "  ✓ {{name}}: deleted ({{how}})",
    wouldDelete: "  • {{name}}: would be deleted ({{how}})",
    turnedOff: "  ✓ {{name}}: turned off ({{how}})",
    wouldTurnOff: "  • {{name}}: would be turned off ({{how}})",
    skipped: "  ✗ {{name}}: skipped, {{why}}",
    failed: "  ✗ {{name}}: could not be deleted: {{error}}",
    dependent: "      ↳ {{count}} {{family}}: {{names}} ({{how}})",
    more: "  … and {{count}} more like these (--dry-run or --debug lists every one)",
  },
  classicShadow: "classic",
  family: {
    things: "AWS IoT things",
    shadows: "Device shadows",
    certificates: "Certificates",
    policies: "AWS IoT policies",
    thingGroups: "Thing groups",
    commands: "Commands",
    commandExecutions: "Command executions",
    jobs: "Jobs",
    jobTemplates: "Job templates",
    packages: "Software packages",
    packageVersions: "Package versions",
    buckets: "Amazon S3 buckets",
    objectVersions: "S3 object versions",
    settings: "Account settings",
    roles: "IAM roles",
    rolePolicies: "IAM inline policies",
    thingTypes: "Thing types",
  },
  unavailable: "{{family}}: {{operation}} is not available on this target, so there is nothing to clean up.",
  things: {
    checking: "Checking things",
    deleting: "Deleting things",
  },
  thingTypes: {
    deprecated_one:
      "Deprecated {{count}} workshop thing type ({{names}}); it can be deleted 5 minutes later.",
    deprecated_other:
      "Deprecated {{count}} workshop thing types ({{names}}); they can be deleted 5 minutes later.",
    deleting_one: "Thing types: deleting {{count}} deprecated type as soon as the 5-minute rule allows",
    deleting_other: "Thing types: deleting {{count}} deprecated types as soon as the 5-minute rule allows",
    clockAdvanced:
      "⏩ Sandbox clock moved forward {{seconds}} s instead of waiting (AWS deletes a thing type 5 minutes after deprecation).",
    countdown: "⏳ About {{left}} left of the 5 minutes; trying again in {{seconds}} s...",
  },
  buckets: {
    none: "No bucket named {{prefix}}-... in this account.",
  },
  settings: {
    step: "Account settings (package configuration, fleet indexing, logging)",
    alreadyOff: "  – {{name}}: already off",
  },
  summary: {
    title: "Cleanup summary",
    titleDryRun: "Dry run summary (nothing was changed)",
    nothing: "Nothing was found to look at.",
    found: "Found",
    deleted: "Deleted",
    wouldDelete: "Would delete",
    skipped: "Skipped",
    failed: "Failed",
    total: "Total",
    calls: "API calls: {{calls}} (automatically retried: {{retries}})",
    clock: "Sandbox clock moved forward {{seconds}} s for the thing types.",
    waited: "Waited {{seconds}} s for AWS's thing type rule.",
    someFailed_one:
      "⚠️  {{count}} resource could not be deleted (see above). Running `{{command}}` again retries it.",
    someFailed_other:
      "⚠️  {{count}} resources could not be deleted (see above). Running `{{command}}` again retries them.",
    done: "🎉 Cleanup complete: the workshop's resources are gone.",
    doneDryRun: "🎉 Dry run complete. Run without --dry-run to delete what is listed above.",
    elapsed: "⏱️  Total time: {{seconds}} s",
  },
};
