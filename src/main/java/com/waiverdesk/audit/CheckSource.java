package com.waiverdesk.audit;

import java.util.Objects;

/**
 * What a check was decided with, recorded in its audit entry so that a later reader can tell which rule and which
 * service produced the decision: the deposit policy in force, the verification service asked, and the program.
 *
 * @param policyId       the policy's {@code id}
 * @param policySha256   lower-case hex SHA-256 of the policy file's bytes (or of the bundled default's)
 * @param serviceUrl     the service's base URL as configured (scheme, host, port, path; never credentials)
 * @param demoService    whether the built-in demo service answered instead of a real one
 * @param programVersion the desk program's version ({@code dev} when run from classes)
 */
public record CheckSource(String policyId, String policySha256, String serviceUrl, boolean demoService,
                          String programVersion) {
    public CheckSource {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(policySha256, "policySha256");
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        Objects.requireNonNull(programVersion, "programVersion");
    }

    /** The service's host, as the supervisor reads it. */
    public String serviceHost() {
        int start = serviceUrl.indexOf("://");
        String rest = start < 0 ? serviceUrl : serviceUrl.substring(start + 3);
        int end = rest.indexOf('/');
        rest = end < 0 ? rest : rest.substring(0, end);
        if (rest.startsWith("[")) {
            return rest.substring(0, rest.indexOf(']') + 1);
        }
        int colon = rest.lastIndexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }
}
