/** Reasons to close a report as junk: each has its own message saying what a valid report needs. */
export const invalidReasons = ["invalid", "unverified-claims", "no-reproduction"] as const;
export type InvalidReason = (typeof invalidReasons)[number];

export function isInvalidReason(word: string): word is InvalidReason {
  return (invalidReasons as readonly string[]).includes(word);
}
