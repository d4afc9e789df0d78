import { describe, expect, it } from "@jest/globals";
import { publicTrackingWarning } from "../../src/case/plan-intake.js";

describe("the notice that a tracking repository is not private", () => {
  it("says an internal repository is internal, in each language", () => {
    const english = publicTrackingWarning("en", { repository: "octo-org/security-cases", visibility: "internal" });
    expect(english.body).toContain("**internal**: everyone in the enterprise can read it");
    expect(publicTrackingWarning("nl", { repository: "octo-org/security-cases", visibility: "internal" }).body).toContain("**intern**");
  });

  it("control: a public repository, or one whose visibility the channel did not learn, is called public", () => {
    for (const visibility of ["public", undefined] as const) {
      const notice = publicTrackingWarning("en", { repository: "octo-org/security-cases", visibility });
      expect(notice.body).toContain("this repository is **public**");
      expect(notice.body).not.toContain("**internal**");
      expect(notice).toMatchObject({ type: "warnPublicTrackingRepository", repository: "octo-org/security-cases" });
    }
  });
});
