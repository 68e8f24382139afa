package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdHasherTest {
    private static final String ID = AuditFixtures.FULL_ID;

    @Test
    void hashIsStableAcrossReleasesForTheSameKeyAndId() {
        // HMAC-SHA256 computed with Python's hmac module; stored hashes must stay searchable after upgrades
        assertThat(new IdHasher(AuditFixtures.key((byte) 7)).hash(ID))
                .isEqualTo("c8bddde3a3a7a7e17ba81610c15f481ec8f90a2473263c7782c4795c9fde9840");
    }

    @Test
    void sameKeyAndIdGiveTheSameHashEveryTime() {
        IdHasher hasher = new IdHasher(AuditFixtures.key((byte) 1));
        assertThat(hasher.hash(ID)).isEqualTo(new IdHasher(AuditFixtures.key((byte) 1)).hash(ID));
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        assertThat(new IdHasher(AuditFixtures.key((byte) 1)).hash(ID))
                .isNotEqualTo(new IdHasher(AuditFixtures.key((byte) 2)).hash(ID));
    }

    @Test
    void anotherIdGivesAnotherHash() {
        IdHasher hasher = new IdHasher(AuditFixtures.key((byte) 1));
        assertThat(hasher.hash(ID)).isNotEqualTo(hasher.hash("440524188001010014"));
    }

    @Test
    void emptyInputHasNoHash() {
        IdHasher hasher = new IdHasher(AuditFixtures.key((byte) 1));
        assertThat(hasher.hash("")).isNull();
        assertThat(hasher.hash(null)).isNull();
    }

    @Test
    void changingTheCallersKeyArrayLaterDoesNotChangeTheHasher() {
        byte[] key = AuditFixtures.key((byte) 1);
        IdHasher hasher = new IdHasher(key);
        String before = hasher.hash(ID);
        key[0]++;
        assertThat(hasher.hash(ID)).isEqualTo(before);
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new IdHasher(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
