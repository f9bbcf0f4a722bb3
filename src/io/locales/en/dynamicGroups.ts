export default {
  description: "Dynamic thing groups: groups whose members are whatever devices match a fleet indexing query",
  opt: {
    action: "what to do: {{actions}} (a menu asks when omitted)",
    name: "name of the dynamic thing group",
    query: "a fleet indexing query (create from a custom query, or test one)",
    countries: "wizard: countries, comma-separated (e.g. US,CA)",
    thingTypes: "wizard: thing types, comma-separated (e.g. SedanVehicle)",
    versions: "wizard: package versions, comma-separated (needs --thing-types)",
    batteryBelow: "wizard: battery at or below this percent",
    batteryAbove: "wizard: battery at or above this percent",
  },
  title: "🔍 iotdm dynamic-groups: device groups that keep themselves up to date",
  badAction: "unknown action {{value}}: use one of {{values}}",
  menu: {
    prompt: "What would you like to do?",
    create: "Create a dynamic group (guided wizard or custom query)",
    list: "List dynamic groups with their members and queries",
    describe: "Describe one dynamic group and its devices",
    delete: "Delete a dynamic group",
    test: "Test a fleet indexing query",
  },
  badPercent: "give a whole number from 0 to 100 (got {{value}})",
  badName: "{{name}} is not a valid group name: use 1-128 letters, digits, '_', '-' or ':'",
  namePrompt: "Name of the dynamic group:",
  wizard: {
    countries: "Countries, comma-separated (e.g. US,CA), or empty for any:",
    thingTypes: "Thing types, comma-separated (e.g. SedanVehicle), or empty for any:",
    versions: "Package versions, comma-separated (e.g. 1.1.0), or empty for any:",
    batteryBelow: "Only devices with battery at or below (percent), or empty:",
    batteryAbove: "Only devices with battery at or above (percent), or empty:",
  },
  criteria: {
    none: "give at least one criterion: --countries, --thing-types, --versions, --battery-below or --battery-above",
    versionsNeedType: "package versions live under a thing type's package: add --thing-types with --versions",
    batteryRange: "--battery-above is higher than --battery-below, so no battery level fits both",
  },
  mode: {
    prompt: "How should the group's query be built?",
    wizard: "Guided wizard (countries, thing types, versions, battery)",
    custom: "My own fleet indexing query",
  },
  examples:
    "Examples of queries:\n" +
    "   thingTypeName:SedanVehicle AND attributes.country:US\n" +
    "   shadow.reported.batteryStatus:[* TO 30]\n" +
    "   shadow.name.$package.reported.SUVVehicle.version:1.1.0",
  queryPrompt: "Fleet indexing query:",
  emptyQuery: "the query cannot be empty",
  preview: {
    query: "🔍 Query: {{query}}",
    none: "No device matches this query right now.",
    found_one: "✅ {{count}} device matches this query:",
    found_other: "✅ {{count}} devices match this query, for example:",
    more: "   ... and {{count}} more",
  },
  create: {
    refused:
      "Not creating {{name}}: its query matches no device. A group that starts empty usually means a typo in the\n" +
      "query; check it with `{{command}}` first.",
    exists: "A thing group named {{name}} already exists; choose another name.",
    done_one: "✅ Dynamic group {{name}} created with {{count}} member: {{arn}}",
    done_other: "✅ Dynamic group {{name}} created with {{count}} members: {{arn}}",
  },
  list: {
    none: "No dynamic thing groups yet.",
    found_one: "{{count}} dynamic thing group:",
    found_other: "{{count}} dynamic thing groups:",
    line: "   • {{name}}: {{members}} members | created {{created}}\n     query: {{query}}",
  },
  describe: {
    head: "{{name}} ({{status}})\n   query: {{query}}\n   created: {{created}}\n   members: {{members}}",
  },
  delete: {
    warning: "⚠️  About to delete the dynamic group {{name}} (its devices stay; only the grouping goes).",
    confirm: "Delete it?",
    kept: "{{name}} was kept.",
    done: "✅ Dynamic group {{name}} deleted.",
  },
  error: {
    invalidQuery: "the query {{query}} is not valid fleet indexing syntax: {{message}}",
    indexing: "fleet indexing does not answer; is it turned on? (run `iotdm provision` first): {{message}}",
    notFound: "there is no thing group named {{name}}",
    notDynamic: "{{name}} is a static thing group, not a dynamic one",
  },
  learn: {
    dynamic: {
      title: "Groups defined by a question, not a list",
      body:
        "A static group holds the devices someone put in it. A dynamic group holds a fleet indexing query instead,\n" +
        "and AWS IoT keeps its members in step with the fleet: a vehicle whose battery drops into range joins, one\n" +
        "that is updated to a new version leaves. Jobs aimed at a dynamic group reach devices as they start to match,\n" +
        "so a group like 'low battery sedans in the US' stays right without anyone maintaining it.",
    },
  },
  tour: {
    stop: "🔍 Along the way: a dynamic group of the tour's {{type}} devices in {{country}}",
    members: "   • {{name}}: {{members}} members (query {{query}})",
  },
};
