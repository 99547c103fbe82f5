// One pool of keep-alive connections for every SDK client of the process. A run builds a dozen
// clients per member account; with an agent of their own each would open (and TLS-handshake) new
// connections for every account. Clients are still destroyed per account: the shared agents are not.
import { Agent as HttpAgent, type AgentOptions } from "node:http";
import { Agent as HttpsAgent } from "node:https";

/** Per endpoint host: what one process may have in flight to one service in one region. */
export const MAX_SOCKETS_PER_HOST = 64;

const options: AgentOptions = { keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST };

/** destroy() from one client's request handler must not close the sockets the others use. */
class SharedHttpAgent extends HttpAgent {
  override destroy(): void {}
}
class SharedHttpsAgent extends HttpsAgent {
  override destroy(): void {}
}

const httpAgent = new SharedHttpAgent(options);
const httpsAgent = new SharedHttpsAgent(options);

/** The `requestHandler` option of every SDK client the collector creates. */
export function sharedRequestHandler(): { httpAgent: HttpAgent; httpsAgent: HttpsAgent } {
  return { httpAgent, httpsAgent };
}
