package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code --faults} syntax: what it accepts, what it means, and errors that name the bad part. */
class FaultSpecTest {

    @Test
    void parsesTheDocumentedExample() {
        FaultSpec spec = FaultSpec.parse("latency=200ms,jitter=50ms,error=0.1:503,malformed=0.05,ratelimit=0.02:3,"
                + "timeout=0.01,seed=42");

        assertThat(spec.latency()).isEqualTo(Duration.ofMillis(200));
        assertThat(spec.jitter()).isEqualTo(Duration.ofMillis(50));
        assertThat(spec.errorRate()).isEqualTo(0.1);
        assertThat(spec.errorStatus()).isEqualTo(503);
        assertThat(spec.malformedRate()).isEqualTo(0.05);
        assertThat(spec.malformedShape()).isNull();
        assertThat(spec.rateLimitRate()).isEqualTo(0.02);
        assertThat(spec.retryAfterSeconds()).isEqualTo(3);
        assertThat(spec.hangRate()).isEqualTo(0.01);
        assertThat(spec.hangTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(spec.seed()).isEqualTo(42L);
        assertThat(spec.isNone()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "latency=2s                              | latency=2s",
            "' jitter = 5ms , latency=1500ms '       | latency=1500ms,jitter=5ms",
            "error=0.5                               | error=0.5:503",
            "error=1:500                             | error=1:500",
            "malformed=.25:wrong-types               | malformed=0.25:wrong-types",
            "malformed=0.1:HTML                      | malformed=0.1:html",
            "ratelimit=0.2                           | ratelimit=0.2:1",
            "timeout=0.01:30s                        | timeout=0.01:30s",
            "seed=-7,error=0.25:502,timeout=0.75     | error=0.25:502,timeout=0.75:60s,seed=-7",
            "none                                    | none",
            "''                                      | none"})
    void parsesValidSpecsToTheirCanonicalForm(String spec, String canonical) {
        FaultSpec parsed = FaultSpec.parse(spec);

        assertThat(parsed).hasToString(canonical);
        assertThat(FaultSpec.parse(parsed.toString())).isEqualTo(parsed);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "none", "NONE", "seed=3"})
    void injectsNothingWhenEmpty(String spec) {
        assertThat(FaultSpec.parse(spec).isNone()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "latency=200                   | 'latency=200'",
            "latency=fast                  | 'latency=fast'",
            "latency=11min                 | 'latency=11min'",
            "latency=601s                  | 'latency=601s'",
            "jitter=-5ms                   | 'jitter=-5ms'",
            "error=1.5:503                 | 'error=1.5:503'",
            "error=0.1:404                 | 'error=0.1:404'",
            "error=0.1:abc                 | 'error=0.1:abc'",
            "error=NaN                     | 'error=NaN'",
            "error=0x1p-3                  | 'error=0x1p-3'",
            "malformed=0.1:xml             | 'malformed=0.1:xml'",
            "ratelimit=0.1:-3              | 'ratelimit=0.1:-3'",
            "timeout=0.1:forever           | 'timeout=0.1:forever'",
            "seed=forty-two                | 'seed=forty-two'",
            "latency=1ms,latency=2ms       | 'latency=2ms'",
            "lag=200ms                     | 'lag=200ms'",
            "latency                       | 'latency'",
            "latency=1ms,,error=0.1        | ''",
            "=5                            | '=5'"})
    void rejectsBadPartNamingIt(String spec, String part) {
        assertThatIllegalArgumentException().isThrownBy(() -> FaultSpec.parse(spec))
                .withMessageContaining("part '" + part + "'");
    }

    @Test
    void rejectsRatesAddingUpToMoreThanOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> FaultSpec.parse("error=0.6,malformed=0.5"))
                .withMessageContaining("add up to more than 1");
    }
}
