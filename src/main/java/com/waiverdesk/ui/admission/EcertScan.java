package com.waiverdesk.ui.admission;

import com.waiverdesk.app.EcertHolder;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.ui.common.BackgroundRunner;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The e-certificate's way into the clerk's screen: a scanned or pasted text, or a QR code in an image. With an ID
 * typed, the certificate is checked against what is typed; with none, the holder is read from it into the fields
 * (the ID masked) and nothing is decided until the clerk has compared them with the ID card and confirmed.
 */
public final class EcertScan {
    private static final System.Logger LOG = System.getLogger(EcertScan.class.getName());

    /** Why a scan or an image gave no certificate to check; nothing is recorded. */
    public enum Notice { NO_QR_FOUND, IMAGE_UNREADABLE, CERTIFICATE_UNREADABLE }

    private final AdmissionViewModel model;
    private final BackgroundRunner runner;
    /** A scan is being typed, or an image read: the card says so. */
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    /** The holder read from the certificate, waiting for the clerk's confirmation; {@code null} when none waits. */
    private final ReadOnlyObjectWrapper<EcertHolder> holder = new ReadOnlyObjectWrapper<>(this, "holder");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private String pendingText;
    /** The background read whose answer may still be used; replaced or dropped when the clerk moves on. */
    private Object currentRead;

    EcertScan(AdmissionViewModel model, BackgroundRunner runner) {
        this.model = model;
        this.runner = runner;
    }

    /** The scanner began typing a certificate: whatever the card showed gives way. */
    public void started() {
        model.clearCard();
        reset();
        reading.set(true);
    }

    /** Esc while the scanner was typing. */
    public void abandoned() {
        reset();
    }

    /** A whole certificate text, from the scanner or the clipboard. */
    public void scanned(String text) {
        ProofDesk proofs = model.proofs();
        reset();
        if (proofs == null || model.busyProperty().get()) {
            return;
        }
        model.clearCard();
        String typedName = model.nameProperty().get();
        String typedId = model.idTextProperty().get();
        if (!ResidentId.normalize(typedId).isEmpty()) {
            model.runCheck(typedName, typedId, false,
                    () -> proofs.checkEcert(text, typedName, typedId, false, ""));
            return;
        }
        Object read = new Object();
        currentRead = read;
        reading.set(true);
        runner.run(() -> proofs.peekEcert(text), found -> {
            if (currentRead != read) {
                return;
            }
            reset();
            if (found.isPresent()) {
                pendingText = text;
                model.setInputsQuietly(found.get().name(), found.get().maskedId());
                holder.set(found.get());
            } else {
                // no holder to fill in, so no patient to record a decision for: the clerk types name and ID and
                // scans again, and the desk then records it (not genuine: a charge)
                notice.set(Notice.CERTIFICATE_UNREADABLE);
            }
        }, error -> {
            if (currentRead == read) {
                reset();
                model.unexpected(error);
            }
        });
    }

    /** The clerk compared the holder with the ID card: now the certificate is checked. */
    public void confirm() {
        EcertHolder confirmed = holder.get();
        ProofDesk proofs = model.proofs();
        String text = pendingText;
        if (confirmed == null || proofs == null) {
            return;
        }
        holder.set(null);
        pendingText = null;
        model.runCheck(confirmed.name(), confirmed.idNumber(), false,
                () -> proofs.checkEcert(text, confirmed.name(), confirmed.idNumber(), true, ""));
    }

    /** The holder is not the patient, or the clerk changed their mind: everything is cleared, nothing recorded. */
    public void cancel() {
        model.clear();
    }

    /** A PNG or JPEG chosen by the clerk. */
    public void imageChosen(Path file) {
        decode(proofs -> proofs.decodeQr(file));
    }

    /** An image pasted from the clipboard, as ARGB pixels (read from the image on the FX thread). */
    public void imagePasted(int[] argb, int width, int height) {
        decode(proofs -> proofs.decodeQr(argb, width, height));
    }

    private interface Decoder {
        Optional<String> decode(ProofDesk proofs) throws Exception;
    }

    private void decode(Decoder decoder) {
        ProofDesk proofs = model.proofs();
        if (proofs == null || model.busyProperty().get()) {
            return;
        }
        // the typed name and ID stay: the certificate in the image is checked against them
        model.clearCard();
        reset();
        Object read = new Object();
        currentRead = read;
        reading.set(true);
        Callable<Optional<String>> work = () -> decoder.decode(proofs);
        runner.run(work, text -> {
            if (currentRead != read) {
                return;
            }
            reset();
            if (text.isPresent()) {
                scanned(text.get());
            } else {
                notice.set(Notice.NO_QR_FOUND);
            }
        }, error -> {
            if (currentRead == read) {
                LOG.log(System.Logger.Level.WARNING, "reading a QR image", error);
                reset();
                notice.set(Notice.IMAGE_UNREADABLE);
            }
        });
    }

    /** Forgets a scan in the making, a waiting holder and a notice (Esc, new typing, a new patient). */
    void reset() {
        currentRead = null;
        reading.set(false);
        holder.set(null);
        pendingText = null;
        notice.set(null);
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EcertHolder> holderProperty() {
        return holder.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
