export default {
  description:
    "Guided tour: provision a small fleet, look around, update it over the air, clean up (on a sandbox of its own)",
  opt: { count: "number of devices in the tour's fleet (default 20)" },
  title: "🧭 AWS IoT Device Management: the guided tour",
  learn: {
    intro: {
      title: "What this tour does",
      body: "You are about to build a small connected-vehicle fleet of {{count}} devices, look at what AWS IoT keeps\nabout it, and remove it again. Each stop uses the same API calls you would make in your own account:\nthe tour runs on a local sandbox that answers like AWS, so nothing here costs money.",
    },
    explore: {
      title: "Reading the fleet back",
      body: "The registry knows each thing's type, attributes and groups; the device shadows hold what each vehicle\nlast reported (its battery) and which software package version it runs ($package shadow). Operators read\nboth to decide which vehicles need an update.",
    },
    cleanup: {
      title: "Cleaning up safely",
      body: "Cleanup deletes only what it can prove the workshop created: first by the workshop tag, then by the\nexact names provisioning uses, then by association (a shadow or certificate of a workshop thing).\nEverything else in the account is left alone.",
    },
    next: {
      title: "Where to go next",
      body: "Run `iotdm provision` for a fleet of your own on the default sandbox (or with --aws in your account),\nroll firmware out with `iotdm create-job`, play the devices with `iotdm simulate-jobs` and follow the rollout\nwith `iotdm explore-jobs`; `iotdm cleanup --dry-run` shows what a cleanup would remove before it removes anything.",
    },
  },
  stop: {
    provision_one: "🚗 Stop 1: provisioning {{count}} device",
    provision_other: "🚗 Stop 1: provisioning {{count}} devices",
    explore: "🔎 Stop 2: what was created",
    cleanup: "🧹 Stop 3: cleaning up",
  },
  fleet: {
    thingTypes: "Thing types ({{count}}):",
    groups: "Static thing groups ({{count}}):",
    groupLine: "   • {{name}}: {{members}} devices",
    samples: "A closer look at {{count}} devices:",
    sampleLine: "   • {{name}} | {{type}} | country {{country}} | battery {{battery}}% | {{packages}}",
    packages: "Software packages ({{count}}):",
    bucketLine: "   • firmware bucket {{bucket}}: {{objects}} object versions",
  },
  done: "🎉 Tour finished in {{seconds}} s: the fleet was built, inspected and removed.",
  sandboxStopped: "🛑 The tour's sandbox on {{endpoint}} was stopped (the tour had started it).",
  doneWithProblems: "The tour finished in {{seconds}} s with problems: see the summaries above.",
};
