import type { NeedsInfoId } from "../../../src/policy/needs-info.js";

/** One report as a researcher wrote it, with what the engine must make of it under the corpus policy. */
export interface CorpusItem {
  name: string;
  title: string;
  body: string;
  /** Exact set of suggested exclusions; the first one listed must be the strongest when `strongest` is set. */
  excluded?: string[];
  strongest?: string;
  /** Exceptions that must bring an exclusion back in, as `exclusion-id/exception-id`. */
  exceptions?: string[];
  conduct?: string[];
  missing?: NeedsInfoId[];
  scope?: "in" | "out" | "unknown";
  lang: "en" | "nl";
}
