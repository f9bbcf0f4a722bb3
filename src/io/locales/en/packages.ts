export default {
  description:
    "Manage the Software Package Catalog: packages and versions, package configuration, the versions devices report, fleet rollback",
  title: "📦 iotdm packages: firmware catalog and fleet versions",
  opt: {
    action: "what to do: {{actions}} (without one, a menu)",
    mode: "config only: show, enable or disable",
    package: "the package",
    packageVersion: "the package version",
    description: "create, create-version: a description",
    tags: "create: tags of the package, as key=value,key=value",
    file: "create-version: the file to upload as the artifact (default: a generated firmware archive)",
    attributes: "create-version: attributes of the version, as key=value,key=value",
    draft: "create-version: leave the version a draft instead of publishing it",
    thing: "device-version: the thing whose $package shadow to show",
    thingType: "revert: the thing type whose devices to roll back",
    viaJob: "revert: create an OTA job the devices install, instead of rewriting their $package shadows",
  },
  badAction: "unknown action {{value}}: use one of {{values}}",
  menu: {
    prompt: "What would you like to do?",
    more: "Do something else with packages?",
    list: "List packages",
    describe: "Describe a package and its versions",
    describeVersion: "Describe a package version",
    create: "Create a package",
    createVersion: "Create a package version (upload an artifact)",
    publish: "Publish a version",
    deprecate: "Deprecate a version",
    setDefault: "Make a version the package default",
    deleteVersion: "Delete a version",
    delete: "Delete a package",
    config: "Package configuration (version updates by jobs)",
    deviceVersion: "Show what versions one device reports",
    revert: "Roll a fleet back to a version",
  },
  column: {
    package: "Package",
    default: "Default",
    version: "Version",
    status: "Status",
    created: "Created",
    modified: "Modified",
  },
  input: {
    packagePrompt: "Which package?",
    versionPrompt: "Which version?",
    newPackagePrompt: "Name of the new package:",
    newVersionPrompt: "Name of the new version (for example 2.0.0):",
    descriptionPrompt: "Description (empty: none):",
    tagsPrompt: "Tags as key=value,key=value (empty: only the workshop's):",
    filePrompt: "File to upload as the artifact (empty: a generated firmware archive):",
    attributesPrompt: "Attributes as key=value,key=value (empty: none):",
    thingPrompt: "Which thing?",
    thingRequired: "give a thing name",
    thingTypePrompt: "Which thing type?",
    thingTypeRequired: "give a thing type",
    badPackage: "{{value}} is not a package name: 1 to {{max}} letters, digits, '-', '_' or '.'",
    badVersion: "{{value}} is not a version name: 1 to {{max}} letters, digits, '-', '_' or '.'",
    badPairs: "{{value}} is not key=value (or the key was given twice)",
    tooLong: "at most 1024 characters",
  },
  list: {
    none: "No packages yet.",
    noneToPick: "There is no package to pick. Create one first: {{command}}",
    found_one: "📋 {{count}} package:",
    found_other: "📋 {{count}} packages:",
  },
  describe: {
    title: "📦 Package {{name}}",
    summary:
      "  ARN:          {{arn}}\n  Description:  {{description}}\n  Default:      {{default}}\n  Created:      {{created}}\n  Modified:     {{modified}}",
    versions_one: "  {{count}} version (* the default):",
    versions_other: "  {{count}} versions (* the default):",
    noVersions: "This package has no versions.",
  },
  version: {
    title: "📦 {{name}} version {{version}}",
    summary:
      "  ARN:          {{arn}}\n  Status:       {{status}}\n  Description:  {{description}}\n  Artifact:     {{artifact}}\n  Created:      {{created}}\n  Modified:     {{modified}}",
    attributes_one: "  {{count}} attribute:",
    attributes_other: "  {{count}} attributes:",
    sbom: "  SBOM:         {{location}} (validation: {{status}})",
    noSbom: "  SBOM:         none",
    recipe: "  Recipe:       {{recipe}}",
    error: "  Error:        {{reason}}",
  },
  create: {
    created: "✅ Created package {{name}} (tagged for cleanup)",
    existing: "ℹ️ Package {{name}} already exists: left as it is",
  },
  createVersion: {
    bucket: "✅ Created the firmware bucket {{bucket}} (versioned, tagged for cleanup)",
    uploaded: "✅ Uploaded {{location}}: S3 object version {{s3Version}}, {{bytes}} bytes",
    created: "✅ {{name}} version {{version}} is registered: {{status}}",
    existing: "ℹ️ {{name}} version {{version}} already exists ({{status}}): left as it is, nothing uploaded",
  },
  lifecycle: {
    deleteConfirm: "Type {{token}} to delete {{what}}:",
    kept: "Nothing changed: {{what}} is as it was.",
    done: {
      publish: "✅ {{name}} {{version}} is published",
      deprecate: "✅ {{name}} {{version}} is deprecated",
      setDefault: "✅ {{version}} is now the default version of {{name}}",
      deleteVersion: "✅ Deleted {{name}} {{version}}",
      delete: "✅ Deleted package {{name}}",
    },
    hint: {
      delete:
        "A package can only be deleted once it has no versions left: delete them first (delete-version).",
      deleteVersion:
        "The default version of a package cannot be deleted: make another version the default first (set-default).",
      setDefault: "Only a published or deprecated version can be the default: publish it first.",
      deprecate: "Only a published version can be deprecated: a draft is published or deleted.",
    },
  },
  config: {
    prompt: "Package configuration:",
    badMode: "unknown mode {{value}}: use one of {{values}}",
    mode: {
      show: "Show it",
      enable: "Enable version updates by jobs",
      disable: "Disable version updates by jobs",
    },
    on: "✅ Version updates by jobs: enabled, with role {{role}}",
    off: "⚠️ Version updates by jobs: disabled (stored role: {{role}})",
  },
  device: {
    title: "📱 {{thing}}: $package shadow (version {{version}}, read {{read}})",
    line: "  • {{package}} {{version}} (reported {{reported}})",
    lineUndated: "  • {{package}} {{version}}",
    empty: "The shadow reports no packages.",
    none: "{{thing}} has no $package shadow: it reports no software versions.",
  },
  revert: {
    progress: "Rewriting $package shadows",
    noThingTypes: "There are no thing types, so no fleet to roll back. Provision one first: {{command}}",
    howPrompt: "How should the fleet be rolled back?",
    how: {
      shadow: "Rewrite the inventory ($package shadows): immediate, the devices keep their firmware",
      job: "Create an OTA job of that version: the devices install it",
    },
    notDeployable:
      "Version {{version}} is {{status}}: a job can only deploy a published or deprecated version.",
    finding: "🔎 Finding {{thingType}} devices whose {{package}} version is not {{version}} (fleet index)",
    nothing: "✅ Every {{thingType}} device already reports {{package}} {{version}}: nothing to roll back.",
    preview_one: "{{count}} device reports another version than {{version}}:",
    preview_other: "{{count}} devices report another version than {{version}}:",
    more_one: "   … and {{count}} more",
    more_other: "   … and {{count}} more",
    confirm: "Type {{token}} to set {{version}} in the $package shadow of {{count}} devices:",
    confirmJob: "Type {{token}} to create an OTA job of {{version}} for {{count}} devices:",
    kept: "Nothing changed: no shadow was rewritten and no job was created.",
    done: "✅ {{updated}} of {{total}} $package shadows now report the version ({{seconds}} s, {{rate}} devices/s)",
    failedLine: "  ❌ {{thing}}: {{error}}",
    inventoryOnly:
      "⚠️ Only the inventory changed: the devices still run what they ran. For a real rollback: {{command}}",
    configOff:
      "⚠️ Version updates by jobs are disabled: the devices will install the version, but their $package shadows will not follow. Enable them: {{command}}",
    jobCreated: "✅ Created job {{jobId}} for {{count}} devices (thing group {{group}})",
    simulate: "Play the devices: {{command}}",
  },
  tour: {
    before: "📱 Before the update, {{thing}} reports {{package}} {{version}} in its $package shadow.",
    after: "📱 After the update, {{thing}} reports {{package}} {{version}}.",
    rollback: "⏪ Last stop: rolling the tour's {{package}} devices back to {{version}}",
    nothing: "Every tour device already reports {{version}}: nothing to roll back.",
    job: "Created job {{jobId}} for the {{count}} devices on another version; the devices now install it.",
    done: "✅ {{succeeded}} devices installed {{version}} again; {{remaining}} still report another version.",
  },
  learn: {
    tourRollback: {
      title: "A rollback that reaches the cars",
      body:
        "Suppose the new firmware misbehaves. The fleet index finds the tour's cars that report a version other than\n" +
        "{{version}}; a job of {{version}} goes to exactly those cars, they install it, and each success rewrites its\n" +
        "$package shadow. `iotdm packages revert --via-job` does the same for any fleet; without --via-job it only\n" +
        "corrects the records, which is quicker but leaves the cars as they are.",
    },
    catalog: {
      title: "Packages: one name for a line of software",
      body:
        "A package in the Software Package Catalog names a piece of software a device runs, such as the firmware\n" +
        "of one vehicle model. It holds versions; one of them can be marked the default. Tags on the package let\n" +
        "you find it later, and let `iotdm cleanup` recognise what the workshop made.",
    },
    versions: {
      title: "Versions point at exact bytes",
      body:
        "A version names its artifact by bucket, key and S3 object version: uploading a new file under the same key\n" +
        "makes a new object version and leaves the old one alone, so a version always means the same bytes.\n" +
        "A new version starts as a draft, which no job may deploy; publishing it makes it deployable. Attributes\n" +
        "(up to 3 KB) travel with it into job documents and the device's $package shadow.",
    },
    lifecycle: {
      title: "Draft, published, deprecated",
      body:
        "A draft can be changed or published. A published version can be deprecated, which tells people to move\n" +
        "off it without breaking anything; a deprecated one can be published again. AWS guards two things: the\n" +
        "package's default version cannot be deleted, and a package cannot be deleted while it has versions.",
    },
    configuration: {
      title: "Who writes the inventory",
      body:
        "With version updates by jobs enabled, every job execution that succeeds while installing a package\n" +
        "version also writes that version into the device's $package shadow. AWS IoT does it through an IAM role\n" +
        "allowed to read and update that one shadow; disabling keeps the role on record for later.",
    },
    deviceVersion: {
      title: "The $package shadow is the inventory",
      body:
        "Each device keeps a reserved named shadow, $package, with one entry per package: the version and its\n" +
        "attributes. Jobs update it (with package configuration on), devices may report it themselves, and the\n" +
        "fleet index makes it searchable across the fleet. The shadow's metadata says when each value was reported.",
    },
    revert: {
      title: "Rolling back to {{version}}",
      body:
        "The fleet index finds every device of the type whose $package shadow names another version. Rewriting\n" +
        "those shadows is instant but only changes what the inventory says: the cars keep the firmware they run.\n" +
        "A real rollback is a job: the devices download {{version}}, install it, report success, and the\n" +
        "inventory follows by itself. Use the rewrite to correct records, the job to change devices.",
    },
  },
};
