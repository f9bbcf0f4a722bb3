/**
 * The sandbox's MQTT broker (aedes, MQTT 3.1.1; aedes refuses MQTT 5 CONNECTs with "unacceptable
 * protocol version"): one port per instance for MQTT and MQTT over WebSocket (transport.ts).
 *
 * With authentication on, the port is TLS with mutual authentication, like AWS IoT's: the server
 * certificate is signed by the instance's CA (ca.ts), and the client must present a certificate
 * whose record is ACTIVE (broker-admission.ts, reached through an operation context as every
 * HTTP call is). A refused certificate gets no CONNACK: the connection is closed right after the
 * TLS handshake, as AWS IoT does (clients see the connection reset, not a CONNACK return code).
 * The CONNECT is then authorized by the certificate's IoT policies (iot:Connect on
 * `client/<clientId>`); publish, subscribe and receive are not enforced yet.
 * Reserved topics reach the services through reserved-topics.ts.
 * `--no-auth` serves plain MQTT and WebSocket to any client.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { createServer as createTlsServer, type TLSSocket } from "node:tls";
import { Aedes, type Client } from "aedes";
import { issueServerCertificate, sandboxCa } from "../ca.js";
import type { ContextRequest } from "../context.js";
import type { EventBus } from "../events.js";
import { admitCertificate } from "../services/iot/security/broker-admission.js";
import { authorizeConnect } from "../services/iot/security/connect-authorization.js";
import { MQTT_AUDIENCE } from "../services/iot-data/mqtt-answer.js";
import type { OperationContext, ReservedTopicHandler } from "../services/types.js";
import { reachableAddress, type SandboxSettings } from "../settings.js";
import { type PublishedEvent, ReservedTopics } from "./reserved-topics.js";
import { MqttTransport } from "./transport.js";

/** What the broker knows of a connection admitted with a client certificate. */
export interface DeviceIdentity {
  certificateId: string;
  certificateArn: string;
}

export interface BrokerDeps {
  settings: SandboxSettings;
  context: (req: ContextRequest) => OperationContext;
  events: EventBus;
  /** Every service's reserved-topic handlers (ServiceDefinition.mqttTopics). */
  topics: ReservedTopicHandler[];
  log: (message: string) => void;
}

const packetOf = (m: PublishedEvent) =>
  ({ cmd: "publish", topic: m.topic, payload: m.payload, qos: m.qos, retain: m.retain, dup: false }) as const;

export class MqttBroker {
  private aedes?: Aedes;
  private server?: Server;
  private readonly transport: MqttTransport;
  private readonly sockets = new Set<Socket>();
  private readonly identities = new WeakMap<object, DeviceIdentity>();
  private boundPort?: number;
  private readonly reserved: ReservedTopics;

  constructor(private readonly deps: BrokerDeps) {
    this.transport = new MqttTransport((stream, request) => this.aedes?.handle(stream, request));
    this.reserved = new ReservedTopics(
      deps.topics,
      (clientId) => this.scopeContext({ kind: "mqtt", clientId }),
      (topic, e) => deps.log(`iotdm sandbox: internal error answering ${topic}: ${String(e)}`),
    );
    this.scopeContext().runtime.provide(MQTT_AUDIENCE, { reaches: (topic) => this.reaches(topic) });
    const { accountId, region } = deps.settings;
    this.reserved.deliverEvents(
      deps.events,
      `${accountId}:${region}`,
      (fn) => this.scopeContext().store.afterCommit(fn),
      {
        publishToSubscribers: (m) => this.aedes?.publish(packetOf(m), () => undefined),
        subscriptionsOf: (clientId) => {
          const client = this.connectedClient(clientId);
          return client
            ? Object.keys((client as unknown as { subscriptions: object }).subscriptions)
            : undefined;
        },
        publishToClient: (clientId, m) =>
          this.connectedClient(clientId)?.publish(packetOf(m), () => undefined),
      },
    );
  }

  /**
   * Whether a subscription may match `topic` (aedes's topic matcher, untyped in its declarations):
   * services skip building messages no client would receive (MQTT_AUDIENCE).
   */
  private reaches(topic: string): boolean {
    const mq = (this.aedes as unknown as { mq?: { _matcher?: { match(t: string): unknown[] } } } | undefined)
      ?.mq;
    if (!mq?._matcher) return this.aedes !== undefined;
    return mq._matcher.match(topic).length > 0;
  }

  /** aedes keeps its connected clients by id (untyped in its declarations). */
  private connectedClient(clientId: string): Client | undefined {
    return (this.aedes as unknown as { clients?: Record<string, Client> } | undefined)?.clients?.[clientId];
  }

  get port(): number | undefined {
    return this.boundPort;
  }

  /** `mqtts://` with authentication (mutual TLS), `mqtt://` without. */
  get url(): string | undefined {
    if (this.boundPort === undefined) return undefined;
    const scheme = this.deps.settings.auth ? "mqtts" : "mqtt";
    return `${scheme}://${reachableAddress(this.deps.settings.host, this.boundPort)}`;
  }

  /** The certificate a client connected with (undefined in `--no-auth` mode). */
  identityOf(client: Client): DeviceIdentity | undefined {
    const conn = client.conn as unknown as object;
    const req = (client as unknown as { req?: IncomingMessage }).req;
    return this.identities.get(conn) ?? (req ? this.identities.get(req.socket) : undefined);
  }

  /** iot:Connect (connect-authorization.ts); any client without authentication. */
  private mayConnect(client: Client, clientId: string): boolean {
    if (!this.deps.settings.auth) return true;
    const identity = this.identityOf(client);
    if (!identity) return false;
    return authorizeConnect(this.scopeContext(), identity.certificateArn, clientId) === "Allow";
  }

  async listen(port: number, host: string): Promise<number> {
    this.aedes ??= await Aedes.createBroker({
      id: `iotdm-${randomUUID()}`,
      // A CONNECT the policies refuse closes the connection without CONNACK, as AWS IoT does.
      // (An error, not `false`: aedes then closes the connection instead of leaving it open.)
      preConnect: (client, packet, done) =>
        this.mayConnect(client, packet.clientId)
          ? done(null, true)
          : done(new Error(`iot:Connect denied for client ${packet.clientId}`), false),
    });
    this.aedes.on("publish", (packet, client) => {
      if (client && packet.topic.startsWith("$aws/"))
        this.reserved.dispatch({
          clientId: client.id,
          topic: packet.topic,
          payload: Buffer.from(packet.payload),
        });
    });
    // The mode is the one the instance started with (the admin API's `auth` switch is for HTTP).
    this.server ??= this.deps.settings.auth ? this.tlsServer() : createTcpServer((s) => this.accept(s));
    const server = this.server;
    this.boundPort = await new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        const addr = server.address();
        resolve(typeof addr === "object" && addr ? addr.port : port);
      });
    });
    return this.boundPort;
  }

  private tlsServer(): Server {
    const ca = sandboxCa(this.deps.settings.dataDir);
    const server = issueServerCertificate(ca, this.deps.settings.host);
    // requestCert without rejectUnauthorized: a certificate is judged by its record, not its
    // issuer (a registered certificate may come from any CA); the handshake still proves the
    // client holds its private key.
    const tls = createTlsServer(
      {
        key: server.keyPem,
        cert: server.certificatePem,
        ca: [ca.certificatePem],
        requestCert: true,
        rejectUnauthorized: false,
      },
      (socket) => this.acceptTls(socket),
    );
    tls.on("tlsClientError", (_err, socket) => socket.destroy());
    return tls;
  }

  private acceptTls(socket: TLSSocket): void {
    const certificate = socket.getPeerX509Certificate();
    const admission = certificate
      ? admitCertificate(this.scopeContext(), certificate.raw)
      : ({ admitted: false, reason: "no client certificate" } as const);
    if (!admission.admitted) {
      socket.destroy();
      return;
    }
    this.identities.set(socket, {
      certificateId: admission.certificateId,
      certificateArn: admission.certificateArn,
    });
    this.accept(socket);
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    this.transport.route(socket);
  }

  /** The broker serves the instance's own account and region (one endpoint each, as in AWS). */
  private scopeContext(
    origin: OperationContext["origin"] = { kind: "internal", name: "mqtt-broker" },
  ): OperationContext {
    const { accountId, region } = this.deps.settings;
    return this.deps.context({ scope: { accountId, region }, origin });
  }

  async close(): Promise<void> {
    this.transport.close();
    for (const socket of this.sockets) socket.destroy();
    await Promise.all([
      new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve())),
      new Promise<void>((resolve) => (this.aedes ? this.aedes.close(() => resolve()) : resolve())),
    ]);
  }
}
