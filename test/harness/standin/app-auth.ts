/** GitHub App authentication as GitHub does it: RS256 app JWTs (`iss` = app id) and installation tokens. */
import { createPublicKey, createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";

export interface AppKeyPair {
  /** PKCS#1 PEM, the format GitHub hands out and Probot's `PRIVATE_KEY` takes. */
  privateKey: string;
  publicKey: KeyObject;
}

export function generateAppKeyPair(): AppKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privateKey: privateKey.export({ type: "pkcs1", format: "pem" }).toString(), publicKey };
}

/** Signs an app JWT the way `@octokit/auth-app` does (for tests that call app endpoints directly). */
export function signAppJwt(appId: number, privateKey: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify({ iat: nowSeconds - 30, exp: nowSeconds + 9 * 60, iss: appId }));
  const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(privateKey);
  return `${header}.${payload}.${signature.toString("base64url")}`;
}

export type JwtCheck = { ok: true } | { ok: false; reason: string };

/** GitHub's rules: RS256, signed by the app's key, `iss` is the app id, not expired, `exp` at most 10 minutes ahead. */
export function verifyAppJwt(token: string, appId: number, publicKey: KeyObject | string, nowSeconds: number): JwtCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "A JSON web token could not be decoded" };
  const [header, payload, signature] = parts as [string, string, string];
  let claims: { alg?: unknown; iss?: unknown; exp?: unknown; iat?: unknown };
  try {
    const decodedHeader = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: unknown };
    if (decodedHeader.alg !== "RS256") return { ok: false, reason: "'alg' must be RS256" };
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as typeof claims;
  } catch {
    return { ok: false, reason: "A JSON web token could not be decoded" };
  }
  const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
  const valid = createVerify("RSA-SHA256").update(`${header}.${payload}`).verify(key, Buffer.from(signature, "base64url"));
  if (!valid) return { ok: false, reason: "A JSON web token could not be decoded" };
  if (String(claims.iss) !== String(appId)) return { ok: false, reason: "'Issuer' claim ('iss') must be an Integer" };
  if (typeof claims.exp !== "number" || claims.exp <= nowSeconds) {
    return {
      ok: false,
      reason: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    };
  }
  if (claims.exp > nowSeconds + 10 * 60 + 30) return { ok: false, reason: "'Expiration time' claim ('exp') is too far in the future" };
  if (typeof claims.iat !== "number" || claims.iat > nowSeconds + 60)
    return { ok: false, reason: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued" };
  return { ok: true };
}

export function newInstallationToken(): string {
  return `ghs_${randomBytes(18).toString("base64url").replace(/[-_]/g, "x")}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}
