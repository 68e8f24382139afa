package com.waiverdesk.mock;

import com.waiverdesk.domain.AssistanceGrant;
import com.waiverdesk.domain.ResidentId;
import java.util.List;
import java.util.Objects;

/**
 * One synthetic person in the mock's registry, with every assistance grant on record (expired and future ones too:
 * judging validity is the client's job). {@link #toString()} masks the ID and leaves out the name.
 *
 * @param idNumber 18 characters with a valid check character
 * @param name     as on record; compared after {@link com.waiverdesk.domain.PersonName#normalize}
 */
public record RegistryPerson(String idNumber, String name, List<AssistanceGrant> assistance) {
    public RegistryPerson {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(name, "name");
        assistance = List.copyOf(assistance);
    }

    @Override
    public String toString() {
        return "RegistryPerson[" + ResidentId.mask(idNumber) + ", " + assistance.size() + " grants]";
    }
}
