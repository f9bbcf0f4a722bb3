/**
 * What a simulated car does once connected (issue 10 item 7): answers AWS IoT Commands (CMD-10,
 * CMD-11) as told (succeed, fail with a reason a car would give, or ignore), executes its pending
 * jobs over the jobs topics (JOB-30: start-next, download the artifacts, report progress with a
 * step timeout, succeed or fail by the success rate, then the next one), and reports its battery
 * drifting on its classic shadow (SHD-20).
 */
import { download } from "../../aws/download.js";
import { artifactUrls } from "../jobs/simulate.js";
import { type DeviceLink, parseObject } from "./link.js";

export type CommandOutcome = "succeed" | "fail" | "ignore";

export interface DeviceBehaviour {
  commandOutcome: CommandOutcome;
  /** Percent of jobs that succeed (0-100). */
  successRate: number;
  /** Seconds between battery reports; 0 for none. */
  reportIntervalSeconds: number;
  random: () => number;
}

export type DeviceEvent =
  | {
      kind: "command";
      thing: string;
      executionId: string;
      action: string;
      answer: "SUCCEEDED" | "FAILED" | "ignored";
    }
  | { kind: "job"; thing: string; jobId: string; status: "SUCCEEDED" | "FAILED"; bytes: number }
  | { kind: "battery"; thing: string; level: number }
  | { kind: "problem"; thing: string; what: string };

/** A car's reasons for not doing what it was asked (statusReason.reasonCode, CMD-11). */
const REFUSALS: Record<string, [string, string]> = {
  lock: ["DOOR_OPEN", "A door is open: close it and try again"],
  unlock: ["VEHICLE_MOVING", "Doors stay locked while the vehicle is moving"],
  start: ["LOW_BATTERY", "The battery is too low to start the engine"],
  stop: ["ENGINE_NOT_RUNNING", "The engine is not running"],
  setClimate: ["HVAC_FAULT", "The climate control reports a fault"],
  horn: ["QUIET_HOURS", "The horn is disabled during quiet hours"],
};
const DEFAULT_REFUSAL: [string, string] = ["DEVICE_BUSY", "The vehicle is busy with another operation"];

/** A job step may take this long before the service times it out (stepTimeoutInMinutes). */
const STEP_TIMEOUT_MINUTES = 10;

export class SimulatedDevice {
  private busyWithJob = false;
  /** notify-next said a job is pending while the device was busy asking for one. */
  private jobAnnounced = false;
  private battery = 100;
  private batteryRead: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly link: DeviceLink,
    private readonly behaviour: DeviceBehaviour,
    private readonly report: (event: DeviceEvent) => void,
  ) {}

  get thing(): string {
    return this.link.thingName;
  }

  /** Subscribes to its topics and starts working: its pending jobs, then its battery reports. */
  async start(): Promise<void> {
    const t = this.thing;
    const commands = `$aws/commands/things/${t}/executions/`;
    this.link.on(commands, (topic, payload) => void this.onCommand(topic, payload));
    this.link.on(`$aws/things/${t}/jobs/notify-next`, (_topic, payload) => {
      if (parseObject(payload).execution) void this.runJobs();
    });
    await this.link.subscribe([
      `${commands}+/request/#`,
      `$aws/things/${t}/jobs/#`,
      `$aws/things/${t}/shadow/get/#`,
    ]);
    // The battery starts where the shadow says (provision reports one); asked for, not waited for.
    this.batteryRead = this.link.request(`$aws/things/${t}/shadow/get`, {}).then((shadow) => {
      const reported = (shadow?.body.state as { reported?: { batteryStatus?: unknown } } | undefined)
        ?.reported;
      if (typeof reported?.batteryStatus === "number") this.battery = reported.batteryStatus;
    });
    void this.runJobs();
    const interval = this.behaviour.reportIntervalSeconds;
    if (interval > 0) this.timer = setInterval(() => void this.reportBattery(), interval * 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async onCommand(topic: string, payload: Buffer): Promise<void> {
    const m = /\/executions\/([^/]+)\/request(?:\/([^/]+))?$/.exec(topic);
    if (!m) return;
    const executionId = m[1] as string;
    const action = String(parseObject(payload).action ?? "");
    const outcome = this.behaviour.commandOutcome;
    if (outcome === "ignore") {
      this.report({ kind: "command", thing: this.thing, executionId, action, answer: "ignored" });
      return;
    }
    const response = `$aws/commands/things/${this.thing}/executions/${executionId}/response/json`;
    try {
      if (outcome === "succeed") {
        await this.link.publish(response, {
          status: "SUCCEEDED",
          result: { action: { s: action }, completedBy: { s: this.thing } },
        });
      } else {
        const [reasonCode, reasonDescription] = REFUSALS[action] ?? DEFAULT_REFUSAL;
        await this.link.publish(response, {
          status: "FAILED",
          statusReason: { reasonCode, reasonDescription },
        });
      }
      const answer = outcome === "succeed" ? "SUCCEEDED" : "FAILED";
      this.report({ kind: "command", thing: this.thing, executionId, action, answer });
    } catch (e) {
      this.report({ kind: "problem", thing: this.thing, what: String(e) });
    }
  }

  /** Takes pending jobs one after the other until none is left (JOB-30 start-next). */
  private async runJobs(): Promise<void> {
    if (!this.link.connected) return;
    // A job announced while a start-next is in flight may be missing from its answer: ask again.
    if (this.busyWithJob) {
      this.jobAnnounced = true;
      return;
    }
    this.busyWithJob = true;
    try {
      for (;;) {
        this.jobAnnounced = false;
        const next = await this.link.request(`$aws/things/${this.thing}/jobs/start-next`, {
          stepTimeoutInMinutes: STEP_TIMEOUT_MINUTES,
          statusDetails: { step: "downloading" },
        });
        const execution = next?.accepted ? (next.body.execution as Execution | undefined) : undefined;
        if (!execution?.jobId) {
          if (this.jobAnnounced) continue;
          return;
        }
        await this.runJob(execution);
      }
    } catch (e) {
      this.report({ kind: "problem", thing: this.thing, what: String(e) });
    } finally {
      this.busyWithJob = false;
    }
  }

  private async runJob(execution: Execution): Promise<void> {
    const jobId = execution.jobId as string;
    const update = `$aws/things/${this.thing}/jobs/${jobId}/update`;
    const document = execution.jobDocument === undefined ? undefined : JSON.stringify(execution.jobDocument);
    let bytes = 0;
    let downloaded = true;
    for (const url of artifactUrls(document)) {
      const got = await download(url);
      bytes += got.bytes;
      downloaded &&= got.ok;
    }
    let version = execution.versionNumber ?? 1;
    const progress = await this.link.request(update, {
      status: "IN_PROGRESS",
      statusDetails: { step: "installing", downloadedBytes: String(bytes) },
      expectedVersion: version,
      stepTimeoutInMinutes: STEP_TIMEOUT_MINUTES,
      includeJobExecutionState: true,
    });
    version =
      (progress?.body.executionState as { versionNumber?: number } | undefined)?.versionNumber ?? version + 1;
    const succeed = downloaded && this.behaviour.random() * 100 < this.behaviour.successRate;
    const status = succeed ? "SUCCEEDED" : "FAILED";
    await this.link.request(update, {
      status,
      expectedVersion: version,
      statusDetails: succeed
        ? { step: "installed", downloadedBytes: String(bytes) }
        : {
            failureType: downloaded ? "SIMULATED_FAILURE" : "DOWNLOAD_FAILURE",
            failureReason: downloaded ? "Simulated failure" : "Download failed",
          },
    });
    this.report({ kind: "job", thing: this.thing, jobId, status, bytes });
  }

  private async reportBattery(): Promise<void> {
    await this.batteryRead;
    if (!this.link.connected) return;
    this.battery = Math.max(0, Math.round((this.battery - this.behaviour.random() * 2) * 10) / 10);
    try {
      await this.link.publish(`$aws/things/${this.thing}/shadow/update`, {
        state: { reported: { batteryStatus: this.battery } },
      });
      this.report({ kind: "battery", thing: this.thing, level: this.battery });
    } catch (e) {
      this.report({ kind: "problem", thing: this.thing, what: String(e) });
    }
  }
}

interface Execution {
  jobId?: string;
  versionNumber?: number;
  jobDocument?: unknown;
}
