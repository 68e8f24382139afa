package com.waiverdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A TCP relay on 127.0.0.1 between the desk and the mock service that reads, for each verification and each
 * e-certificate status call, the service's own time from the mock's reply ({@code Server-Timing: app;dur=…}, written
 * by the mock) and the time the relay waited for the reply. The desk is configured with the relay's address, so the
 * desk's code is measured unchanged; the relay's own two loopback hops stay in the desk's figure (pessimistic by a
 * fraction of a millisecond).
 */
final class ServiceTimingRelay implements AutoCloseable {
    /** One verification or status call: the mock's own time and the relay's wait for the reply, ms. */
    record Timing(double serviceMillis, double upstreamMillis) {
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Timing> timings = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    private ServiceTimingRelay(ServerSocket server, int upstreamPort) {
        this.server = server;
        this.upstreamPort = upstreamPort;
    }

    static ServiceTimingRelay start(int upstreamPort) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServiceTimingRelay relay = new ServiceTimingRelay(server, upstreamPort);
        daemon(relay::accept, "relay-accept");
        return relay;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    /** The verifications relayed since the last call, and forgets them. */
    synchronized List<Timing> take() {
        List<Timing> taken = List.copyOf(timings);
        timings.clear();
        return taken;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                synchronized (this) {
                    sockets.add(client);
                    sockets.add(upstream);
                }
                Exchange exchange = new Exchange();
                daemon(() -> pump(client, upstream, exchange, true), "relay-request");
                daemon(() -> pump(upstream, client, exchange, false), "relay-reply");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** What the request side saw of the verification waiting for its reply on one connection. */
    private static final class Exchange {
        volatile long verificationSentNanos = -1;
    }

    private void pump(Socket from, Socket to, Exchange exchange, boolean request) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                // a request or reply line starts a read (one exchange at a time on a connection, as OkHttp sends)
                String head = new String(buffer, 0, Math.min(n, 2048), StandardCharsets.ISO_8859_1);
                if (request && head.startsWith("POST ") && isTimed(head)) {
                    exchange.verificationSentNanos = System.nanoTime();
                } else if (!request && head.startsWith("HTTP/") && exchange.verificationSentNanos >= 0) {
                    double upstream = (System.nanoTime() - exchange.verificationSentNanos) / 1e6;
                    exchange.verificationSentNanos = -1;
                    synchronized (this) {
                        timings.add(new Timing(serverTiming(head), upstream));
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** A verification or an e-certificate status call: the requests a check waits for the service's answer to. */
    static boolean isTimed(String head) {
        int end = head.indexOf('\r');
        String line = end < 0 ? head : head.substring(0, end);
        return line.contains("/verifications") || line.contains("/ecert/status");
    }

    /** {@code app;dur=1.234} from the reply's header (the JDK server writes the name as "Server-timing"). */
    static double serverTiming(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        int header = lower.indexOf("\r\nserver-timing:");
        if (header < 0) {
            return Double.NaN;
        }
        int end = lower.indexOf("\r\n", header + 2);
        String value = lower.substring(header, end < 0 ? lower.length() : end);
        int dur = value.indexOf("dur=");
        return dur < 0 ? Double.NaN : Double.parseDouble(value.substring(dur + 4).split("[;,\\s]")[0]);
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (this) {
            sockets.forEach(ServiceTimingRelay::closeQuietly);
        }
    }
}
