/** `iotdm sandbox start|serve|stop|status|reset|env|clock`. */
import { type Command, Option } from "commander";
import type { IoHost } from "../../io/host.js";
import { t } from "../../io/i18n.js";
import {
  adminPost,
  ensureRunning,
  envExports,
  findRunning,
  instanceRef,
  stopInstance,
} from "../../sandbox/control.js";
import { serve } from "../../sandbox/main.js";
import { DEFAULT_REGION, isLoopbackHost, loadIdentity } from "../../sandbox/settings.js";
import { UsageError } from "../errors.js";
import type { CommandModule } from "../registry.js";
import { logsCommand } from "./sandbox-logs.js";

interface InstanceOpts {
  port?: string;
  dataDir?: string;
  host?: string;
}

interface ServerOpts extends InstanceOpts {
  auth: boolean;
  throttle?: string;
  failRate?: string;
  account?: string;
  region?: string;
  typeDeletionDelay?: string;
  indexBuildDelay?: string;
}

function ref(o: InstanceOpts) {
  const port = o.port === undefined ? undefined : Number(o.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new UsageError(t("sandbox.badPort"));
  return instanceRef({ port, dataDir: o.dataDir, host: o.host });
}

function serverOptions(o: ServerOpts) {
  // Other machines reach a non-loopback address: the sandbox credentials are then its only guard.
  if (o.host !== undefined && !isLoopbackHost(o.host) && !o.auth)
    throw new UsageError(t("sandbox.noAuthExposed", { host: o.host }));
  const throttle = o.throttle ?? "off";
  if (throttle !== "off" && throttle !== "aws") throw new UsageError(t("sandbox.badThrottle"));
  const failRate = o.failRate === undefined ? 0 : Number(o.failRate);
  if (!(failRate >= 0 && failRate <= 1)) throw new UsageError(t("sandbox.badFailRate"));
  const delay = o.typeDeletionDelay === undefined ? 300 : Number(o.typeDeletionDelay);
  const indexDelay = o.indexBuildDelay === undefined ? undefined : Number(o.indexBuildDelay);
  if (!(delay >= 0) || (indexDelay !== undefined && !(indexDelay >= 0)))
    throw new UsageError(t("sandbox.badDelay"));
  return {
    auth: o.auth,
    throttle: throttle as "off" | "aws",
    failRate,
    accountId: o.account,
    region: o.region ?? DEFAULT_REGION,
    thingTypeDeletionDelaySeconds: delay,
    indexBuildDelaySeconds: indexDelay,
  };
}

function warnIfExposed(io: IoHost, address: string): void {
  if (!isLoopbackHost(address)) io.say("warn", "sandbox.exposedHost", { host: address });
}

function instanceOptions(cmd: Command): Command {
  return cmd
    .option("--port <port>", t("sandbox.opt.port"))
    .option("--data-dir <dir>", t("sandbox.opt.dataDir"))
    .option("--host <address>", t("sandbox.opt.host"));
}

function serverFlags(cmd: Command): Command {
  return instanceOptions(cmd)
    .option("--no-auth", t("sandbox.opt.noAuth"))
    .addOption(new Option("--throttle <mode>", t("sandbox.opt.throttle")))
    .option("--fail-rate <share>", t("sandbox.opt.failRate"))
    .option("--account <id>", t("sandbox.opt.account"))
    .option("--region <region>", t("sandbox.opt.region"))
    .option("--type-deletion-delay <seconds>", t("sandbox.opt.typeDeletionDelay"))
    .option("--index-build-delay <seconds>", t("sandbox.opt.indexBuildDelay"));
}

function register(program: Command, host: () => IoHost): void {
  const sandbox = program.command("sandbox").description(t("sandbox.description"));

  serverFlags(sandbox.command("start").description(t("sandbox.start.description"))).action(
    async (o: ServerOpts) => {
      const r = ref(o);
      const options = serverOptions(o);
      warnIfExposed(host(), r.host);
      const { instance, started } = await ensureRunning(r, options).catch((e: Error) => {
        throw new Error(t("sandbox.startFailed", { message: e.message }));
      });
      host().info(started ? "sandbox.started" : "sandbox.alreadyRunning", { ...instance, pid: instance.pid });
      host().result({ ...instance, started });
    },
  );

  serverFlags(sandbox.command("serve").description(t("sandbox.serve.description"))).action(
    async (o: ServerOpts) => {
      const r = ref(o);
      const s = serverOptions(o);
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
          thingTypeDeletionDelaySeconds: s.thingTypeDeletionDelaySeconds,
        },
        onListening: (port) => host().info("sandbox.listening", { host: r.host, port, dataDir: r.dataDir }),
      });
      await new Promise(() => undefined); // runs until SIGTERM / SIGINT / admin shutdown
    },
  );

  instanceOptions(sandbox.command("stop").description(t("sandbox.stop.description"))).action(
    async (o: InstanceOpts) => {
      const r = ref(o);
      const stopped = await stopInstance(r);
      host().info(stopped ? "sandbox.stopped" : "sandbox.notRunning", { port: r.port, dataDir: r.dataDir });
      host().result({ stopped });
    },
  );

  instanceOptions(sandbox.command("status").description(t("sandbox.status.description"))).action(
    async (o: InstanceOpts) => {
      const r = ref(o);
      const running = await findRunning(r);
      if (!running) {
        host().info("sandbox.notRunning", { port: r.port, dataDir: r.dataDir });
        host().result({ running: false, port: r.port, dataDir: r.dataDir });
        process.exitCode = 1;
        return;
      }
      host().info("sandbox.statusLine", { ...running, auth: String(running.auth) });
      host().result({ running: true, ...running });
    },
  );

  instanceOptions(sandbox.command("reset").description(t("sandbox.reset.description"))).action(
    async (o: InstanceOpts) => {
      const r = ref(o);
      const { instance } = await ensureRunning(r);
      await adminPost(instance, "reset");
      host().info("sandbox.resetDone", { port: r.port });
      host().result({ reset: true });
    },
  );

  instanceOptions(sandbox.command("env").description(t("sandbox.env.description"))).action(
    async (o: InstanceOpts) => {
      const r = ref(o);
      const { instance } = await ensureRunning(r);
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

  logsCommand(sandbox, host, ref, instanceOptions);

  instanceOptions(sandbox.command("clock").description(t("sandbox.clock.description")))
    .option("--advance <seconds>", t("sandbox.opt.advance"))
    .action(async (o: InstanceOpts & { advance?: string }) => {
      const r = ref(o);
      const { instance } = await ensureRunning(r);
      const seconds = o.advance === undefined ? 0 : Number(o.advance);
      if (!Number.isFinite(seconds)) throw new UsageError("--advance");
      const out = (await adminPost(instance, "clock", { advanceSeconds: seconds })) as {
        now: string;
        offsetSeconds: number;
      };
      host().info("sandbox.clockNow", { now: out.now, offset: out.offsetSeconds });
      host().result(out);
    });
}

export const sandboxCommand: CommandModule = { name: "sandbox", register };
