package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped registry is exactly what the generator makes from its seed, so anyone can rebuild and review it. */
class RegistryGeneratorTest {

    @Test
    void regeneratesTheShippedFileByteForByte() throws IOException {
        byte[] shipped;
        try (InputStream in = SyntheticRegistry.class.getResourceAsStream(SyntheticRegistry.BUILT_IN)) {
            shipped = in.readAllBytes();
        }

        String generated = RegistryGenerator.generate(RegistryGenerator.DEFAULT_SEED, RegistryGenerator.DEFAULT_COUNT);

        assertThat(generated.getBytes(StandardCharsets.UTF_8)).isEqualTo(shipped);
    }

    @Test
    void anotherSeedGivesOtherPeopleButTheSameDemoPeople() throws IOException {
        SyntheticRegistry shipped = MockFixture.REGISTRY;
        SyntheticRegistry other = SyntheticRegistry.read(new java.io.ByteArrayInputStream(
                RegistryGenerator.generate(7, 50).getBytes(StandardCharsets.UTF_8)));

        int demo = new DemoPeople().people().size();
        assertThat(other.size()).isEqualTo(demo + 50);
        assertThat(other.people().subList(0, demo)).isEqualTo(shipped.people().subList(0, demo));
        assertThat(other.people().get(demo)).isNotEqualTo(shipped.people().get(demo));
        assertThat(other.demoQueries()).isEqualTo(shipped.demoQueries());
    }

    @Test
    void mainWritesTheFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("registry.json");

        RegistryGenerator.main(new String[] {"--seed", "11", "--count", "20", "--out", out.toString()});

        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(RegistryGenerator.generate(11, 20));
    }
}
