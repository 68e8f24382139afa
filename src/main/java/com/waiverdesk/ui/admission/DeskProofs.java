package com.waiverdesk.ui.admission;

import com.waiverdesk.app.CheckResult;
import com.waiverdesk.app.Desk;
import com.waiverdesk.app.EcertListStore;
import com.waiverdesk.app.EcertHolder;
import com.waiverdesk.app.PaperEntry;
import com.waiverdesk.app.PaperTerms;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The running desk behind the window's {@link ProofDesk} seam. */
final class DeskProofs implements ProofDesk {
    private final Desk desk;

    DeskProofs(Desk desk) {
        this.desk = desk;
    }

    @Override
    public CheckResult checkEcert(String text, String rawName, String rawId, boolean holderFromCertificate,
                                  String businessRef) throws Exception {
        return desk.checkEcert(text, rawName, rawId, holderFromCertificate, businessRef);
    }

    @Override
    public Optional<EcertHolder> peekEcert(String text) {
        return desk.peekEcert(text);
    }

    @Override
    public Optional<String> decodeQr(Path image) {
        return desk.decodeQr(image);
    }

    @Override
    public Optional<String> decodeQr(int[] argb, int width, int height) {
        return desk.decodeQr(argb, width, height);
    }

    @Override
    public CheckResult recordPaper(CheckResult earlier, PaperEntry entry) throws Exception {
        return desk.recordPaper(earlier, entry);
    }

    @Override
    public PaperTerms paperTerms() {
        return desk.paperTerms();
    }

    @Override
    public List<String> paperCentres() {
        return desk.paperCentres();
    }

    @Override
    public boolean offersPaper(CheckResult result) {
        return desk.offersPaper(result);
    }

    @Override
    public ListAges listAges() {
        return desk.ecertFreshness().map(DeskProofs::ages).orElse(null);
    }

    /** Too old when either list is missing or past its age: the bar warns even if only offline checks suffer. */
    static ListAges ages(EcertListStore.Freshness freshness) {
        return new ListAges(freshness.trustListAge(), freshness.revocationAge(),
                freshness.trustListTooOld() || freshness.revocationListTooOld());
    }

    @Override
    public void watchLists(Runnable tried) {
        desk.watchEcertLists(freshness -> tried.run());
    }
}
