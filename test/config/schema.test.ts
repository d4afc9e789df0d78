import { describe, expect, it } from "@jest/globals";
import { configSchema, defaultConfig } from "../../src/config/schema.js";

describe("config schema", () => {
  it("fills safe defaults for an empty file", () => {
    const config = defaultConfig();
    expect(config.language).toBe("en");
    expect(config.sla.response.businessDays).toBe(5);
    expect(config.tracking.repository).toBeUndefined();
    expect(config.calendar.timezone).toBe("UTC");
  });

  it("rejects a misspelt key instead of ignoring it", () => {
    const result = configSchema.safeParse({ sla: { respone: { businessDays: 3 } } });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("respone");
  });
});
