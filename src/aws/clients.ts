/**
 * The one place that builds SDK v3 clients for a target: endpoint and credentials, retries
 * (adaptive against AWS), client-side pacing at AWS's default quotas where the target
 * enforces them, call statistics (calls, retries, failures) and --debug logging of every
 * call with its input and full response.
 */
import { Agent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import type { IoTClient } from "@aws-sdk/client-iot";
import type { IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import type { IoTJobsDataPlaneClient } from "@aws-sdk/client-iot-jobs-data-plane";
import type { IAMClient } from "@aws-sdk/client-iam";
import type { S3Client } from "@aws-sdk/client-s3";
import type { GetCallerIdentityCommandOutput, STSClient } from "@aws-sdk/client-sts";
import type { IoHost } from "../io/host.js";
import { CallPool, withoutSdkLogger } from "./call-pool.js";
import { isTransient } from "./errors.js";
import { Pacer } from "./pacing.js";
import type { Target } from "./target.js";

export interface CallStats {
  calls: number;
  /** Successful calls that change something (all but Describe/Get/List/Search/Head). */
  changes: number;
  retries: number;
  failures: number;
}

const READ_ONLY = /^(Describe|Get|List|Search|Head)/;

/**
 * The SDK packages, loaded when a client of theirs is first built: a command loads the services
 * it talks to, not all six (each costs a tenth of a second or more at start-up). They are CommonJS
 * without an `exports` map, so this loads the same module instance an `import` elsewhere does.
 */
const load = createRequire(import.meta.url);
const sdk = {
  iot: () => load("@aws-sdk/client-iot") as typeof import("@aws-sdk/client-iot"),
  iotData: () => load("@aws-sdk/client-iot-data-plane") as typeof import("@aws-sdk/client-iot-data-plane"),
  iotJobsData: () =>
    load("@aws-sdk/client-iot-jobs-data-plane") as typeof import("@aws-sdk/client-iot-jobs-data-plane"),
  iam: () => load("@aws-sdk/client-iam") as typeof import("@aws-sdk/client-iam"),
  s3: () => load("@aws-sdk/client-s3") as typeof import("@aws-sdk/client-s3"),
  sts: () => load("@aws-sdk/client-sts") as typeof import("@aws-sdk/client-sts"),
};

/** How many times the SDK sent a call, from its output or the error it ended with. */
const attemptsOf = (answer: unknown) =>
  (answer as { $metadata?: { attempts?: number } } | undefined)?.$metadata?.attempts ?? 1;

/** In-flight calls beyond which a client's calls go to the worker pool. */
const POOL_THRESHOLD = 8;
/**
 * Worker threads of the pool (IOTDM_CALL_POOL, 0 turns it off). By default the cores beyond two:
 * one is the main thread's and one the local sandbox's, and on a 2-core machine pooled calls cost
 * about 40% more CPU than calls in the main thread (the OTA and provision runs of bench/), CPU
 * the sandbox needs. Against AWS the quotas, not the CPU, bound the rate.
 */
const POOL_SIZE = Number(process.env.IOTDM_CALL_POOL ?? Math.min(4, Math.max(0, availableParallelism() - 2)));

interface SdkCommand {
  input: unknown;
}
type Sendable = { send: (command: SdkCommand, ...rest: unknown[]) => Promise<unknown> };

const SERVICE_OF_CLIENT: Record<string, string> = {
  IoTClient: "iot",
  IoTDataPlaneClient: "iot-data",
  IoTJobsDataPlaneClient: "iot-jobs-data",
  S3Client: "s3",
  IAMClient: "iam",
  STSClient: "sts",
};

interface MiddlewareClient {
  middlewareStack: {
    add: (mw: unknown, opts: { step: "initialize"; name: string; priority?: "high" | "low" }) => void;
  };
}

type Handler = (args: { input: unknown }) => Promise<{ output: { $metadata?: { attempts?: number } } }>;
interface HandlerContext {
  clientName?: string;
  commandName?: string;
}

export class AwsClients {
  readonly stats: CallStats = { calls: 0, changes: 0, retries: 0, failures: 0 };
  private readonly pacer = new Pacer();
  private readonly cache = new Map<string, unknown>();
  private readonly dataEndpoints = new Map<string, Promise<string | undefined>>();
  private pool?: CallPool;
  private inFlight = 0;

  constructor(
    readonly target: Target,
    private readonly host: IoHost,
  ) {}

  /** Client configuration without the HTTP agents (cloneable into the call pool's workers). */
  private plainConfig() {
    const t = this.target;
    const credentials = t.kind === "sandbox" ? t.credentials : undefined;
    return {
      region: t.region ?? process.env.AWS_REGION,
      ...(t.clientEndpoint ? { endpoint: t.clientEndpoint } : {}),
      ...(credentials ? { credentials } : t.profile ? { profile: t.profile } : {}),
      maxAttempts: 10,
      // The SDK resolves a command's middleware once per command class instead of on every
      // send (our middleware is added before the first send): a quarter less CPU per call.
      cacheMiddleware: true,
      retryMode: t.kind === "sandbox" && !t.paced ? "standard" : "adaptive",
    };
  }

  private baseConfig() {
    return {
      ...this.plainConfig(),
      requestHandler: {
        httpAgent: new Agent({ keepAlive: true, maxSockets: 128 }),
        httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 128 }),
      },
    };
  }

  private instrument<C>(client: C): C {
    withoutSdkLogger(client);
    (client as unknown as MiddlewareClient).middlewareStack.add(
      (next: Handler, context: HandlerContext) => async (args: { input: unknown }) => {
        const command = context.commandName ?? "?";
        const service = SERVICE_OF_CLIENT[context.clientName ?? ""] ?? "?";
        if (this.target.paced) await this.pacer.acquire(service, command.replace(/Command$/, ""));
        try {
          const result = await next(args);
          this.count(command, result.output);
          this.host.debugCall(context.clientName ?? "", command, args.input, { output: result.output });
          return result;
        } catch (error) {
          this.count(command, error, true);
          this.host.debugCall(context.clientName ?? "", command, args.input, { error });
          throw error;
        }
      },
      { step: "initialize", name: "iotdmInstrumentation", priority: "high" },
    );
    return client;
  }

  /** Counts one call and its retries: `answer` is its output, or the error it failed with. */
  private count(command: string, answer: unknown, failed = false): void {
    this.stats.calls++;
    this.stats.retries += attemptsOf(answer) - 1;
    if (failed) this.stats.failures++;
    else if (!READ_ONLY.test(command)) this.stats.changes++;
  }

  private client<C>(key: string, make: () => C, poolConfig?: Record<string, unknown>): C {
    let c = this.cache.get(key) as C | undefined;
    if (!c) {
      c = this.instrument(make());
      if (poolConfig) this.routeThroughPool(c as unknown as Sendable, key, poolConfig);
      this.cache.set(key, c);
    }
    return c;
  }

  /**
   * Once more than POOL_THRESHOLD calls are in flight (a fan-out, not a conversation), calls
   * of this client run in the worker pool; pacing and statistics stay here. --debug keeps
   * every call in this thread, one at a time.
   */
  private routeThroughPool(client: Sendable, key: string, config: Record<string, unknown>): void {
    const send = client.send.bind(client);
    client.send = async (command: SdkCommand, ...rest: unknown[]) => {
      const pooled =
        POOL_SIZE > 0 && !this.host.debug && rest.length === 0 && this.inFlight >= POOL_THRESHOLD;
      this.inFlight++;
      try {
        if (!pooled) return await send(command, ...rest);
        const operation = command.constructor.name;
        if (this.target.paced) await this.pacer.acquire(key, operation.replace(/Command$/, ""));
        this.pool ??= new CallPool(POOL_SIZE);
        try {
          const output = await this.pool.run(key, config, operation, command.input);
          this.count(operation, output);
          return output;
        } catch (error) {
          this.count(operation, error, true);
          throw error;
        }
      } finally {
        this.inFlight--;
      }
    };
  }

  get iot(): IoTClient {
    return this.client("iot", () => new (sdk.iot().IoTClient)(this.baseConfig()), this.plainConfig());
  }

  get s3(): S3Client {
    return this.client(
      "s3",
      () => new (sdk.s3().S3Client)({ ...this.baseConfig(), forcePathStyle: this.target.kind !== "aws" }),
    );
  }

  get iam(): IAMClient {
    return this.client("iam", () => new (sdk.iam().IAMClient)(this.baseConfig()), this.plainConfig());
  }

  get sts(): STSClient {
    return this.client("sts", () => new (sdk.sts().STSClient)(this.baseConfig()));
  }

  /**
   * Who the caller is: the first call of a session, with a short timeout and one retry, so a
   * target that cannot be reached (no network, wrong endpoint) fails in seconds, not after
   * ten adaptive retries. A target that answers with an error (a 5xx, throttling) is
   * reachable: the call is then retried like any other.
   */
  async callerIdentity(): Promise<GetCallerIdentityCommandOutput> {
    const { GetCallerIdentityCommand, STSClient } = sdk.sts();
    const probe = this.instrument(
      new STSClient({
        ...this.plainConfig(),
        maxAttempts: 2,
        retryMode: "standard",
        requestHandler: { connectionTimeout: 3000, requestTimeout: 5000, throwOnRequestTimeout: true },
      }),
    );
    try {
      return await probe.send(new GetCallerIdentityCommand({}));
    } catch (e) {
      if (!isTransient(e)) throw e;
      return await this.sts.send(new GetCallerIdentityCommand({}));
    } finally {
      probe.destroy();
    }
  }

  /**
   * A data endpoint of the account (PROTO-20): the sandbox answers every one with its own
   * host:port (plain HTTP); AWS has `<prefix>-ats.iot.<region>.amazonaws.com` for shadows
   * (`iot:Data-ATS`) and `<prefix>.jobs.iot.<region>.amazonaws.com` for the jobs data plane's
   * HTTPS API (`iot:Jobs`, as the jobs developer guide says).
   */
  private dataPlaneEndpoint(type: "iot:Data-ATS" | "iot:Jobs"): Promise<string | undefined> {
    if (this.target.kind === "sandbox") return Promise.resolve(this.target.endpoint);
    let endpoint = this.dataEndpoints.get(type);
    if (!endpoint) {
      const { DescribeEndpointCommand } = sdk.iot();
      endpoint = this.iot.send(new DescribeEndpointCommand({ endpointType: type })).then((r) => {
        const address = r.endpointAddress ?? "";
        return /:\d+$/.test(address) ? `http://${address}` : `https://${address}`;
      });
      this.dataEndpoints.set(type, endpoint);
    }
    return endpoint;
  }

  async iotData(): Promise<IoTDataPlaneClient> {
    const endpoint = await this.dataPlaneEndpoint("iot:Data-ATS");
    return this.client(
      "iot-data",
      () => new (sdk.iotData().IoTDataPlaneClient)({ ...this.baseConfig(), endpoint }),
      {
        ...this.plainConfig(),
        endpoint,
      },
    );
  }

  async jobsData(): Promise<IoTJobsDataPlaneClient> {
    const endpoint = await this.dataPlaneEndpoint("iot:Jobs");
    return this.client(
      "iot-jobs-data",
      () => new (sdk.iotJobsData().IoTJobsDataPlaneClient)({ ...this.baseConfig(), endpoint }),
      {
        ...this.plainConfig(),
        endpoint,
      },
    );
  }

  destroy(): void {
    for (const c of this.cache.values()) (c as { destroy(): void }).destroy();
    this.cache.clear();
    void this.pool?.close();
    this.pool = undefined;
  }
}
