import { issueCommentObject, repositoryAdvisoryObject, userObject } from "../fixtures/github-objects.js";
import { researcher } from "../fixtures/webhook-payloads.js";
import { fakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "../helpers/fake-github.js";

/**
 * The intake's fake GitHub plus what the conversation needs: collaborator permissions, tracking-issue comments, the
 * advisory (read and update) and git blobs. Every request is still validated against GitHub's REST description.
 */

export interface ConversationGitHub extends FakeGitHub {
  /** Comments posted on tracking issues, per `owner/name#number`. */
  issueComments: Map<string, string[]>;
  /** The bodies of advisory updates, in order. */
  advisoryUpdates: unknown[];
}

export interface ConversationGitHubOptions extends FakeGitHubOptions {
  /** Role names per login on the tracking repository; a login not listed is not a collaborator (404). */
  roles?: Record<string, string>;
  blobs?: Record<string, string>;
}

export function conversationGitHub(options: ConversationGitHubOptions = {}): ConversationGitHub {
  const github = fakeGitHub(options);
  const { scope } = github.mock;
  const issueComments = new Map<string, string[]>();
  const advisoryUpdates: unknown[] = [];
  let nextCommentId = 2_500_000_000;

  scope
    .persist()
    .get(/^\/repos\/[^/]+\/[^/]+\/collaborators\/[^/]+\/permission$/)
    .reply((uri) => {
      const login = decodeURIComponent(uri.split("/")[5] ?? "");
      const role = options.roles?.[login];
      if (role === undefined) return [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" }];
      const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
      return [200, { permission, role_name: role, user: { ...userObject(login, 9_400_000 + login.length), permissions: { admin: role === "admin", maintain: role === "maintain", push: permission === "write" || permission === "admin", triage: role !== "read", pull: true }, role_name: role } }];
    });

  scope
    .persist()
    .post(/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/)
    .reply((uri, body) => {
      const parts = uri.split("/");
      const key = `${parts[2]}/${parts[3]}#${parts[5]}`;
      const text = (body as { body: string }).body;
      issueComments.set(key, [...(issueComments.get(key) ?? []), text]);
      const id = nextCommentId++;
      return [201, issueCommentObject({ repositoryFullName: `${parts[2]}/${parts[3]}`, issueNumber: Number(parts[5]), id, body: text, user: userObject("disclosure-desk[bot]", 9_300_001, "Bot"), createdAt: "2026-11-17T10:15:05Z" })];
    });

  // The sweep looks for its markers before it posts.
  scope
    .persist()
    .get(/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments(\?.*)?$/)
    .reply((uri) => {
      const parts = new URL(uri, "https://api.github.com").pathname.split("/");
      const texts = issueComments.get(`${parts[2]}/${parts[3]}#${parts[5]}`) ?? [];
      const bot = userObject("disclosure-desk[bot]", 9_300_001, "Bot");
      return [200, texts.map((text, index) => issueCommentObject({ repositoryFullName: `${parts[2]}/${parts[3]}`, issueNumber: Number(parts[5]), id: 2_400_900_000 + index, body: text, user: bot, createdAt: "2026-11-17T10:15:05Z" }))];
    });

  const advisoryPath = /^\/repos\/[^/]+\/[^/]+\/security-advisories\/GHSA[^/]+$/;
  const advisory = (uri: string) => {
    const parts = uri.split("/");
    return repositoryAdvisoryObject({
      repositoryFullName: `${parts[2]}/${parts[3]}`,
      ghsaId: parts[5] ?? "",
      summary: "SQL injection in the widget search endpoint",
      description: "The q parameter of /api/search is concatenated into SQL.",
      severity: "high",
      cvssVector: null,
      cvssScore: null,
      state: "triage",
      author: researcher,
      vulnerabilities: [],
      cweIds: [],
      credits: [],
      submissionAccepted: null,
      createdAt: "2026-11-16T08:30:00Z",
    });
  };
  scope.persist().get(advisoryPath).reply((uri) => [200, advisory(uri)]);
  scope
    .persist()
    .patch(advisoryPath)
    .reply((uri, body) => {
      advisoryUpdates.push(body);
      return [200, advisory(uri)];
    });

  scope
    .persist()
    .get(/^\/repos\/[^/]+\/[^/]+\/git\/blobs\/[0-9a-f]+$/)
    .reply((uri) => {
      const sha = uri.split("/").at(-1) ?? "";
      const text = options.blobs?.[sha];
      if (text === undefined) return [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" }];
      return [200, { sha, node_id: `B_${sha.slice(0, 8)}`, size: text.length, url: `https://api.github.com${uri}`, content: Buffer.from(text).toString("base64"), encoding: "base64" }];
    });

  return { ...github, issueComments, advisoryUpdates };
}
