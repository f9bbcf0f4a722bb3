/** Whether a TCP port can be listened on here (a sandbox about to start needs it free). */
import { createServer } from "node:net";

export function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
