export default {
  title: "🚀 Provisioning the workshop fleet",
  description:
    "Build the workshop fleet: IoT logging, thing types, fleet indexing, firmware bucket, software packages, IAM roles, country groups and things with shadows",
  opt: {
    thingsPrefix: "prefix of thing names (default Vehicle-VIN-; 1-20 letters, digits, - _ :)",
    thingTypes: "comma-separated thing types (default SedanVehicle,SUVVehicle,TruckVehicle)",
    versions:
      "comma-separated package versions, the first is installed on every device (default 1.0.0,1.1.0)",
    continent: "continent: 1-7 or its name (default 1, North America)",
    countries:
      "how many of the continent's first countries (default 3 in North America, 2 elsewhere), or codes such as US,CA,MX",
    count: "number of devices to create (default 100)",
  },
  prefix: {
    empty: "the things prefix cannot be empty",
    tooLong: '"{{prefix}}" is longer than 20 characters; a things prefix has 1 to 20',
    characters: '"{{prefix}}" may only contain letters, digits, hyphens, underscores and colons',
  },
  input: {
    typesEmpty: "give at least one thing type",
    typeInvalid:
      '"{{name}}" is not a usable thing type: use 1-128 letters, digits, hyphens or underscores (it also names the software package)',
    versionsEmpty: "give at least one version",
    versionInvalid: '"{{version}}" is not a version: use digits separated by dots, such as 1.0.0',
    continentInvalid: "choose a continent by number (1-7) or name, such as Europe",
    countriesRange: "pick a number between 1 and {{max}} (countries of {{continent}})",
    countriesEmpty: "give a number or country codes",
    countriesUnknown: "not in {{continent}}: {{codes}}. Available codes: {{available}}",
    countInvalid: "the device count must be a whole number of 1 or more",
    countTooLarge: "the device count is limited to {{max}}",
  },
  prompt: {
    debugWarning:
      "Debug mode prints every AWS call with its parameters and full response (ARNs, account id) and runs calls one at a time.",
    debug: "Enable debug mode?",
    thingTypes: "Thing types (comma-separated):",
    versions: "Package versions (comma-separated):",
    continent: "Continent:",
    countriesHelp:
      "Countries of {{continent}}: {{available}}\n  Enter a number (1-{{max}}) for the first countries, or country codes such as US,CA",
    countries: "Countries (1-{{max}} or codes):",
    count: "Number of devices:",
  },
  plan: {
    title: "🎯 Provisioning plan",
    thingTypes: "  Thing types: {{types}}",
    versions: "  Package versions: {{versions}} (devices start on {{first}})",
    continent: "  Continent: {{continent}}",
    countries: "  Countries: {{countries}} ({{count}} of {{total}})",
    devices: "  Devices: {{count}} named {{prefix}}…",
    typeChanges_one:
      "⚠️ {{count}} thing of this plan exists with another thing type and would be re-typed: {{examples}}",
    typeChanges_other:
      "⚠️ {{count}} things of this plan exist with another thing type and would be re-typed, e.g. {{examples}}",
    confirmTypeChanges: "Change their thing type as planned?",
  },
  step: {
    logging: "📋 Step 1: IoT Core logging",
    thingTypes: "📋 Step 2: thing types",
    indexing: "📋 Step 3: fleet indexing",
    bucket: "📋 Step 4: firmware bucket",
    firmware: "📋 Step 5: firmware archives",
    packages: "📋 Step 6: software packages",
    roles: "📋 Step 7: IAM roles",
    packageConfiguration: "📋 Step 8: package configuration",
    devices: "📋 Step 9: country groups and devices",
  },
  learn: {
    logging: {
      title: "IoT Core logging: seeing what the service does",
      body: "AWS IoT Core can record what happens in your account (connections, rule actions, job\nexecutions, errors) as entries in Amazon CloudWatch Logs. It writes them through an IAM role\nit is allowed to assume. SetV2LoggingOptions names that role and the default level for the\nwhole account: INFO here, which records normal operations as well as problems. DEBUG says\nmore and costs more. When a device misbehaves, the AWSIotLogsV2 log group is where to look.",
    },
    thingTypes: {
      title: "Thing types: one template per kind of device",
      body: "A thing type describes a kind of device and names up to three attributes that are\nindexed for searching. We prepare {{count}}: {{types}}.\nEach declares customerId, country and manufacturingDate as searchable, so you can later\nfind, say, every vehicle built in March. A thing has at most one type. A type can be\ndeprecated (no new things use it) and deleted five minutes later.",
    },
    fleetIndexing: {
      title: "Fleet indexing: asking questions about the whole fleet",
      body: "Fleet indexing keeps a search index of the registry, the shadows, the connectivity and\nthe Device Defender violations of every thing. Queries such as\n  thingTypeName:SedanVehicle AND attributes.country:US\nwork in SearchIndex, in aggregations (counts, statistics) and in dynamic thing groups,\nwhose members follow a query. We also index the $package named shadow, so you can search\nby the firmware version a device runs.",
    },
    s3Storage: {
      title: "Amazon S3: where the firmware lives",
      body: "Firmware images go to an S3 bucket in {{region}}. With versioning on, every upload of a\nkey becomes its own object version, so a package version can point at exactly the bytes\nyou tested, even if the key is written again later. Devices never get S3 credentials:\njobs give them short-lived presigned URLs.",
    },
    firmware: {
      title: "Firmware archives: one per type and version",
      body: "We upload {{total}} archives, one per thing type and version: a small ZIP holding a\nplaceholder firmware file. An archive already in the bucket is kept as it is, so running\nprovision again never changes what existing package versions point at.",
    },
    packageCatalog: {
      title: "Software Package Catalog: one inventory of your software",
      body: "A package (here one per thing type) stands for the software a kind of device runs. Each\nversion records its S3 artifact, its attributes and a lifecycle: DRAFT, PUBLISHED (jobs\nmay deploy it) and DEPRECATED. We publish every version right away. Jobs can then name a\nversion by its ARN, and fleet indexing tells you which device runs which version.",
    },
    iamRoles: {
      title: "IAM roles: permissions AWS IoT borrows",
      body: "AWS IoT acts for you only through roles whose trust policy lets iot.amazonaws.com assume\nthem. The jobs role lets IoT hand out presigned URLs for firmware downloads; the package\nconfiguration role lets it write each device's $package shadow after a successful job.\nEach carries an inline policy with just what that task needs, limited to this region.",
    },
    packageConfiguration: {
      title: "Package configuration: shadows that follow deployments",
      body: "With version updates by jobs turned on, a job that installs a package version also\nrecords the new version in the device's reserved $package named shadow, using the role\nfrom the previous step. The inventory stays right without devices having to report it.",
    },
    devices: {
      title: "Things and thing groups: the fleet itself",
      body: "A thing is the registry entry of one device: a name, a type and attributes. We create\n{{groups}} static thing groups (one per country) and {{devices}} things, each placed in its\ncountry's group so that a job can reach a whole country at once. Every thing also gets a\nclassic shadow (battery level) and a $package shadow with its first firmware version.\nThings cannot carry tags: cleanup recognises them by their name prefix.",
    },
  },
  waitingForIam: "  IAM is still propagating the role (attempt {{attempt}} of {{max}}): {{message}}",
  role: {
    created: "✅ Created role {{name}}",
    existing: "♻️ Role {{name}} exists, reusing it",
    policy: "   Inline policy {{policy}} on {{name}} is up to date",
    failed: "❌ Role {{name}}: {{error}}",
  },
  logging: {
    enabled: "✅ IoT logging enabled at level {{level}}",
    failed: "❌ IoT logging not enabled: {{error}}",
  },
  thingType: {
    created: "✅ Created thing type {{name}}",
    existing: "♻️ Thing type {{name}} exists and is active",
    undeprecated: "♻️ Thing type {{name}} was deprecated; made active again",
    failed: "❌ Thing type {{name}}: {{error}}",
    summary: "📊 Thing types ready: {{ok}}/{{total}}",
  },
  indexing: {
    done: "✅ Fleet indexing on: registry, shadows (with $package), connectivity, violations and thing groups",
    failed: "❌ Fleet indexing not configured: {{error}}",
  },
  bucket: {
    created: "✅ Created versioned bucket {{name}}",
    existing: "♻️ Using existing bucket {{name}} (versioning on)",
    failed: "❌ Firmware bucket {{name}}: {{error}}",
    skipped: "⚠️ Without a firmware bucket, firmware archives and software packages are skipped",
  },
  firmware: {
    uploaded: "✅ Uploaded {{key}} (version {{versionId}})",
    existing: "♻️ {{key}} is already in the bucket (version {{versionId}})",
    failed: "❌ Firmware {{key}}: {{error}}",
  },
  package: {
    created: "✅ Created package {{name}}",
    existing: "♻️ Package {{name}} exists, reusing it",
    failed: "❌ Package {{name}}: {{error}}",
    versionCreated: "   ✅ {{name}} {{version}} created and published",
    versionExisting: "   ♻️ {{name}} {{version}} already published",
    versionPublished: "   ✅ {{name}} {{version}} existed and is now published",
    versionFailed: "   ❌ {{name}} {{version}}: {{error}}",
    summary: "📊 Packages ready with all their versions: {{ok}}/{{total}}",
  },
  packageConfiguration: {
    enabled: "✅ Version updates by jobs enabled with role {{role}}",
    failed: "❌ Package configuration not enabled: {{error}}",
  },
  group: {
    created: "✅ Created thing group {{name}}",
    existing: "♻️ Thing group {{name}} exists, reusing it",
    failed: "❌ Thing group {{name}}: {{error}}",
    summary: "📊 Country groups ready: {{ok}}/{{total}}",
  },
  things: {
    progress: "🚗 Devices",
    summary:
      "📊 Devices ready: {{ok}}/{{total}} ({{created}} created, {{updated}} already existed and were updated) in {{seconds}} s, {{rate}} devices/s",
    failed: "❌ Device {{name}}: {{error}}",
  },
  tags: {
    failed: "⚠️ Could not tag {{type}} {{name}}: {{error}}",
    summaryTitle: "⚠️ Resources without workshop tags",
    summaryIntro:
      "These were created but could not be tagged. Cleanup will recognise them by their names instead.",
    summaryType: "{{type}}: {{count}}",
    summaryTotal: "Resources without tags: {{count}}",
  },
  summary: {
    done: "🎉 Provisioning complete",
    problems_one:
      "⚠️ Provisioning finished with {{count}} problem; see the messages above. Running it again retries it.",
    problems_other:
      "⚠️ Provisioning finished with {{count}} problems; see the messages above. Running it again retries them.",
    devices:
      "📊 {{count}} devices across {{countries}} countries ({{first}} … {{last}}): {{created}} created, {{updated}} updated, {{failed}} failed",
    resources:
      "📦 {{types}} thing types, {{groups}} country groups, {{packages}} packages with {{versions}} versions, bucket {{bucket}}",
    time: "⏱️ Total time {{seconds}} s (devices {{things}} s, {{rate}}/s)",
    calls: "   AWS calls: {{calls}}, retries: {{retries}}, errors answered: {{errors}}",
    learnedTitle: "🎓 What this step built",
    learned:
      "  • IoT logging to CloudWatch through a role IoT assumes (SetV2LoggingOptions)\n  • Thing types with searchable attributes (CreateThingType)\n  • A fleet index over registry, shadows and groups (UpdateIndexingConfiguration)\n  • A versioned S3 bucket with firmware archives (CreateBucket, PutObject)\n  • Software packages and published versions (CreatePackage, CreatePackageVersion)\n  • IAM roles for jobs and package configuration (CreateRole, PutRolePolicy)\n  • Automatic $package shadow updates (UpdatePackageConfiguration)\n  • Country groups and things with shadows (CreateThingGroup, CreateThing, UpdateThingShadow)",
    retyped_one: "♻️ {{count}} existing thing was given its planned thing type",
    retyped_other: "♻️ {{count}} existing things were given their planned thing type",
    next: "🚀 Next: search the fleet and group it dynamically, then roll out firmware with a job. When you are done, `{{command}}` removes everything.",
  },
};
