package com.waiverdesk.app;

import java.util.Objects;

/**
 * The holder an e-certificate names, read before it is verified: the window fills the empty name and ID fields
 * with it (the ID shown masked) and asks the clerk to compare them with the ID card.
 *
 * @param idNumber the full ID number as the certificate has it; never printed or logged ({@link #toString})
 */
public record EcertHolder(String name, String idNumber, String maskedId, String certId) {
    public EcertHolder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(maskedId, "maskedId");
    }

    @Override
    public String toString() {
        return "EcertHolder[id=" + maskedId + ", certId=" + certId + "]";
    }
}
