package com.waiverdesk.audit.server;

/** One version of the deposit policy file as IT stored it on the audit server. */
public record ServerPolicy(long version, String policyId, String sha256, String body) {
}
