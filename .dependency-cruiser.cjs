/**
 * The layers of Disclosure Desk (docs/architecture.md), checked by `npm run lint`. Each layer imports only the
 * layers below it; type-only imports count like any other, and no import cycle is allowed anywhere in src.
 *
 *   pure      src/policy, src/sla, src/config, src/messages   (no I/O; time is passed in)
 *   case      src/case                                         (the record, its sealed block, its clock and state changes)
 *   github    src/github                                       (every Octokit call)
 *   features  src/intake, commands, closing, containment, email, proposals, reporters, privacy, dashboard, sweep
 *   adapters  src/handlers                                     (one thin adapter per webhook event)
 *   entry     src/cli, src/runtime, src/server.ts, src/app.ts
 *
 * Features import each other only downwards in this order of tiers, never sideways within a tier:
 *   reporters, privacy  ←  closing, intake  ←  email, proposals  ←  commands, containment, dashboard  ←  sweep
 */
const pure = "^src/(policy|sla|config|messages)/";
const caseLayer = "^src/case/";
const github = "^src/github/";
/** Feature folders, lowest tier first: a feature imports its own folder and features of lower tiers, never sideways. */
const featureTiers = [["reporters", "privacy"], ["closing", "intake"], ["email", "proposals"], ["commands", "containment", "dashboard"], ["sweep"]];
const features = `^src/(${featureTiers.flat().join("|")})/`;
const handlers = "^src/handlers/";
const entry = "^src/(cli|runtime)/|^src/(server|app)\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      severity: "error",
      comment: "An import cycle makes a module load everything in the cycle (a route lookup loading the IMAP client).",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "unknown-folder",
      severity: "error",
      comment: "Every folder in src belongs to a layer: add a new one to .dependency-cruiser.cjs and docs/architecture.md.",
      from: { path: "^src/", pathNot: [pure, caseLayer, github, features, handlers, entry].join("|") },
      to: {},
    },
    {
      name: "pure-imports-pure",
      severity: "error",
      comment: "policy, sla, config and messages do no I/O and know nothing of cases, GitHub or features.",
      from: { path: pure },
      to: { path: "^src/", pathNot: pure },
    },
    {
      name: "case-imports-pure",
      severity: "error",
      comment: "The case record and its lifecycle depend only on the pure layer.",
      from: { path: caseLayer },
      to: { path: "^src/", pathNot: [pure, caseLayer].join("|") },
    },
    {
      name: "github-imports-case",
      severity: "error",
      comment: "src/github talks to GitHub for every feature and so imports none of them.",
      from: { path: github },
      to: { path: "^src/", pathNot: [pure, caseLayer, github].join("|") },
    },
    {
      name: "feature-imports-below",
      severity: "error",
      comment: "A feature owns its facts, plan and execution; it does not reach up into handlers or entry points.",
      from: { path: features },
      to: { path: [handlers, entry].join("|") },
    },
    ...featureTiers.map((tier, index) => ({
      name: `features-import-lower-tiers`,
      severity: "error",
      comment: `${tier.join(", ")} import only features of a lower tier: ${featureTiers.slice(0, index).flat().join(", ") || "none"}.`,
      from: { path: `^src/(${tier.join("|")})/` },
      to: { path: features, pathNot: `^src/($1|${featureTiers.slice(0, index).flat().concat(["$1"]).join("|")})/` },
    })),
    {
      name: "handlers-import-no-entry",
      severity: "error",
      comment: "Handlers are adapters from one event to a feature; start-up wiring and the CLI sit above them.",
      from: { path: handlers },
      to: { path: entry },
    },
    {
      name: "runtime-imports-no-cli",
      severity: "error",
      comment: "The server and the CLI are separate entry points; the CLI may use runtime's Redis adapters, not the reverse.",
      from: { path: "^src/(runtime/|server\\.ts$|app\\.ts$)" },
      to: { path: "^src/cli/" },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    includeOnly: "^src/",
    exclude: { path: "\\.d\\.ts$" },
  },
};
