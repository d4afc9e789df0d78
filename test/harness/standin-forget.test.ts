import { describe, expect, it } from "@jest/globals";
import { StandInState } from "./standin/state.js";

/** What a long benchmark relies on: the stand-in can forget old issues and advisories, and keeps the newest intact. */
describe("the stand-in forgetting all but its newest issues and advisories", () => {
  function world(issues: number) {
    const state = new StandInState();
    state.seedOrganization("octo-org");
    const tracking = state.seedRepository("octo-org/security-cases", { private: true });
    const researcher = state.seedUser("rosa-researcher");
    for (let index = 0; index < issues; index++) {
      const issue = state.createIssue(tracking, { title: `Case ${index}`, body: null, labels: [], user: researcher });
      state.createComment(tracking, issue, `Comment on case ${index}`, researcher);
      state.seedAdvisory("octo-org/security-cases", { ghsaId: `GHSA-0000-0000-${String(index).padStart(4, "0")}`, author: researcher });
    }
    return { state, tracking };
  }

  it("keeps only the newest issues, their comments and the newest advisories", () => {
    const { state, tracking } = world(5);
    state.forgetAllBut(2);
    expect([...tracking.issues.values()].map((issue) => issue.title)).toEqual(["Case 3", "Case 4"]);
    expect([...tracking.comments.values()].map((comment) => comment.body)).toEqual(["Comment on case 3", "Comment on case 4"]);
    expect([...tracking.advisories.keys()]).toEqual(["GHSA-0000-0000-0003", "GHSA-0000-0000-0004"]);
    expect(tracking.nextIssueNumber).toBe(6);
  });

  it("forgets nothing while a repository holds no more than it keeps (control)", () => {
    const { state, tracking } = world(2);
    state.forgetAllBut(2);
    expect(tracking.issues.size).toBe(2);
    expect(tracking.comments.size).toBe(2);
    expect(tracking.advisories.size).toBe(2);
  });
});
