package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.SupervisorCredential;
import org.junit.jupiter.api.Test;

class AuditCommandRefusalTest {
    @Test
    void setPassphraseSaysWhyAndWhatToDoInsteadOfACode() {
        assertThat(PassphraseCommands.refusal(SupervisorCredential.Result.TOO_SHORT))
                .contains(String.valueOf(SupervisorCredential.MIN_LENGTH), "characters");
        assertThat(PassphraseCommands.refusal(SupervisorCredential.Result.ALL_DIGITS)).contains("only digits");
        assertThat(PassphraseCommands.refusal(SupervisorCredential.Result.ALREADY_SET))
                .contains("already set", "reset-passphrase");
    }
}
