import { describe, expect, it } from "@jest/globals";
import { validateWebhookPayload } from "../harness/webhooks.js";
import { pushPayload } from "./push-payload.js";

describe("the push fixture", () => {
  it("is a payload GitHub's webhook schema accepts", () => {
    expect(validateWebhookPayload("push", pushPayload())).toEqual([]);
  });
});
