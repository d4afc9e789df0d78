/** Whether a failed GitHub request answered one of `statuses` (404, 410, 422…): the expected answers each caller handles. */
export function hasStatus(error: unknown, ...statuses: number[]): boolean {
  return typeof error === "object" && error !== null && statuses.includes((error as { status?: number }).status ?? 0);
}
