import type { DisclosureConfig } from "./schema.js";

/**
 * The update interval a researcher may be promised. A policy that words its promises itself (`statements.promises`)
 * promises what those words say and nothing more; `sla.updates` is then the organisation's own cadence, for the
 * reminders to maintainers only. Without quoted promises the key is the promise, as SECURITY.md states it.
 */
export function promisedUpdateEveryDays(config: Pick<DisclosureConfig, "sla" | "statements">): number | undefined {
  return config.statements.promises === undefined ? config.sla.updates?.everyDays : undefined;
}
