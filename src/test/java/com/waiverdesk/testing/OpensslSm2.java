package com.waiverdesk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An SM2 key that lives only in Debian's {@code openssl} command (OpenSSL 3): made with {@code genpkey}, signing with
 * {@code pkeyutl -rawin -digest sm3} and the default user id. The independent issuer of the e-certificate tests: no
 * class of the program touches its key or its signatures. Fails (never skips) when openssl is missing.
 */
public final class OpensslSm2 {
    private final Path pem;
    private final Path dir;

    private OpensslSm2(Path dir, Path pem) {
        this.dir = dir;
        this.pem = pem;
    }

    /** A new key in {@code dir}, named {@code name}. */
    public static OpensslSm2 generate(Path dir, String name) throws IOException, InterruptedException {
        Path pem = dir.resolve(name + ".pem");
        run(dir, "openssl", "genpkey", "-algorithm", "SM2", "-out", pem.toString());
        return new OpensslSm2(dir, pem);
    }

    /** The public key as e-certificate.md carries it: standard base64 of the SubjectPublicKeyInfo DER. */
    public String spkiBase64() throws IOException, InterruptedException {
        Path der = Files.createTempFile(dir, "pub", ".der");
        run(dir, "openssl", "pkey", "-in", pem.toString(), "-pubout", "-outform", "DER", "-out", der.toString());
        return Base64.getEncoder().encodeToString(Files.readAllBytes(der));
    }

    /** The DER SM2 signature of {@code message} (SM3, user id 1234567812345678). */
    public byte[] sign(byte[] message) throws IOException, InterruptedException {
        Path in = Files.createTempFile(dir, "msg", ".bin");
        Path sig = Files.createTempFile(dir, "sig", ".der");
        Files.write(in, message);
        run(dir, "openssl", "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678",
                "-inkey", pem.toString(), "-in", in.toString(), "-out", sig.toString());
        return Files.readAllBytes(sig);
    }

    /** {@code PREFIX.kid.b64url(payload).b64url(signature)}, signed over the first three parts as written. */
    public String compact(String prefix, String kid, String payloadJson) throws IOException, InterruptedException {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signed = prefix + "." + kid + "." + url.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return signed + "." + url.encodeToString(sign(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", args) + " failed: " + output);
        }
    }
}
