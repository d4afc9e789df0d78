import { describe, expect, it } from "@jest/globals";
import { classify, type ClassifyReason } from "../../src/policy/classify.js";
import { featuresOf, loadModel, predict } from "../../src/policy/model.js";

/** The model's reason gives its chance as `chance` reads it, names the words for or against, and quotes one of them. */
function expectExplained(
  reason: ClassifyReason | undefined,
  report: { title: string; body: string },
  chance: string,
  direction: "for" | "against",
): void {
  expect(reason?.explanation).toMatch(
    new RegExp(
      `^a model trained on public disclosures puts the chance that this is a vulnerability report at ${chance}; the words that weigh most ${direction} it: "`,
    ),
  );
  expect(`${report.title}\n${report.body}`.toLowerCase()).toContain(reason?.matched.toLowerCase());
}

describe("the containment model", () => {
  it("contains an advisory-style report the rules alone leave below the threshold, quoting a word it weighed", () => {
    const report = {
      title: "Improper access control in the export API",
      body: "Improper access control in the export API of the server before 3.2 lets authenticated users download exports of other organisations. This may lead to information disclosure of sensitive data.",
    };
    const result = classify(report);
    expect(result.vulnerabilityReport).toBe(true);
    expect(result.reasons.map((reason) => reason.rule)).toEqual(["model"]);
    expectExplained(result.reasons[0], report, String.raw`0\.9\d*`, "for");
  });

  it("is not asked when the rules already decide, so their reasons stay the explanation (control)", () => {
    const result = classify({
      title: "SQL injection in search",
      body: "GET /search?q=' OR 1=1-- returns every user's orders. An attacker can read all orders.",
    });
    expect(result.vulnerabilityReport).toBe(true);
    expect(result.reasons.map((reason) => reason.rule)).not.toContain("model");
  });

  it("never shows its chance as 1, which would read as certainty, and shows it unrounded below that (control)", () => {
    // The model's chance for this text is above 0.9995, which rounds to 1.
    const [sure] = classify({
      title: "Stored cross-site scripting (XSS) in the comment field",
      body: "A stored cross-site scripting (XSS) vulnerability exists in the comment form of version 3.2. The comment text is rendered without escaping.",
    }).reasons.filter((reason) => reason.rule === "model");
    expect(sure?.explanation).toContain("vulnerability report at 0.999; ");
    const [lessSure] = classify({
      title: "Out-of-bounds read in the tag parser",
      body: "The tag parser reads past the end of its buffer for a short header.",
    }).reasons.filter((reason) => reason.rule === "model");
    const shown = Number(/vulnerability report at (0\.\d{1,3}); /.exec(lessSure?.explanation ?? "")?.[1]);
    expect(shown).toBeGreaterThan(0.5);
    expect(shown).toBeLessThan(0.999);
  });

  it("speaks against a narrow decision of the rules when very sure, naming the words that weigh against it", () => {
    const report = {
      title: "Security vulnerability report",
      body: "Hi, I have discovered a security vulnerability in this project that I would like to report to you. Could you please provide a secure way for me to send you the details?",
    };
    const result = classify(report);
    const rulesWeight = result.reasons.filter((reason) => reason.rule !== "model").reduce((sum, reason) => sum + reason.weight, 0);
    const [judgement] = result.reasons.filter((reason) => reason.rule === "model");
    // The rules alone would contain it, narrowly: a first-hand finding announced, but nothing of it told.
    expect(rulesWeight).toBeGreaterThan(2.12);
    expect(rulesWeight).toBeLessThan(2.6);
    expect(result.vulnerabilityReport).toBe(false);
    expect(judgement?.weight).toBeLessThan(0);
    expectExplained(judgement, report, String.raw`0\.0\d*`, "against");
  });

  it("leaves a narrow decision of the rules alone when not very sure against it (control)", () => {
    const result = classify({
      title: "Search page reflects the query unescaped",
      body: "search.jsp puts the q parameter into its output without encoding. A crafted link runs injected code in the session of anyone logged in who opens it. Severity: High. CWE-79.",
    });
    expect(result.confidence).toBeLessThan(0.72);
    expect(result.vulnerabilityReport).toBe(true);
    expect(result.reasons.map((reason) => reason.rule)).not.toContain("model");
  });

  it("asks the model when three different words of harm are used, and not for two (control)", () => {
    const modelAsked = (body: string) =>
      classify({ title: "Logout does not end the session", body }).reasons.some((reason) => reason.rule === "model");
    expect(modelAsked("The session token is not removed and the password is not asked again.")).toBe(true);
    expect(modelAsked("The session token is not removed.")).toBe(false);
  });

  it("does not count a word or two of harm as a sign the model may corroborate", () => {
    const result = classify({
      title: "Token refresh loop logs users out",
      body: "After the upgrade the session token refresh loops and users are logged out every minute.",
    });
    expect(result.vulnerabilityReport).toBe(false);
  });
});

describe("model features and scoring", () => {
  const model = loadModel({
    description: "test",
    buckets: 64,
    classes: ["yes"],
    bias: [-1],
    weights: featuresOf("", "remote code", 64).map((feature) => [feature.bucket, 1]),
  });

  it("uses words and word pairs, title words separately, without the common words alone", () => {
    expect(featuresOf("Remote code", "in the parser", 1 << 20).map((feature) => feature.name)).toEqual([
      "title:remote",
      "title:code",
      "remote",
      "remote code",
      "code",
      "code in",
      "in the",
      "the parser",
      "parser",
    ]);
  });

  it("tells the common words from longer words that start with them, and reads accented words as words", () => {
    expect(featuresOf("", "The theme of an Anand café in één", 1 << 20).map((feature) => feature.name)).toEqual([
      "the theme",
      "theme",
      "theme of",
      "of an",
      "an anand",
      "anand",
      "anand café",
      "café",
      "café in",
      "in één",
      "één",
    ]);
  });

  it("refuses a bucket count that is not a power of two, which the hashes' low bits could not address", () => {
    expect(() => loadModel({ description: "test", buckets: 100, classes: ["yes"], bias: [0], weights: [] })).toThrow(
      "a model's bucket count must be a power of two up to 2^30, not 100",
    );
    expect(() => featuresOf("", "remote code", 3 << 10)).toThrow("power of two");
  });

  it("refuses a model file that gives a bucket two rows of weights, since only one could be found", () => {
    expect(() =>
      loadModel({
        description: "test",
        buckets: 64,
        classes: ["yes"],
        bias: [0],
        weights: [
          [5, 1],
          [7, 2],
          [5, 3],
        ],
      }),
    ).toThrow("bucket 5 has two rows of weights");
  });

  it("finds a feature's weights among thousands of other rows, and none for a feature without", () => {
    const buckets = 1 << 20;
    const features = featuresOf("", "remote code", buckets).map((feature) => feature.bucket);
    const others = Array.from({ length: 3_000 }, (_, index) => 7 * index + 1).filter((bucket) => !features.includes(bucket));
    const crowded = loadModel({
      description: "test",
      buckets,
      classes: ["yes"],
      bias: [0],
      weights: [...others.map((bucket) => [bucket, 5]), [features[0] ?? 0, 0.5], [features[1] ?? 0, 0.25]],
    });
    expect(predict(crowded, "", "remote code").probabilities[0]).toBeCloseTo(1 / (1 + Math.exp(-0.75)), 9);
    expect(predict(crowded, "", "nothing weighed here").probabilities[0]).toBe(0.5);
  });

  it("finds each weighted bucket's own row however the weighted buckets fall in the bit set's words", () => {
    const buckets = 1 << 12;
    // About half the buckets, in runs and gaps across word boundaries, each with a weight of its own.
    const weightedBuckets = Array.from({ length: buckets }, (_, bucket) => bucket).filter((bucket) => (bucket * 2654435761) % 7 < 4);
    const weightOf = (bucket: number) => ((bucket % 97) - 48) / 1000;
    const crowded = loadModel({
      description: "test",
      buckets,
      classes: ["yes"],
      bias: [0.25],
      // Out of order, as a file may list them.
      weights: [...weightedBuckets].reverse().map((bucket) => [bucket, weightOf(bucket)]),
    });
    const texts = ["remote code execution in the parser", "an admin page reachable without login", "heap overflow with a stack trace"];
    for (const text of texts) {
      const features = [...new Set(featuresOf("", text, buckets).map((feature) => feature.bucket))];
      const expected =
        0.25 + features.filter((bucket) => weightedBuckets.includes(bucket)).reduce((sum, bucket) => sum + weightOf(bucket), 0);
      expect(features.some((bucket) => weightedBuckets.includes(bucket))).toBe(true);
      expect(predict(crowded, "", text).probabilities[0]).toBeCloseTo(1 / (1 + Math.exp(-expected)), 12);
    }
  });

  it("refuses a weight the table cannot hold: finer than a thousandth, or beyond 32.767 either way", () => {
    const file = (weight: number) => ({ description: "test", buckets: 64, classes: ["yes"], bias: [0], weights: [[9, weight]] });
    expect(() => loadModel(file(0.0005))).toThrow(
      "bucket 9 has the weight 0.0005: a model's weights are whole thousandths from -32.767 to 32.767",
    );
    expect(() => loadModel(file(-32.768))).toThrow("bucket 9 has the weight -32.768");
    expect(loadModel(file(-32.767)).weights.table[0]).toBe(-32_767);
  });

  it("reads weights written in thousandths as the decimals they stand for, to the last bit", () => {
    const features = featuresOf("", "remote code", 64).map((feature) => feature.bucket);
    const decimals = [0.147, -0.035, 1.187, -0.001, 0];
    const file = (scale: number | undefined, values: readonly number[]) => ({
      description: "test",
      buckets: 64,
      classes: ["a", "b", "c", "d", "e"],
      bias: [0, 0, 0, 0, 0],
      ...(scale === undefined ? {} : { scale }),
      weights: [[features[0] ?? 0, ...values]],
    });
    const asDecimals = loadModel(file(undefined, decimals));
    const asThousandths = loadModel(file(1000, [147, -35, 1187, -1, 0]));
    expect([...asThousandths.weights.table]).toEqual([...asDecimals.weights.table]);
    expect(predict(asThousandths, "", "remote code").probabilities).toEqual(predict(asDecimals, "", "remote code").probabilities);
    expect(() => loadModel(file(0, [147, -35, 1187, -1, 0]))).toThrow("a model's weight scale must be a positive number, not 0");
  });

  it("reads text written without spaces (Chinese, Japanese, Korean) as overlapping character pairs, spaced words within it as words", () => {
    expect(featuresOf("", "存在SQL注入", 1 << 20).map((feature) => feature.name)).toEqual(["存在", "存在 sql", "sql", "sql 注入", "注入"]);
    expect(featuresOf("漏洞", "", 1 << 20).map((feature) => feature.name)).toEqual(["title:漏洞", "漏洞"]);
    // Before, a sentence without spaces was one word, and one longer than 30 characters gave no feature at all.
    expect(
      featuresOf("", "攻击者可以通过上传接口上传任意文件获取服务器权限并执行任意命令读取数据库中的所有用户密码", 1 << 20).length,
    ).toBeGreaterThan(40);
  });

  it("scores the sum of the weights present and names the features behind it", () => {
    const prediction = predict(model, "", "remote code");
    expect(prediction.probabilities[0]).toBeCloseTo(1 / (1 + Math.exp(-(-1 + 3))), 6);
    expect(
      prediction
        .top(0, 5)
        .map((contribution) => contribution.feature)
        .sort(),
    ).toEqual(["code", "remote", "remote code"]);
    expect(predict(model, "", "nothing here").probabilities[0]).toBeCloseTo(1 / (1 + Math.exp(1)), 6);
  });
});
