package com.waiverdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.domain.InvalidInputException;
import com.waiverdesk.domain.PersonName;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.domain.VerificationOutcome;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.verification.HttpVerificationClient;
import com.waiverdesk.verification.RequestSigner;
import com.waiverdesk.verification.ServiceAccount;
import com.waiverdesk.verification.Sleeper;
import com.waiverdesk.verification.VerificationHttp;
import com.waiverdesk.verification.VerificationRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Client overhead per check against the bundled mock, next to a bare OkHttp request of the same verification to the
 * same server. The mock reports its own time in {@code Server-Timing}; both figures are given without it.
 */
final class ClientBench {
    private static final String NAME = "王秀英";
    private static final String ID = "310101195203140028";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final PrintWriter out;
    private final AtomicReference<Double> serverMillis = new AtomicReference<>(0.0);

    ClientBench(PrintWriter out) {
        this.out = out;
    }

    void run(int iterations, int warmup) throws IOException, InvalidInputException {
        try (MockVerificationService mock = MockVerificationService.builder()
                .rateLimit(Integer.MAX_VALUE, Duration.ofMinutes(1)).start()) {
            ServiceAccount account = mock.serviceAccount();
            OkHttpClient http = VerificationHttp.builder().addNetworkInterceptor(chain -> {
                Response response = chain.proceed(chain.request());
                serverMillis.set(parseServerTiming(response.header("Server-Timing")));
                return response;
            }).build();
            HttpVerificationClient client = new HttpVerificationClient(http, new ObjectMapper(), account,
                    Duration.ofSeconds(5), Clock.systemUTC(), Sleeper.SYSTEM);
            PersonName name = PersonName.parse(NAME);
            ResidentId id = ResidentId.parse(ID, LocalDate.now());
            byte[] body = ("{\"name\":\"" + NAME + "\",\"idNumber\":\"" + ID
                    + "\",\"purpose\":\"HOSPITAL_DEPOSIT\",\"operatorId\":\"bench\",\"businessRef\":\"\"}")
                    .getBytes(StandardCharsets.UTF_8);
            String url = account.baseUrl() + "api/v1/assistance/verifications";
            RequestSigner signer = new RequestSigner();
            Samples ours = new Samples();
            Samples bare = new Samples();
            for (int i = 0; i < warmup + iterations; i++) {
                boolean measured = i >= warmup;
                long start = System.nanoTime();
                VerificationOutcome outcome = client.verify(
                        new VerificationRequest(UUID.randomUUID().toString(), name, id, "bench", ""));
                long ourNanos = System.nanoTime() - start;
                double ourServer = serverMillis.get();
                if (!outcome.isAnswered()) {
                    throw new IOException("the mock did not answer: " + outcome.failure());
                }
                Request request = signedRequest(account, signer, url, body);
                start = System.nanoTime();
                try (Response response = http.newCall(request).execute()) {
                    response.body().bytes();
                    if (response.code() != 200) {
                        throw new IOException("bare request got HTTP " + response.code());
                    }
                }
                long bareNanos = System.nanoTime() - start;
                if (measured) {
                    ours.add(ourNanos / 1e6, ourServer);
                    bare.add(bareNanos / 1e6, serverMillis.get());
                }
            }
            out.printf("client overhead per check against the bundled mock, %d checks after %d warm-up, ms%n",
                    iterations, warmup);
            ours.print(out, "HttpVerificationClient.verify");
            bare.print(out, "bare OkHttp POST (pre-signed)");
            out.printf("  target: client overhead p99 <= 20 ms -> %s%n",
                    ours.overheadP99() <= 20 ? "met" : "NOT met");
            out.flush();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static Request signedRequest(ServiceAccount account, RequestSigner signer, String url, byte[] body) {
        long timestamp = System.currentTimeMillis();
        String nonce = signer.newNonce();
        String path = okhttp3.HttpUrl.get(url).encodedPath();
        String signature = RequestSigner.signature(account.secret(),
                RequestSigner.canonical("POST", path, timestamp, nonce, body));
        return new Request.Builder().url(url).post(RequestBody.create(body, JSON))
                .header(RequestSigner.ACCOUNT_HEADER, account.accountId())
                .header(RequestSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(RequestSigner.NONCE_HEADER, nonce)
                .header(RequestSigner.REQUEST_ID_HEADER, UUID.randomUUID().toString())
                .header(RequestSigner.SIGNATURE_HEADER, signature).build();
    }

    static double parseServerTiming(String header) {
        if (header == null) {
            return 0;
        }
        int at = header.indexOf("dur=");
        return at < 0 ? 0 : Double.parseDouble(header.substring(at + 4).split("[;,]")[0]);
    }

    /** Total and server times of one kind of request. */
    private static final class Samples {
        private final List<Double> total = new ArrayList<>();
        private final List<Double> server = new ArrayList<>();
        private final List<Double> overhead = new ArrayList<>();

        void add(double totalMillis, double serverMillis) {
            total.add(totalMillis);
            server.add(serverMillis);
            overhead.add(totalMillis - serverMillis);
        }

        double overheadP99() {
            return Stats.percentile(overhead, 99);
        }

        void print(PrintWriter out, String label) {
            out.printf("  %-32s total p50 %6.3f p99 %6.3f | service p50 %6.3f p99 %6.3f | without service p50 %6.3f p99 %6.3f%n",
                    label, Stats.percentile(total, 50), Stats.percentile(total, 99), Stats.percentile(server, 50),
                    Stats.percentile(server, 99), Stats.percentile(overhead, 50), Stats.percentile(overhead, 99));
        }
    }
}
