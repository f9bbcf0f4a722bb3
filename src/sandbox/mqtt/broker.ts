/**
 * The sandbox's MQTT broker (aedes 2, MQTT 3.1.1 and 5; a v5 client's properties travel with its
 * messages): one port per instance for MQTT and MQTT over WebSocket (transport.ts).
 *
 * With authentication on, the port is TLS with mutual authentication, like AWS IoT's: the server
 * certificate is signed by the instance's CA (ca.ts), and the client must present a certificate
 * whose record is ACTIVE (broker-admission.ts, reached through an operation context as every
 * HTTP call is). A refused certificate gets no CONNACK: the connection is closed right after the
 * TLS handshake, as AWS IoT does (clients see the connection reset, not a CONNACK return code).
 * The CONNECT is then authorized by the connection's IoT policies (iot:Connect on
 * `client/<clientId>`, mqtt-authorization.ts), and so is every publish, subscribe and delivery
 * (guard.ts, with AWS's limits). A certificate made INACTIVE or REVOKED, or deleted, loses its
 * live connections. Lifecycle events and thing connectivity come from presence.ts.
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
import { MQTT_AUDIENCE, RESERVED_TOPICS } from "../services/iot-data/mqtt-answer.js";
import {
  connectionPolicies,
  MQTT_RESOURCE,
  type MqttAction,
  type MqttPrincipal,
} from "../services/iot/security/mqtt-authorization.js";
import type { Decision } from "../services/iot/security/policy-engine.js";
import { iotArn } from "../services/iot/common.js";
import { things } from "../services/iot/registry/model.js";
import type { OperationContext, ReservedTopicHandler } from "../services/types.js";
import { reachableAddress, type SandboxSettings } from "../settings.js";
import { ClientGuard, keepAliveApplied, MAX_CLIENT_ID_BYTES } from "./guard.js";
import { PolicyCache } from "./policy-cache.js";
import { Presence } from "./presence.js";
import { type PublishedEvent, ReservedTopics } from "./reserved-topics.js";
import { MQTT_CONNECT, MqttTransport, TLS_HANDSHAKE } from "./transport.js";
import { verifyWebSocketSignature } from "./websocket-auth.js";

/** What the broker knows of a connection admitted with a client certificate. */
export type DeviceIdentity =
  | {
      certificateId: string;
      certificateArn: string;
      /** The certificate's subject CN, when it has one. */
      commonName?: string;
    }
  /** A WebSocket connection signed with the sandbox's credentials (websocket-auth.ts). */
  | { accessKeyId: string };

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
  private readonly presence: Presence;
  private readonly guard: ClientGuard;
  private readonly policies: PolicyCache;

  constructor(private readonly deps: BrokerDeps) {
    const scope = `${deps.settings.accountId}:${deps.settings.region}`;
    this.presence = new Presence({
      events: deps.events,
      scope,
      now: () => this.scopeContext().clock.now().getTime(),
      isThing: (name) => things(this.scopeContext()).has(name),
    });
    const arnPrefix = iotArn(this.scopeContext(), "");
    this.policies = new PolicyCache({
      events: deps.events,
      scope,
      load: (principal) => connectionPolicies(this.scopeContext(), principal),
      resource: (action, name) => `${arnPrefix}${MQTT_RESOURCE[action]}/${name}`,
    });
    this.guard = new ClientGuard({
      auth: deps.settings.auth,
      decide: (principal, action, name) => this.decide(principal, action, name),
      closing: (client, reason) => this.presence.closing(client, reason),
    });
    deps.events.on((e) => {
      if (e.type === "certificate.disabled" && e.scope === scope)
        this.scopeContext().store.afterCommit(() => this.disconnectCertificate(e.certificateArn));
    });
    this.transport = new MqttTransport(
      (stream, request) => this.aedes?.handle(stream, request),
      (req) => this.admitWebSocket(req),
    );
    this.reserved = new ReservedTopics(
      deps.topics,
      (clientId) => this.scopeContext({ kind: "mqtt", clientId }),
      (topic, e) => deps.log(`iotdm sandbox: internal error answering ${topic}: ${String(e)}`),
    );
    this.scopeContext().runtime.provide(MQTT_AUDIENCE, { reaches: (topic) => this.reaches(topic) });
    this.scopeContext().runtime.provide(RESERVED_TOPICS, { dispatch: (r) => this.reserved.dispatch(r) });
    this.reserved.deliverEvents(deps.events, scope, (fn) => this.scopeContext().store.afterCommit(fn), {
      publishToSubscribers: (m) => this.aedes?.publish(packetOf(m), () => undefined),
      subscriptionsOf: (clientId) => {
        const client = this.connectedClient(clientId);
        return client
          ? Object.keys((client as unknown as { subscriptions: object }).subscriptions)
          : undefined;
      },
      publishToClient: (clientId, m) => this.connectedClient(clientId)?.publish(packetOf(m), () => undefined),
    });
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

  /** The connection's principal for policies; undefined without authentication. */
  private principalOf(client: Client, clientId: string): MqttPrincipal | undefined {
    const identity = this.identityOf(client);
    if (!identity) return undefined;
    if ("accessKeyId" in identity)
      return { certificateArn: "", clientId, iamAccessKeyId: identity.accessKeyId };
    return { certificateArn: identity.certificateArn, clientId, commonName: identity.commonName };
  }

  /** IoT policies decide for certificates; the sandbox's own credentials (IAM) are allowed everything. */
  private decide(principal: MqttPrincipal, action: MqttAction, name: string): Decision {
    return principal.iamAccessKeyId !== undefined ? "Allow" : this.policies.decide(principal, action, name);
  }

  /**
   * A WebSocket handshake over TLS: a connection admitted with a certificate proceeds; one
   * without a certificate must carry a valid SigV4 signature of the sandbox's credentials
   * (websocket-auth.ts), else 403. Plain WebSocket (`--no-auth`) is open.
   */
  private admitWebSocket(req: IncomingMessage): boolean {
    const { auth, accessKeyId, secretAccessKey } = this.deps.settings;
    if (!auth || this.identities.has(req.socket)) return true;
    const signer = verifyWebSocketSignature(
      req,
      (key) => (key === accessKeyId ? secretAccessKey : undefined),
      this.scopeContext().clock.now(),
    );
    if (signer === undefined) return false;
    this.identities.set(req.socket, { accessKeyId: signer });
    return true;
  }

  /**
   * AWS IoT's client id quota, then iot:Connect (mqtt-authorization.ts; any client without
   * authentication). A client id already connected is taken over, the other connection closed
   * with DUPLICATE_CLIENTID.
   */
  private mayConnect(client: Client, clientId: string): boolean {
    if (Buffer.byteLength(clientId, "utf8") > MAX_CLIENT_ID_BYTES) return false;
    const principal = this.principalOf(client, clientId);
    if (this.deps.settings.auth) {
      if (!principal) return false;
      if (this.decide(principal, "iot:Connect", clientId) !== "Allow") return false;
    }
    this.guard.admit(client, principal);
    const previous = this.connectedClient(clientId);
    if (previous) this.presence.closing(previous, "DUPLICATE_CLIENTID");
    return true;
  }

  /** Closes the connections admitted with a certificate that is no longer ACTIVE. */
  private disconnectCertificate(certificateArn: string): void {
    const clients =
      (this.aedes as unknown as { clients?: Record<string, Client> } | undefined)?.clients ?? {};
    for (const client of Object.values(clients)) {
      if (this.guard.principalOf(client)?.certificateArn !== certificateArn) continue;
      // Assumption: AWS's reason for a certificate deactivated under a live connection is AUTH_ERROR.
      this.presence.closing(client, "AUTH_ERROR");
      client.conn.destroy();
    }
  }

  /** Lifecycle events and connectivity (presence.ts) follow aedes's client events. */
  private followClients(aedes: Aedes): void {
    aedes.on("client", (client) => {
      const principal = this.guard.principalOf(client);
      const identity = principal && this.identityOf(client);
      const socket = (client.conn as unknown as { remoteAddress?: string }).remoteAddress;
      const req = (client as unknown as { req?: IncomingMessage }).req;
      this.presence.connected(
        client,
        !identity ? "anonymous" : "accessKeyId" in identity ? identity.accessKeyId : identity.certificateId,
        socket ?? req?.socket.remoteAddress,
      );
    });
    aedes.on("clientDisconnect", (client) => this.presence.disconnected(client));
    aedes.on("keepaliveTimeout", (client) => this.presence.closing(client, "MQTT_KEEP_ALIVE_TIMEOUT"));
    aedes.on("clientError", (client) => this.presence.closing(client, "CLIENT_ERROR"));
    aedes.on("subscribe", (subs, client) => {
      this.presence.subscriptions(
        client,
        "subscribed",
        subs.map((s) => s.topic),
      );
    });
    aedes.on("unsubscribe", (filters, client) => {
      this.guard.unsubscribed(client, filters);
      this.presence.subscriptions(client, "unsubscribed", filters);
    });
  }

  async listen(port: number, host: string): Promise<number> {
    this.aedes ??= await Aedes.createBroker({
      id: `iotdm-${randomUUID()}`,
      // A CONNECT the policies refuse closes the connection without CONNACK, as AWS IoT does.
      // (An error, not `false`: aedes then closes the connection instead of leaving it open.)
      preConnect: (client, packet, done) => {
        // aedes arms its keep-alive timer from this packet once the connection is admitted.
        packet.keepalive = keepAliveApplied(packet.keepalive ?? 0);
        if (this.mayConnect(client, packet.clientId)) done(null, true);
        else done(new Error(`iot:Connect denied for client ${packet.clientId}`), false);
      },
      authorizePublish: this.guard.authorizePublish,
      authorizeSubscribe: this.guard.authorizeSubscribe,
      authorizeForward: this.guard.authorizeForward,
      maxClientsIdLength: MAX_CLIENT_ID_BYTES,
    });
    this.followClients(this.aedes);
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
    // Without a certificate only a WebSocket handshake signed with SigV4 can go on (admitWebSocket);
    // an MQTT CONNECT on such a connection has no identity and is refused.
    if (!certificate) {
      this.accept(socket);
      return;
    }
    const admission = admitCertificate(this.scopeContext(), certificate.raw);
    if (!admission.admitted) {
      socket.destroy();
      return;
    }
    const commonName = /^CN=(.*)$/m.exec(certificate?.subject ?? "")?.[1];
    this.identities.set(socket, {
      certificateId: admission.certificateId,
      certificateArn: admission.certificateArn,
      ...(commonName !== undefined && { commonName }),
    });
    this.accept(socket);
  }

  /**
   * A connection to the HTTP port that opened with a TLS ClientHello or a plain MQTT CONNECT
   * (PROTO-20: AWS's data endpoint serves HTTPS and MQTT on one port): the broker takes it when
   * it speaks that (TLS with authentication, plain MQTT with `--no-auth`). Its first byte was
   * read and put back. False: not the broker's.
   */
  adopt(socket: Socket, firstByte: number | undefined): boolean {
    if (firstByte === TLS_HANDSHAKE && this.deps.settings.auth && this.server) {
      this.server.emit("connection", socket);
      return true;
    }
    if (firstByte === MQTT_CONNECT && !this.deps.settings.auth && this.aedes) {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => socket.destroy());
      this.aedes.handle(socket);
      return true;
    }
    return false;
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
