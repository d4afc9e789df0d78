/**
 * The repository security advisory comments API, in public preview since GitHub's changelog of 2026-10-02
 * ("list, get, add and edit comments on repository security advisories, including those created from private
 * vulnerability reports; same access as the advisory: the repository advisories permission").
 *
 * `@octokit/openapi` 23.0.2 does not describe it yet, so this fragment does, in the same OpenAPI 3.0 dialect. It is
 * merged into GitHub's description when the harness loads it: `#/components/...` references resolve against
 * GitHub's components (`simple-user`, `author-association`, the shared parameters). Once GitHub publishes the API,
 * delete the fragment and compare the two.
 */

const commentIdParameter = {
  name: "comment_id",
  description: "The unique identifier of the advisory comment.",
  in: "path",
  required: true,
  schema: { type: "integer", format: "int64" },
} as const;

const commentBody = {
  required: true,
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: { body: { type: "string", description: "The comment text (Markdown)." } },
        required: ["body"],
        additionalProperties: false,
      },
    },
  },
} as const;

const advisoryParameters = [
  { $ref: "#/components/parameters/owner" },
  { $ref: "#/components/parameters/repo" },
  { $ref: "#/components/parameters/ghsa_id" },
] as const;

const xGithub = {
  githubCloudOnly: false,
  enabledForGitHubApps: true,
  category: "security-advisories",
  subcategory: "repository-advisory-comments",
} as const;

const commentResponse = {
  description: "Response",
  content: {
    "application/json": { schema: { $ref: "#/components/schemas/repository-advisory-comment" } },
  },
} as const;

export const advisoryCommentsPreview = {
  openapi: "3.0.3",
  info: { title: "Repository security advisory comments (public preview)", version: "2026-10-02" },
  "x-preview": true,
  paths: {
    "/repos/{owner}/{repo}/security-advisories/{ghsa_id}/comments": {
      get: {
        operationId: "security-advisories/list-repository-advisory-comments",
        summary: "List comments on a repository security advisory",
        "x-preview": true,
        "x-github": xGithub,
        parameters: [
          ...advisoryParameters,
          {
            name: "since",
            description: "Only comments updated at or after this time (ISO 8601).",
            in: "query",
            required: false,
            schema: { type: "string", format: "date-time" },
          },
          { $ref: "#/components/parameters/per-page" },
          { $ref: "#/components/parameters/page" },
        ],
        responses: {
          "200": {
            description: "Response",
            content: {
              "application/json": {
                schema: { type: "array", items: { $ref: "#/components/schemas/repository-advisory-comment" } },
              },
            },
          },
          "404": { $ref: "#/components/responses/not_found" },
        },
      },
      post: {
        operationId: "security-advisories/create-repository-advisory-comment",
        summary: "Add a comment to a repository security advisory",
        "x-preview": true,
        "x-github": { ...xGithub, triggersNotification: true },
        parameters: advisoryParameters,
        requestBody: commentBody,
        responses: {
          "201": commentResponse,
          "404": { $ref: "#/components/responses/not_found" },
          "422": { $ref: "#/components/responses/validation_failed" },
        },
      },
    },
    "/repos/{owner}/{repo}/security-advisories/{ghsa_id}/comments/{comment_id}": {
      get: {
        operationId: "security-advisories/get-repository-advisory-comment",
        summary: "Get a comment on a repository security advisory",
        "x-preview": true,
        "x-github": xGithub,
        parameters: [...advisoryParameters, commentIdParameter],
        responses: { "200": commentResponse, "404": { $ref: "#/components/responses/not_found" } },
      },
      patch: {
        operationId: "security-advisories/update-repository-advisory-comment",
        summary: "Edit a comment on a repository security advisory",
        "x-preview": true,
        "x-github": xGithub,
        parameters: [...advisoryParameters, commentIdParameter],
        requestBody: commentBody,
        responses: {
          "200": commentResponse,
          "404": { $ref: "#/components/responses/not_found" },
          "422": { $ref: "#/components/responses/validation_failed" },
        },
      },
    },
  },
  components: {
    schemas: {
      "repository-advisory-comment": {
        title: "Repository advisory comment",
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          body: { type: "string" },
          user: { $ref: "#/components/schemas/simple-user" },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          html_url: { type: "string", format: "uri" },
          author_association: { $ref: "#/components/schemas/author-association" },
        },
        required: ["id", "node_id", "body", "user", "created_at", "updated_at", "html_url", "author_association"],
        additionalProperties: false,
      },
    },
  },
} as const;
