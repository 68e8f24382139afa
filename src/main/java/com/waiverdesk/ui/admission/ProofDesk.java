package com.waiverdesk.ui.admission;

import com.waiverdesk.app.CheckResult;
import com.waiverdesk.app.EcertHolder;
import com.waiverdesk.app.PaperEntry;
import com.waiverdesk.app.PaperTerms;
import java.util.List;
import java.util.Optional;

/**
 * The desk's e-certificate and paper-certificate work as the clerk's window uses it: one seam, so the view model's
 * flows (scan, confirm, paper) are tested against a fake. Every method may block and runs on the background runner.
 */
interface ProofDesk {
    CheckResult checkEcert(String text, String rawName, String rawId, boolean holderFromCertificate,
                           String businessRef) throws Exception;

    /** The holder written in the certificate, read without verifying it (to fill empty fields). */
    Optional<EcertHolder> peekEcert(String text);

    /** The text of the QR code in an image file; empty when none is found; an exception when it is no image. */
    Optional<String> decodeQr(java.nio.file.Path image) throws Exception;

    /** The text of the QR code in ARGB pixels; empty when none is found. */
    Optional<String> decodeQr(int[] argb, int width, int height);

    /** Records a paper certificate for the patient of {@code earlier}, the check it follows. */
    CheckResult recordPaper(CheckResult earlier, PaperEntry entry) throws Exception;

    PaperTerms paperTerms();

    /** Centres typed in earlier paper entries, for suggestions. */
    List<String> paperCentres() throws Exception;

    /** The check did not waive in a way a paper certificate may answer (and the policy accepts paper). */
    boolean offersPaper(CheckResult result);

    /** The e-certificate lists' ages now; {@code null} when this desk checks no e-certificates. */
    ListAges listAges();

    /** Fetches the lists now and then hourly until the desk closes; {@code tried} runs (on any thread) after each try. */
    void watchLists(Runnable tried);
}
