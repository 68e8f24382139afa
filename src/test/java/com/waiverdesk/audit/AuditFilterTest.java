package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditFilterTest {
    @Test
    void theFormerNineComponentFilterIsOneOnEveryChannel() {
        AuditFilter old = new AuditFilter(1L, 2L, "clerk-07", null, null, null, null, null, null);

        assertThat(old.channels()).isEmpty();
        assertThat(old).isEqualTo(new AuditFilter(1L, 2L, "clerk-07", null, null, null, null, null, null, null));
        assertThat(old.describe()).isEqualTo("from=1, to=2, operator=clerk-07");
    }

    @Test
    void channelsAreKeptOnceInTheEnumsOrderAndNamedInTheDescription() {
        AuditFilter f = AuditFilter.all().withChannels(Arrays.asList(Channel.PAPER, Channel.LIVE_QUERY,
                Channel.PAPER));

        assertThat(f.channels()).containsExactly(Channel.LIVE_QUERY, Channel.PAPER);
        assertThat(f).isEqualTo(AuditFilter.all().withChannels(List.of(Channel.LIVE_QUERY, Channel.PAPER)));
        assertThat(f.describe()).isEqualTo("channel=LIVE_QUERY|PAPER");
        assertThat(new AuditFilter(null, null, null, null, AuditFilter.decision(DecisionKind.WAIVE), null, null,
                null, null, AuditFilter.channel(Channel.ECERT_OFFLINE)).describe())
                .isEqualTo("decision=WAIVE, channel=ECERT_OFFLINE");
        assertThat(AuditFilter.all().withChannels(null).channels()).isEmpty();
    }
}
