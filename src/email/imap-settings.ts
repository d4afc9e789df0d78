/** Where and how often the IMAP poller reads (IMAP_URL); parsing it loads no IMAP client. */

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
  intervalMs: number;
  batch: number;
}

/** `imaps://user:password@imap.example.org:993/Security` (the folder defaults to INBOX). */
export function parseImapUrl(url: string, intervalSeconds = 60, batch = 50): ImapSettings {
  const parsed = new URL(url);
  if (parsed.protocol !== "imap:" && parsed.protocol !== "imaps:") throw new Error("IMAP_URL must start with imap:// or imaps://");
  const secure = parsed.protocol === "imaps:";
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    mailbox: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "INBOX",
    intervalMs: intervalSeconds * 1000,
    batch,
  };
}
