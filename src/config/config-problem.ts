/** A problem found in a config file, and where: every config check reports in this shape. */

export interface ConfigProblem {
  file?: string;
  /** Dotted key path, e.g. `sla.response.businessDays` or `exclusions[2].id`. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export type KeyPath = (string | number)[];
export type Locate = (path: KeyPath) => { file?: string; line: number; column: number } | undefined;
