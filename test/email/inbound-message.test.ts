import { createHash } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { parseInboundMessage } from "../../src/email/inbound-message.js";
import { bounceOf, dutchReportWithAttachment, englishReport, replyTo, researcherAddress, securityAddress } from "./support.js";

describe("parseInboundMessage", () => {
  it("decodes quoted-printable UTF-8 text from multipart/alternative and keeps the threading headers", async () => {
    const message = await parseInboundMessage(Buffer.from(englishReport()));
    expect(message.messageId).toBe("<report-1@mail.example.net>");
    expect(message.subject).toBe("SQL injection in the widget search endpoint");
    expect(message.from).toEqual({ address: researcherAddress, name: "Rosa Researcher" });
    expect(message.recipients).toEqual([securityAddress]);
    expect(message.date?.toISOString()).toBe("2026-11-16T08:30:00.000Z");
    expect(message.text).toContain("GET /search?q=%27%20OR%201=1-- returns every row");
    expect(message.text).toContain("customer records — café included.");
    expect(message.attachments).toEqual([]);
  });

  it("reads a Dutch message in ISO-8859-1 and keeps an attachment as metadata only", async () => {
    const { raw, attachment } = dutchReportWithAttachment();
    const message = await parseInboundMessage(raw);
    expect(message.subject).toBe("Kwetsbaarheid in het inlogscherm één probleem");
    expect(message.from).toEqual({ address: "joel@voorbeeld.nl", name: "Joël de Vriës" });
    expect(message.text).toContain("Groeten, Joël (café-eigenaar)");
    expect(message.attachments).toEqual([
      {
        name: "schermafdruk.png",
        contentType: "image/png",
        size: attachment.length,
        sha256: createHash("sha256").update(attachment).digest("hex"),
      },
    ]);
    expect(JSON.stringify(message)).not.toContain(attachment.toString("base64"));
  });

  it("converts an HTML-only message to text", async () => {
    const raw = [
      `From: ${researcherAddress}`,
      `To: ${securityAddress}`,
      "Subject: XSS",
      "Message-ID: <html-1@mail.example.net>",
      "Content-Type: text/html; charset=utf-8",
      "",
      "<html><body><h1>Stored XSS</h1><p>The <b>comment</b> field renders <code>&lt;script&gt;</code> unescaped.</p></body></html>",
    ].join("\r\n");
    const message = await parseInboundMessage(Buffer.from(raw));
    expect(message.text).toContain("STORED XSS");
    expect(message.text).toContain("The comment field renders <script> unescaped.");
    expect(message.text).not.toContain("<b>");
  });

  it("names a message without a Message-ID by its bytes, so the same bytes are the same message", async () => {
    const raw = Buffer.from(`From: ${researcherAddress}\r\nTo: ${securityAddress}\r\nSubject: no id\r\n\r\nbody\r\n`);
    const first = await parseInboundMessage(raw);
    const again = await parseInboundMessage(Buffer.from(raw));
    const other = await parseInboundMessage(Buffer.from(`${raw.toString()}more\r\n`));
    expect(first.messageId).toMatch(/^<sha256\.[0-9a-f]{64}@disclosure-desk\.invalid>$/);
    expect(again.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
  });

  it("routes by Delivered-To when the visible To is a list or a Bcc", async () => {
    const raw = `From: ${researcherAddress}\r\nTo: undisclosed-recipients:;\r\nDelivered-To: ${securityAddress.toUpperCase()}\r\nSubject: bcc\r\nMessage-ID: <bcc@x>\r\n\r\nbody\r\n`;
    expect((await parseInboundMessage(Buffer.from(raw))).recipients).toEqual([securityAddress]);
  });

  it("tells a person's message from a machine's, and finds our message quoted in a bounce", async () => {
    const person = await parseInboundMessage(Buffer.from(englishReport()));
    expect(person).toMatchObject({ automated: false, deliveryFailure: false, quotedOwnMessageIds: [] });
    const bounce = await parseInboundMessage(Buffer.from(bounceOf("<dd.0123456789ab.acknowledgement@example.org>")));
    expect(bounce).toMatchObject({
      automated: true,
      deliveryFailure: true,
      quotedOwnMessageIds: ["<dd.0123456789ab.acknowledgement@example.org>"],
    });
    const outOfOffice = await parseInboundMessage(
      Buffer.from(replyTo("<x@y>").replace("Subject:", "Auto-Submitted: auto-replied\r\nSubject:")),
    );
    expect(outOfOffice).toMatchObject({ automated: true, deliveryFailure: false });
  });
});
