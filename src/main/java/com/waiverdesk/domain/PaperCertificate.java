package com.waiverdesk.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A paper assistance certificate from a community affairs centre, as the clerk entered it after seeing the original.
 *
 * @param number   the certificate's number as printed
 * @param centre   the issuing community affairs centre
 * @param issued   the issue date printed on it
 * @param category the assistance category code it names (the verification API's codes)
 */
public record PaperCertificate(String number, String centre, LocalDate issued, String category) {
    public PaperCertificate {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(category, "category");
    }
}
