import cli from "./cli.js";
import sandbox from "./sandbox.js";
import common from "./common.js";
import target from "./target.js";
import provision from "./provision.js";
import cleanup from "./cleanup.js";
import workshop from "./workshop.js";
import check from "./check.js";
import dynamicGroups from "./dynamicGroups.js";
import jobs from "./jobs.js";
import packages from "./packages.js";
import device from "./device.js";
import commands from "./commands.js";

/** The en catalog: one module per namespace, so each command owns its messages. */
export default {
  cli,
  sandbox,
  common,
  target,
  provision,
  cleanup,
  workshop,
  check,
  dynamicGroups,
  jobs,
  packages,
  device,
  commands,
};
