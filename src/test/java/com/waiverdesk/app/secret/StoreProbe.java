package com.waiverdesk.app.secret;

import com.waiverdesk.app.AppPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Run in a child JVM by the tests that need another environment (a D-Bus address, a keyring daemon): opens the store
 * as the desk does and prints what it chose and how long that took; with {@code roundtrip}, also writes, reads and
 * deletes one synthetic entry; {@code limitMs=N} shortens the probe's time limit, printing whether each step held, never the secret.
 */
public final class StoreProbe {
    private StoreProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path data = Path.of(args[1]);
        List<String> options = List.of(args).subList(2, args.length);
        boolean roundTrip = options.contains("roundtrip");
        Duration limit = options.stream().filter(option -> option.startsWith("limitMs="))
                .map(option -> Duration.ofMillis(Long.parseLong(option.substring("limitMs=".length()))))
                .findFirst().orElse(SecretStores.LIMIT);
        long start = System.nanoTime();
        try (SecretStore store = SecretStores.open(new AppPaths(data.resolve("config"), data),
                SecretStores.mode(mode, System.getenv()), System.getProperty("os.name"), limit)) {
            System.out.println("elapsedMs=" + (System.nanoTime() - start) / 1_000_000);
            System.out.println("store=" + store.description());
            System.out.println("class=" + store.getClass().getSimpleName());
            if (roundTrip) {
                String key = "waiverdesk:PROBE-0001@verify.example.gov.cn";
                byte[] secret = ("synthetic-" + Long.toHexString(System.nanoTime())).getBytes(StandardCharsets.UTF_8);
                store.write(key, secret);
                Optional<byte[]> back = store.read(key);
                System.out.println("readBack=" + (back.isPresent() && Arrays.equals(back.get(), secret)));
                System.out.println("deleted=" + store.delete(key));
                System.out.println("afterDelete=" + store.read(key).isPresent());
            }
        } catch (SecretStoreException e) {
            System.out.println("error=" + e.getMessage());
        }
        System.exit(0);
    }
}
