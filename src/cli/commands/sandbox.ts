/**
 * `iotdm sandbox start|serve|stop|status|reset|env|clock`. An instance is chosen as in every
 * command (--sandbox-port/--sandbox-dir, IOTDM_SANDBOX_PORT/IOTDM_SANDBOX_DIR); commands that
 * need a running instance start one on demand and say so in one line (on stderr, so that
 * `eval "$(iotdm sandbox env)"` still reads only exports).
 */
import { type Command, Option } from "commander";
import { assertPortFree, startInstance } from "../../aws/target.js";
import { ExplainedError, UsageError } from "../../io/errors.js";
import type { IoHost } from "../../io/host.js";
import { t } from "../../io/i18n.js";
import {
  type InstanceRef,
  type RunningInstance,
  adminPost,
  envExports,
  findRunning,
  stopInstance,
} from "../../sandbox/control.js";
import { serve } from "../../sandbox/main.js";
import { DEFAULT_REGION, isFailMode, isLoopbackHost, loadIdentity } from "../../sandbox/settings.js";
import {
  type InstanceFlags,
  addInstanceOptions,
  announceStart,
  commandLine,
  instanceArgs,
  instanceOf,
} from "../instance.js";
import type { CommandModule } from "../registry.js";
import { logsCommand } from "./sandbox-logs.js";

interface ServerOpts extends InstanceFlags {
  auth: boolean;
  throttle?: string;
  failRate?: string;
  failMode?: string;
  account?: string;
  region?: string;
  typeDeletionDelay?: string;
  indexBuildDelay?: string;
  jobDeletionDelay?: string;
  mqttPort?: string;
}

/** The instance, started in the background if none answers (said in one line). */
async function running(host: IoHost, r: InstanceRef): Promise<RunningInstance> {
  const { instance, started } = await startInstance(r);
  if (started) announceStart(host, instance.endpoint, instance);
  return instance;
}

function serverOptions(o: ServerOpts) {
  // Other machines reach a non-loopback address: the sandbox credentials are then its only guard.
  if (o.host !== undefined && !isLoopbackHost(o.host) && !o.auth)
    throw new UsageError(t("sandbox.noAuthExposed", { host: o.host }));
  const throttle = o.throttle ?? "off";
  if (throttle !== "off" && throttle !== "aws") throw new UsageError(t("sandbox.badThrottle"));
  const failRate = o.failRate === undefined ? 0 : Number(o.failRate);
  if (!(failRate >= 0 && failRate <= 1)) throw new UsageError(t("sandbox.badFailRate"));
  const failMode = o.failMode ?? "before";
  if (!isFailMode(failMode)) throw new UsageError(t("sandbox.badFailMode"));
  const delay = o.typeDeletionDelay === undefined ? 300 : Number(o.typeDeletionDelay);
  const indexDelay = o.indexBuildDelay === undefined ? undefined : Number(o.indexBuildDelay);
  const jobDelay = o.jobDeletionDelay === undefined ? undefined : Number(o.jobDeletionDelay);
  if ([delay, indexDelay, jobDelay].some((d) => d !== undefined && !(d >= 0)))
    throw new UsageError(t("sandbox.badDelay"));
  const mqttPort = o.mqttPort === undefined ? undefined : Number(o.mqttPort);
  if (mqttPort !== undefined && !(Number.isInteger(mqttPort) && mqttPort >= 0 && mqttPort <= 65535))
    throw new UsageError(t("sandbox.badMqttPort"));
  return {
    auth: o.auth,
    throttle: throttle as "off" | "aws",
    failRate,
    failMode,
    accountId: o.account,
    region: o.region ?? DEFAULT_REGION,
    thingTypeDeletionDelaySeconds: delay,
    indexBuildDelaySeconds: indexDelay,
    jobDeletionDelaySeconds: jobDelay,
    mqttPort,
  };
}

/** Where MQTT clients connect, and with which CA (IOTDM_MQTT_URL, IOTDM_CA_FILE of `env`). */
function sayMqtt(io: IoHost, { mqtt }: RunningInstance): void {
  if (mqtt?.caFile) io.info("sandbox.mqttLine", { url: mqtt.url, caFile: mqtt.caFile });
  else if (mqtt) io.info("sandbox.mqttPlainLine", { url: mqtt.url });
}

function warnIfExposed(io: IoHost, address: string): void {
  if (!isLoopbackHost(address)) io.say("warn", "sandbox.exposedHost", { host: address });
}

function serverFlags(cmd: Command): Command {
  return addInstanceOptions(cmd)
    .option("--no-auth", t("sandbox.opt.noAuth"))
    .addOption(new Option("--throttle <mode>", t("sandbox.opt.throttle")))
    .option("--fail-rate <share>", t("sandbox.opt.failRate"))
    .option("--fail-mode <mode>", t("sandbox.opt.failMode"))
    .option("--account <id>", t("sandbox.opt.account"))
    .option("--region <region>", t("sandbox.opt.region"))
    .option("--type-deletion-delay <seconds>", t("sandbox.opt.typeDeletionDelay"))
    .option("--index-build-delay <seconds>", t("sandbox.opt.indexBuildDelay"))
    .option("--job-deletion-delay <seconds>", t("sandbox.opt.jobDeletionDelay"))
    .option("--mqtt-port <port>", t("sandbox.opt.mqttPort"));
}

function register(program: Command, host: () => IoHost): void {
  const sandbox = program.command("sandbox").description(t("sandbox.description"));

  serverFlags(sandbox.command("start").description(t("sandbox.start.description"))).action(
    async (o: ServerOpts) => {
      const r = instanceOf(o);
      const options = serverOptions(o);
      warnIfExposed(host(), r.host);
      const { instance, started } = await startInstance(r, options).catch((e: Error) => {
        throw e instanceof ExplainedError ? e : new Error(t("sandbox.startFailed", { message: e.message }));
      });
      const { mqtt: _mqtt, ...vars } = instance;
      host().info(started ? "sandbox.started" : "sandbox.alreadyRunning", {
        ...vars,
        stop: commandLine(["iotdm", "sandbox", "stop", ...instanceArgs(instance)]),
      });
      sayMqtt(host(), instance);
      host().result({ ...withoutSecret(instance, false), started });
    },
  );

  serverFlags(sandbox.command("serve").description(t("sandbox.serve.description"))).action(
    async (o: ServerOpts) => {
      const r = instanceOf(o);
      const s = serverOptions(o);
      // On a port another program holds: one clear line, before anything is opened.
      await assertPortFree(r);
      warnIfExposed(host(), r.host);
      const identity = loadIdentity(r.dataDir, s.accountId);
      await serve({
        settings: {
          host: r.host,
          port: r.port,
          dataDir: r.dataDir,
          accountId: identity.accountId,
          region: s.region,
          accessKeyId: identity.accessKeyId,
          secretAccessKey: identity.secretAccessKey,
          auth: s.auth,
          throttle: s.throttle,
          failRate: s.failRate,
          failMode: s.failMode,
          thingTypeDeletionDelaySeconds: s.thingTypeDeletionDelaySeconds,
          indexBuildDelaySeconds: s.indexBuildDelaySeconds,
          jobDeletionDelaySeconds: s.jobDeletionDelaySeconds,
          mqttPort: s.mqttPort,
        },
        onListening: (port) => host().info("sandbox.listening", { host: r.host, port, dataDir: r.dataDir }),
      });
      await new Promise(() => undefined); // runs until SIGTERM / SIGINT / admin shutdown
    },
  );

  addInstanceOptions(sandbox.command("stop").description(t("sandbox.stop.description"))).action(
    async (o: InstanceFlags) => {
      const r = instanceOf(o);
      const stopped = await stopInstance(r);
      host().info(stopped ? "sandbox.stopped" : "sandbox.notRunning", { port: r.port, dataDir: r.dataDir });
      host().result({ stopped });
    },
  );

  addInstanceOptions(sandbox.command("status").description(t("sandbox.status.description")))
    .option("--show-secret", t("sandbox.opt.showSecret"))
    .action(async (o: InstanceFlags & { showSecret?: boolean }) => {
      const r = instanceOf(o);
      const instance = await findRunning(r);
      if (!instance) {
        host().info("sandbox.notRunning", { port: r.port, dataDir: r.dataDir });
        host().result({ running: false, port: r.port, dataDir: r.dataDir });
        host().fail();
        return;
      }
      const { mqtt: _mqtt, ...vars } = instance;
      host().info("sandbox.statusLine", { ...vars, auth: String(instance.auth) });
      sayMqtt(host(), instance);
      host().result({ running: true, ...withoutSecret(instance, Boolean(o.showSecret)) });
    });

  addInstanceOptions(sandbox.command("reset").description(t("sandbox.reset.description"))).action(
    async (o: InstanceFlags) => {
      const r = instanceOf(o);
      const instance = await running(host(), r);
      await adminPost(instance, "reset");
      host().info("sandbox.resetDone", { port: r.port });
      host().result({ reset: true });
    },
  );

  addInstanceOptions(sandbox.command("env").description(t("sandbox.env.description"))).action(
    async (o: InstanceFlags) => {
      const instance = await running(host(), instanceOf(o));
      const vars = envExports(instance);
      if (host().json) host().result(vars);
      else
        host().data(
          Object.entries(vars)
            .map(([k, v]) => `export ${k}=${v}`)
            .join("\n"),
        );
    },
  );

  logsCommand(sandbox, host);

  addInstanceOptions(sandbox.command("clock").description(t("sandbox.clock.description")))
    .option("--advance <seconds>", t("sandbox.opt.advance"))
    .action(async (o: InstanceFlags & { advance?: string }) => {
      const seconds = o.advance === undefined ? 0 : Number(o.advance);
      if (!Number.isFinite(seconds))
        throw new UsageError(t("sandbox.badAdvance", { value: o.advance ?? "" }));
      const instance = await running(host(), instanceOf(o));
      const out = (await adminPost(instance, "clock", { advanceSeconds: seconds })) as {
        now: string;
        offsetSeconds: number;
      };
      host().info("sandbox.clockNow", { now: out.now, offset: out.offsetSeconds });
      host().result(out);
    });
}

/** What `status` and `start` report under --json: the secret key only when asked for. */
function withoutSecret(instance: RunningInstance, show: boolean): Partial<RunningInstance> {
  if (show) return instance;
  const { secretAccessKey: _secret, ...rest } = instance;
  return rest;
}

export const sandboxCommand: CommandModule = { name: "sandbox", register };
