/**
 * One port carries MQTT and MQTT over WebSocket, as AWS IoT's endpoint does (port 443 serves
 * both; WebSocket clients connect to `wss://<endpoint>/mqtt` with the `mqtt` subprotocol). The
 * first byte tells them apart: an MQTT CONNECT packet starts with 0x10, a WebSocket handshake
 * with an HTTP method.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { createWebSocketStream, WebSocketServer } from "ws";

export const MQTT_CONNECT = 0x10;
/** The first byte of a TLS record carrying a handshake (the ClientHello). */
export const TLS_HANDSHAKE = 0x16;
export const WEBSOCKET_PATH = "/mqtt";
const FIRST_BYTE_TIMEOUT_MS = 30_000;

export type StreamHandler = (stream: Duplex, request?: IncomingMessage) => void;

export class MqttTransport {
  private readonly handshakes = createServer();
  private readonly websockets = new WebSocketServer({
    noServer: true,
    // AWS IoT speaks MQTT only with the `mqtt` subprotocol; mqtt.js 3.1 clients offer `mqttv3.1`.
    handleProtocols: (offered) => (offered.has("mqtt") ? "mqtt" : (offered.values().next().value ?? false)),
  });

  constructor(
    private readonly handle: StreamHandler,
    /** Whether a WebSocket handshake may proceed (false: 403, as AWS refuses a bad signature). */
    private readonly admitUpgrade: (req: IncomingMessage) => boolean = () => true,
  ) {
    this.handshakes.on("request", (_req, res) => {
      res.writeHead(426, { "content-type": "text/plain", upgrade: "websocket", connection: "close" });
      res.end(`MQTT over WebSocket: connect to ${WEBSOCKET_PATH} with the mqtt subprotocol\n`);
    });
    this.handshakes.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (req.url ?? "").split("?")[0];
      if (path !== WEBSOCKET_PATH) {
        socket.end("HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
        return;
      }
      if (!this.admitUpgrade(req)) {
        socket.end("HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
        return;
      }
      this.websockets.handleUpgrade(req, socket, head, (ws) => {
        const stream = createWebSocketStream(ws);
        stream.on("error", () => stream.destroy());
        this.handle(stream, req);
      });
    });
  }

  /** Hands an accepted connection to the MQTT broker or to the WebSocket handshake, by its first byte. */
  route(socket: Socket): void {
    onFirstByte(socket, (first) => {
      if (first === MQTT_CONNECT) {
        this.handle(socket);
      } else {
        this.handshakes.emit("connection", socket);
        socket.resume();
      }
    });
  }

  close(): void {
    for (const client of this.websockets.clients) client.terminate();
    this.websockets.close();
    this.handshakes.close();
  }
}

/**
 * Calls `then` with the connection's first byte, the byte put back and the socket paused, so
 * whoever `then` hands it to reads the whole stream.
 */
export function onFirstByte(socket: Socket, then: (first: number | undefined) => void): void {
  // A connection that says nothing is not kept open forever (aedes and the HTTP parser time out later ones).
  socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, () => socket.destroy());
  socket.once("data", (chunk: Buffer) => {
    socket.setTimeout(0);
    socket.pause();
    socket.unshift(chunk);
    then(chunk[0]);
  });
}
