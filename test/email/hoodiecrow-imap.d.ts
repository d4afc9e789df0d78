/** hoodiecrow-imap (a scriptable IMAP server for tests) ships no types: the part the poller tests use. */
declare module "hoodiecrow-imap" {
  import type { Server } from "node:net";

  interface HoodiecrowMessage {
    raw: string;
    flags?: string[];
    uid?: number;
  }

  interface HoodiecrowOptions {
    plugins?: string[];
    users?: Record<string, { password: string }>;
    storage: Record<string, { messages?: HoodiecrowMessage[]; separator?: string; folders?: Record<string, unknown> }>;
  }

  interface HoodiecrowServer {
    server: Server;
    listen(port: number, host: string, callback: () => void): void;
    close(callback: () => void): void;
  }

  export default function hoodiecrow(options: HoodiecrowOptions): HoodiecrowServer;
}
