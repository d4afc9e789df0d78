import { describe, expect, it } from "@jest/globals";
import { renderMessageRelay, renderRelay, type RelayReason } from "../../src/case/relay.js";

const advisoryUrl = "https://github.com/octo-org/widgets/security/advisories/GHSA-rely-0001-ab12";
const english: Record<RelayReason, string> = {
  "comments-api-unavailable": "(the advisory comments API is not available)",
  "comments-api-not-found": "(the advisory comments API answered 404)",
  "no-email-thread": "(the tracking issue has no e-mail thread to answer on)",
  "channel-not-writable": "(the case came in through issue, which Disclosure Desk cannot write to from the sweep)",
};
const dutch: Record<RelayReason, string> = {
  "comments-api-unavailable": "(de API voor reacties op advisories is niet beschikbaar)",
  "comments-api-not-found": "(de API voor reacties op advisories antwoordde 404)",
  "no-email-thread": "(de issue heeft geen e-mailgesprek om op te antwoorden)",
  "channel-not-writable": "(de zaak kwam binnen via issue, waarop Disclosure Desk vanuit de sweep niet kan schrijven)",
};
const reasons = Object.keys(english) as RelayReason[];

function relayNotes(language: "en" | "nl", reason: RelayReason): string[] {
  return [
    renderRelay(language, advisoryUrl, { message: "Thank you for your report.", reason, channel: "issue" }),
    renderMessageRelay(language, advisoryUrl, { message: "Thank you.", reason, channel: "issue" }),
  ];
}

describe("why a message must be relayed, in the case's language", () => {
  it.each(reasons)("a Dutch case says %s in Dutch, with no English reason", (reason) => {
    for (const note of relayNotes("nl", reason)) {
      expect(note).toContain(dutch[reason]);
      for (const sentence of Object.values(english)) expect(note).not.toContain(sentence);
    }
  });

  it.each(reasons)("control: an English case says %s as it always did", (reason) => {
    for (const note of relayNotes("en", reason)) expect(note).toContain(english[reason]);
  });
});
