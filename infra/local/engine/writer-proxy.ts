/**
 * The writer instance's endpoint. On RDS its DNS name follows a Multi-AZ
 * failover to the new primary; here a TCP forwarder on the endpoint's port
 * follows whichever physical node is the writer, so clients never change
 * their configuration. TLS passes through end to end.
 */
import net from "node:net";
import type pino from "pino";

export class WriterProxy {
  private readonly server: net.Server;
  /** Open sockets, with the node port their session goes to. */
  private readonly sockets = new Map<net.Socket, number>();
  private target: number | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly log: pino.Logger,
  ) {
    this.server = net.createServer((client) => this.forward(client));
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen({ host: this.host, port: this.port, exclusive: true }, () => {
        this.server.off("error", reject);
        this.server.on("error", (error) => this.log.error({ err: error, port: this.port }, "writer endpoint failed"));
        resolve();
      });
    });
  }

  /**
   * Points the endpoint at a node's port; undefined refuses new connections.
   * Sessions already open stay until their node closes them — a writer's clean
   * shutdown still streams its last WAL to followers connected through here —
   * but moving to a new node cuts every session to the old one, as a failover does.
   */
  route(nodePort: number | undefined): void {
    if (nodePort === this.target) return;
    this.target = nodePort;
    if (nodePort === undefined) return;
    for (const [socket, port] of this.sockets) if (port !== nodePort) socket.destroy();
  }

  private forward(client: net.Socket): void {
    const target = this.target;
    if (target === undefined) {
      client.destroy();
      return;
    }
    client.setNoDelay(true);
    const upstream = net.connect({ host: this.host, port: target });
    upstream.setNoDelay(true);
    this.sockets.set(client, target);
    this.sockets.set(upstream, target);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  close(): Promise<void> {
    for (const socket of this.sockets.keys()) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
