/**
 * The few entries of Bugcrowd's Vulnerability Rating Taxonomy (VRT) that Disclosure Desk's exclusion
 * catalog refers to: node id, display name, baseline priority (P1 most severe … P5 informational) and
 * the CWE ids of the VRT's CWE mapping.
 *
 * Source: Bugcrowd Vulnerability Rating Taxonomy v1.14.1 (2024-07-18), https://github.com/bugcrowd/vulnerability-rating-taxonomy
 * Copyright Bugcrowd Inc., licensed under the Apache License, Version 2.0 (see vrt-LICENSE.md next to this file).
 * Changes: only the entries below were selected and restructured into this table.
 */
export interface VrtEntry {
  readonly name: string;
  readonly priority?: 1 | 2 | 3 | 4 | 5;
  readonly cwe?: readonly string[];
}

export const vrtEntries = {
  "server_security_misconfiguration.fingerprinting_banner_disclosure": { name: "Fingerprinting/Banner Disclosure", priority: 5 },
  "server_security_misconfiguration.directory_listing_enabled.non_sensitive_data_exposure": {
    name: "Directory Listing Enabled: Non-Sensitive Data Exposure",
    priority: 5,
    cwe: ["CWE-548"],
  },
  "server_security_misconfiguration.clickjacking.non_sensitive_action": {
    name: "Clickjacking: Non-Sensitive Action",
    priority: 5,
    cwe: ["CWE-451"],
  },
  "server_security_misconfiguration.missing_secure_or_httponly_cookie_flag.non_session_cookie": {
    name: "Missing Secure or HTTPOnly Cookie Flag: Non-Session Cookie",
    priority: 5,
    cwe: ["CWE-614", "CWE-1004"],
  },
  "server_security_misconfiguration.potentially_unsafe_http_method_enabled.options": {
    name: "Potentially Unsafe HTTP Method Enabled: OPTIONS",
    priority: 5,
  },
  "server_security_misconfiguration.no_rate_limiting_on_form": { name: "No Rate Limiting on Form", cwe: ["CWE-799"] },
  "server_security_misconfiguration.lack_of_security_headers": { name: "Lack of Security Headers" },
  "server_security_misconfiguration.insecure_ssl.insecure_cipher_suite": {
    name: "Insecure SSL: Insecure Cipher Suite",
    priority: 5,
    cwe: ["CWE-326"],
  },
  "server_security_misconfiguration.insecure_ssl.certificate_error": { name: "Insecure SSL: Certificate Error", priority: 5 },
  "server_security_misconfiguration.mail_server_misconfiguration.missing_or_misconfigured_spf_and_or_dkim": {
    name: "Mail Server Misconfiguration: Missing or Misconfigured SPF and/or DKIM",
    priority: 5,
  },
  "server_security_misconfiguration.misconfigured_dns": { name: "Misconfigured DNS" },
  "using_components_with_known_vulnerabilities.outdated_software_version": {
    name: "Using Components with Known Vulnerabilities: Outdated Software Version",
    priority: 5,
    cwe: ["CWE-937"],
  },
  "sensitive_data_exposure.exif_geolocation_data_not_stripped_from_uploaded_images": {
    name: "EXIF Geolocation Data Not Stripped From Uploaded Images",
  },
  "server_security_misconfiguration.username_enumeration": { name: "Username/Email Enumeration", cwe: ["CWE-204"] },
  "cross_site_request_forgery_csrf.action_specific.logout": { name: "CSRF: Logout", priority: 5, cwe: ["CWE-352"] },
  "external_behavior.csv_injection": { name: "CSV Injection", priority: 5 },
  application_level_denial_of_service_dos: { name: "Application-Level Denial-of-Service (DoS)", cwe: ["CWE-400"] },
  "server_side_injection.content_spoofing.text_injection": {
    name: "Content Spoofing: Text Injection",
    priority: 5,
    cwe: ["CWE-451"],
  },
} as const satisfies Record<string, VrtEntry>;

export type VrtId = keyof typeof vrtEntries;
