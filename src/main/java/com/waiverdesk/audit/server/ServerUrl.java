package com.waiverdesk.audit.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@code jdbc:postgresql://host:port/db?user=NAME} audit server address as IT configures it, checked before any
 * connection: the user must be named, a password never (it comes from the secret store or {@code ~/.pgpass}), and a
 * server that is not on this machine is reached only with {@code sslmode=verify-full}, so the entries of a whole
 * hospital never cross its network in the clear or to an impostor.
 *
 * @param url      the address as configured (without a password)
 * @param host     the server's host as written
 * @param port     its port (5432 when not written)
 * @param database the database's name
 * @param user     the login
 */
public record ServerUrl(String url, String host, int port, String database, String user) {
    public static final String PREFIX = "jdbc:postgresql://";
    private static final Set<String> SECRET_PARAMETERS = Set.of("password", "sslpassword", "sslkey");

    /** Whether a configured {@code auditDatabase} names an audit server rather than a local file. */
    public static boolean isServerUrl(String value) {
        return value != null && value.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Checks the address.
     *
     * @throws IllegalArgumentException with a sentence for IT: what is wrong and what to write instead
     */
    public static ServerUrl parse(String value) {
        if (!isServerUrl(value)) {
            throw new IllegalArgumentException("An audit server address starts with " + PREFIX);
        }
        URI uri;
        try {
            uri = new URI("postgresql://" + value.substring(PREFIX.length()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The audit server address is not a valid URL: write it as "
                    + PREFIX + "HOST:PORT/DATABASE?user=LOGIN", e);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("The audit server address names no host: write it as " + PREFIX
                    + "HOST:PORT/DATABASE?user=LOGIN");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The audit server address must not carry a login or password before"
                    + " the host: name the login with ?user=LOGIN and store the password with `waiverdesk secret set"
                    + " --audit-db` or in ~/.pgpass");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("The audit server address names no database: write it as " + PREFIX
                    + "HOST:PORT/DATABASE?user=LOGIN");
        }
        Map<String, String> params = parameters(uri.getRawQuery());
        for (String secret : SECRET_PARAMETERS) {
            if (params.containsKey(secret)) {
                throw new IllegalArgumentException("The audit server address must not carry " + secret + "=: store"
                        + " the password with `waiverdesk secret set --audit-db` or in ~/.pgpass, never in the"
                        + " configuration");
            }
        }
        String user = params.get("user");
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("The audit server address names no login: add ?user=LOGIN (the"
                    + " window's desk login, made with `waiverdesk audit server add-desk`)");
        }
        String host = uri.getHost();
        if (!isLoopback(host) && !"verify-full".equals(params.get("sslmode"))) {
            throw new IllegalArgumentException("The audit server " + host + " is not on this machine: add"
                    + " &sslmode=verify-full&sslrootcert=PATH-TO-THE-HOSPITAL-CA.pem (plain connections are allowed"
                    + " only to this machine)");
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return new ServerUrl(value, host, port, database, user);
    }

    /** The same server and database with another login (a supervisor's, or IT's). */
    public ServerUrl withUser(String login) {
        if (login == null || login.isBlank()) {
            throw new IllegalArgumentException("A login is needed");
        }
        String replaced = url.replaceFirst("([?&])user=[^&]*", "$1user=" + encode(login));
        return parse(replaced);
    }

    /** How logs and screens name the server: host, port, database and login; never a secret. */
    public String describe() {
        return user + "@" + host + ":" + port + "/" + database;
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name other than localhost is not resolved here: it could point anywhere
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1),
                    java.nio.charset.StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
