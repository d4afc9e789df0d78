import { createHash } from "node:crypto";
import { mockGitHub, type GitHubMock } from "../harness/github-mock.js";
import { repositoryObject } from "../fixtures/github-objects.js";
import { octoOrg } from "../fixtures/webhook-payloads.js";

/**
 * The organisation's `.github` repository behind nock, with branches, its config file and pull requests — only that
 * repository, so it can sit in front of the conversation fake (create it first: nock answers with the first
 * interceptor that matches). Every request is validated against GitHub's REST description.
 */

export interface OrgConfigPull {
  number: number;
  head: string;
  title: string;
  body: string;
  state: "open" | "closed";
}

export interface OrgConfigGitHub {
  mock: GitHubMock;
  pulls: OrgConfigPull[];
  file(branch?: string): string | undefined;
}

const PATH = ".github/disclosure.yml";
const REPOSITORY = /^\/repos\/octo-org\/\.github/;
const notFound = { message: "Not Found", documentation_url: "https://docs.github.com/rest" };

export function orgConfigGitHub(config: string): OrgConfigGitHub {
  const mock = mockGitHub();
  const { scope } = mock;
  const branches = new Map<string, string | undefined>([["main", config]]);
  const shas = new Map<string, string>();
  const pulls: OrgConfigPull[] = [];
  const commitOf = (branch: string) => createHash("sha1").update(`${branch}\0${branches.get(branch) ?? ""}`).digest("hex");
  const blobSha = (text: string) => createHash("sha1").update(`blob ${Buffer.byteLength(text)}\0`).update(text).digest("hex");
  const body = (raw: unknown) => (typeof raw === "string" ? JSON.parse(raw) : raw) as Record<string, unknown>;
  const branchOf = (uri: string) => decodeURIComponent(/\/git\/refs?\/heads\/(.+)$/.exec(decodeURIComponent(uri))?.[1] ?? "");

  scope
    .persist()
    .get(/^\/repos\/octo-org\/\.github$/)
    .reply(200, { ...repositoryObject({ owner: octoOrg, name: ".github", id: 7_300_900, private: false }), default_branch: "main" });
  scope
    .persist()
    .get(new RegExp(`${REPOSITORY.source}\\/git\\/ref\\/heads(\\/|%2F).+$`, "i"))
    .reply((uri) => {
      const branch = branchOf(uri);
      return branches.has(branch) ? [200, { ref: `refs/heads/${branch}`, node_id: "REF_1", url: "https://api.github.com", object: { sha: shas.get(branch) ?? commitOf(branch), type: "commit", url: "https://api.github.com" } }] : [404, notFound];
    });
  scope
    .persist()
    .post(new RegExp(`${REPOSITORY.source}\\/git\\/refs$`))
    .reply((_uri, raw) => {
      const { ref, sha } = body(raw) as { ref: string; sha: string };
      const branch = ref.replace(/^refs\/heads\//, "");
      branches.set(branch, branches.get("main"));
      shas.set(branch, sha);
      return [201, { ref, node_id: "REF_2", url: "https://api.github.com", object: { sha, type: "commit", url: "https://api.github.com" } }];
    });
  scope
    .persist()
    .patch(new RegExp(`${REPOSITORY.source}\\/git\\/refs\\/heads(\\/|%2F).+$`, "i"))
    .reply((uri, raw) => {
      const branch = branchOf(uri);
      const { sha } = body(raw) as { sha: string };
      branches.set(branch, branches.get("main"));
      shas.set(branch, sha);
      return [200, { ref: `refs/heads/${branch}`, node_id: "REF_3", url: "https://api.github.com", object: { sha, type: "commit", url: "https://api.github.com" } }];
    });
  scope
    .persist()
    .get(new RegExp(`${REPOSITORY.source}\\/contents\\/.+`))
    .reply(function (uri) {
      const url = new URL(uri, "https://api.github.com");
      const text = decodeURIComponent(url.pathname).endsWith(PATH) ? branches.get(url.searchParams.get("ref") ?? "main") : undefined;
      if (text === undefined) return [404, notFound];
      if (String(this.req.headers.accept ?? "").includes("raw")) return [200, text, { "content-type": "application/vnd.github.raw; charset=utf-8", etag: `"${blobSha(text)}"` }];
      return [200, { type: "file", name: "disclosure.yml", path: PATH, sha: blobSha(text), size: text.length, encoding: "base64", content: Buffer.from(text).toString("base64"), url: "https://api.github.com", git_url: null, html_url: null, download_url: null, _links: { self: "https://api.github.com", git: null, html: null } }];
    });
  scope
    .persist()
    .put(new RegExp(`${REPOSITORY.source}\\/contents\\/.+`))
    .reply((_uri, raw) => {
      const { content, branch } = body(raw) as { content: string; branch: string };
      const text = Buffer.from(content, "base64").toString("utf8");
      branches.set(branch, text);
      return [200, { content: { name: "disclosure.yml", path: PATH, sha: blobSha(text) }, commit: { sha: commitOf(branch) } }];
    });
  scope
    .persist()
    .get(new RegExp(`${REPOSITORY.source}\\/pulls(\\?.*)?$`))
    .reply((uri) => {
      const url = new URL(uri, "https://api.github.com");
      const head = url.searchParams.get("head");
      const state = url.searchParams.get("state") ?? "open";
      const found = pulls.filter((pull) => `octo-org:${pull.head}` === head && pull.state === state);
      return [200, found.map((pull) => ({ number: pull.number, html_url: `https://github.com/octo-org/.github/pull/${pull.number}`, title: pull.title, body: pull.body, state: pull.state }))];
    });
  scope
    .persist()
    .post(new RegExp(`${REPOSITORY.source}\\/pulls$`))
    .reply((_uri, raw) => {
      const { head, title, body: text } = body(raw) as { head: string; title: string; body: string };
      const pull: OrgConfigPull = { number: pulls.length + 1, head, title, body: text, state: "open" };
      pulls.push(pull);
      return [201, { number: pull.number, html_url: `https://github.com/octo-org/.github/pull/${pull.number}`, title, body: text, state: "open" }];
    });
  scope
    .persist()
    .patch(new RegExp(`${REPOSITORY.source}\\/pulls\\/\\d+$`))
    .reply((uri, raw) => {
      const pull = pulls.find((candidate) => candidate.number === Number(uri.split("/").pop()));
      if (!pull) return [404, notFound];
      const { title, body: text, state } = body(raw) as { title?: string; body?: string; state?: "open" | "closed" };
      if (title !== undefined) pull.title = title;
      if (text !== undefined) pull.body = text;
      if (state !== undefined) pull.state = state;
      return [200, { number: pull.number, html_url: `https://github.com/octo-org/.github/pull/${pull.number}`, title: pull.title, body: pull.body, state: pull.state }];
    });

  return { mock, pulls, file: (branch = "main") => branches.get(branch) };
}
