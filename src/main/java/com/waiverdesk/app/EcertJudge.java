package com.waiverdesk.app;

import java.util.Optional;

/**
 * Checks an e-certificate against rules 1–4 of e-certificate.md with the lists this desk holds and, when the
 * service answers, its status call. {@link Wiring} builds the real one; the policy (rule 5) is applied by
 * {@link CheckService}. Blocking: crypto, and the network for the status call.
 */
public interface EcertJudge {
    /**
     * @param text the QR text as scanned; starts with {@code SHEC1.}
     * @param name the patient's name, normalized
     * @param id   the patient's resident ID, normalized (18 characters)
     */
    EcertJudgement judge(String text, String name, String id);

    /** The certificate's holder, read without verifying anything: to fill empty fields before the clerk compares. */
    Optional<EcertHolder> peek(String text);
}
