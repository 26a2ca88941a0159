import type { Socket } from 'node:net';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { Aedes, type AedesPublishPacket, type Client, type PublishPacket } from 'aedes';
import type { LocalCa } from './ca.ts';
import { authorizeTopic, identityOf, type TopicRequest } from './topic-policy.ts';

/**
 * The local IoT Core: aedes (MQTT 3.1.1, like the device SDK's `mqtt` client) over mutual TLS.
 * A client is who its verified certificate says (subject CN), never what it claims: as with a
 * thing policy's `iot:Connect` on `client/${iot:Connection.Thing.ThingName}`, the client id
 * must equal the CN. Every publish (a last will too) and subscribe goes through topic-policy.ts.
 * Denied subscriptions get SUBACK 128; a denied publish is dropped and its connection closed,
 * as IoT Core does with MQTT 3.1.1 clients.
 */
export interface LocalBrokerOptions {
  /** The CA whose server certificate the broker presents and whose client certificates it trusts. */
  readonly ca: Pick<LocalCa, 'caCert' | 'server'>;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 8883 (IoT Core's); 0 picks a free one. */
  readonly port?: number;
  /** Told of every refusal (handshake, connect, publish, subscribe); default: a line on stderr. */
  readonly onDenied?: (denial: Denial) => void;
}

/** A refused connection or operation, for the log: who, what, and why. */
export interface Denial {
  readonly what: 'handshake' | 'connect' | 'publish' | 'subscribe';
  /** Certificate CN, when the handshake got that far. */
  readonly identity?: string;
  readonly topic?: string;
  readonly reason: string;
}

/** A message published from inside this process on behalf of an identity. */
export interface LocalMessage {
  readonly topic: string;
  readonly payload: Buffer | string;
  readonly qos: 0 | 1;
  readonly retain: boolean;
}

/** What an in-process subscriber receives. */
export interface ReceivedMessage {
  readonly topic: string;
  readonly payload: Buffer;
  readonly retain: boolean;
}

export interface LocalBroker {
  readonly host: string;
  readonly port: number;
  /** `host:port`, what the agent's cloud link takes as its endpoint. */
  readonly endpoint: string;
  readonly aedes: Aedes;
  /** Publishes as `identity` after the same policy check a client's publish gets. */
  publishAs(identity: string, message: LocalMessage): Promise<void>;
  /** Subscribes in-process as `identity` after the policy check; resolves to an unsubscribe. */
  subscribeAs(
    identity: string,
    filter: string,
    onMessage: (message: ReceivedMessage) => void,
  ): Promise<() => Promise<void>>;
  stop(): Promise<void>;
}

/** Refused with a reason (the policy's words), for publishAs/subscribeAs callers. */
export class TopicDeniedError extends Error {
  constructor(
    readonly identity: string,
    readonly request: TopicRequest,
    reason: string,
  ) {
    super(`${identity} may not ${request.action} ${request.topic}: ${reason}`);
    this.name = 'TopicDeniedError';
  }
}

/** MQTT CONNACK return code 5. */
const NOT_AUTHORIZED = 5;

/** Starts the broker and resolves once it listens. */
export async function startLocalBroker(options: LocalBrokerOptions): Promise<LocalBroker> {
  const host = options.host ?? '127.0.0.1';
  const onDenied = options.onDenied ?? logDenial;
  /** Verified CN by client, taken at CONNECT: the will is authorised after the socket is gone. */
  const identities = new WeakMap<Client, string>();
  /** Why a CONNECT was refused, from preConnect (which sees the packet) to authenticate (which answers). */
  const refusals = new WeakMap<Client, string>();

  const aedes = await Aedes.createBroker({
    preConnect(client, packet, done) {
      const cn = peerCommonName(client.conn as TLSSocket);
      const refusal = refusalOf(cn, packet.clientId, packet.will);
      if (cn !== undefined) identities.set(client, cn);
      if (refusal) {
        refusals.set(client, refusal);
        onDenied({ what: 'connect', identity: cn, reason: refusal });
      }
      done(null, true);
    },
    authenticate(client, _username, _password, done) {
      const refusal = refusals.get(client);
      if (!refusal) return done(null, true);
      done(Object.assign(new Error(refusal), { returnCode: NOT_AUTHORIZED }), false);
    },
    authorizePublish(client, packet, done) {
      const identity = client ? identities.get(client) : undefined;
      const reason = publishRefusal(identity, packet);
      if (!reason) return done(null);
      onDenied({ what: 'publish', identity, topic: packet.topic, reason });
      done(new Error(reason));
    },
    authorizeSubscribe(client, subscription, done) {
      const identity = identities.get(client);
      const request = { action: 'subscribe', topic: subscription.topic } as const;
      const decision = identity ? authorizeTopic(identity, request) : undefined;
      if (decision?.allowed) {
        // IoT Core has no QoS 2: it grants at most 1.
        return done(null, { ...subscription, qos: Math.min(subscription.qos, 1) as 0 | 1 });
      }
      const reason = decision?.reason ?? 'no verified identity';
      onDenied({ what: 'subscribe', identity, topic: subscription.topic, reason });
      done(null, null); // SUBACK 128 for this filter; the connection stays up
    },
  });

  const sockets = new Set<Socket>();
  const server = createServer(
    {
      key: options.ca.server.key,
      cert: options.ca.server.cert,
      ca: options.ca.caCert,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (socket) => aedes.handle(socket),
  );
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', (error) => onDenied({ what: 'handshake', reason: error.message }));
  // A client that goes away mid-session is routine for a broker; aedes reports it, we do not crash.
  aedes.on('clientError', () => {});
  aedes.on('connectionError', () => {});

  let port: number;
  try {
    port = await listen(server, options.port ?? 8883, host);
  } catch (error) {
    await new Promise<void>((done) => aedes.close(() => done()));
    throw error;
  }

  const publishAs = (identity: string, message: LocalMessage) => {
    const request = { action: 'publish', topic: message.topic, retain: message.retain } as const;
    const decision = authorizeTopic(identity, request);
    if (!decision.allowed) return Promise.reject(new TopicDeniedError(identity, request, decision.reason));
    const packet = {
      cmd: 'publish',
      topic: message.topic,
      payload: Buffer.from(message.payload),
      qos: message.qos,
      retain: message.retain,
      dup: false,
    } satisfies PublishPacket;
    // aedes.publish skips authorizePublish (it is the broker speaking): the check above stands in.
    return new Promise<void>((done, fail) =>
      aedes.publish(packet, (error) => (error ? fail(error) : done())),
    );
  };

  const subscribeAs = async (
    identity: string,
    filter: string,
    onMessage: (message: ReceivedMessage) => void,
  ) => {
    const request = { action: 'subscribe', topic: filter } as const;
    const decision = authorizeTopic(identity, request);
    if (!decision.allowed) throw new TopicDeniedError(identity, request, decision.reason);
    const deliver = (packet: AedesPublishPacket, done: () => void) => {
      // aedes' own $SYS traffic never matches a motcua filter, but a '+' would match nothing else.
      try {
        onMessage({ topic: packet.topic, payload: Buffer.from(packet.payload), retain: packet.retain });
      } finally {
        done(); // before returning, or aedes stalls other subscribers of the topic
      }
    };
    await new Promise<void>((done) => aedes.subscribe(filter, deliver, done));
    return () => new Promise<void>((done) => aedes.unsubscribe(filter, deliver, done));
  };

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      await new Promise<void>((done) => aedes.close(() => done()));
      // Clients aedes never adopted (mid-handshake, refused) still hold sockets open.
      for (const socket of sockets) socket.destroy();
      await closed;
    })();
    return stopping;
  };

  return { host, port, endpoint: `${endpointHost(host)}:${port}`, aedes, publishAs, subscribeAs, stop };
}

/** Why a CONNECT must be refused, or undefined when it may proceed. */
function refusalOf(
  cn: string | undefined,
  clientId: string,
  will: { topic: string; retain?: boolean } | undefined,
): string | undefined {
  if (cn === undefined) return 'no verified client certificate';
  if (!identityOf(cn)) return `certificate ${cn} is neither a ward agent nor the cloud`;
  if (clientId !== cn) return `client id ${JSON.stringify(clientId)} is not the certificate's ${cn}`;
  if (will) {
    // IoT Core checks the last will at connect time: an agent cannot plant a will for another ward.
    const decision = authorizeTopic(cn, {
      action: 'publish',
      topic: will.topic,
      retain: will.retain ?? false,
    });
    if (!decision.allowed) return `last will on ${will.topic} refused: ${decision.reason}`;
  }
  return undefined;
}

function publishRefusal(identity: string | undefined, packet: PublishPacket): string | undefined {
  if (identity === undefined) return 'no verified identity';
  if (packet.qos === 2) return 'QoS 2 is not supported (IoT Core accepts 0 and 1)';
  const decision = authorizeTopic(identity, {
    action: 'publish',
    topic: packet.topic,
    retain: packet.retain,
  });
  return decision.allowed ? undefined : decision.reason;
}

function peerCommonName(socket: TLSSocket): string | undefined {
  // rejectUnauthorized already refused unverified peers; the check keeps a plain socket out too.
  if (typeof socket.getPeerCertificate !== 'function' || !socket.authorized) return undefined;
  const cn = socket.getPeerCertificate().subject?.CN;
  return typeof cn === 'string' && cn.length > 0 ? cn : undefined;
}

function logDenial(denial: Denial): void {
  const who = denial.identity ?? 'unknown client';
  const topic = denial.topic ? ` ${denial.topic}` : '';
  process.stderr.write(`[iot] ${denial.what} refused for ${who}${topic}: ${denial.reason}\n`);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      const address = server.address();
      done(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

function endpointHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host;
}
