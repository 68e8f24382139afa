package com.waiverdesk.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.waiverdesk.domain.AssistanceGrant;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes the built-in registry data file from a seed, so that the shipped synthetic people are reproducible:
 * {@code RegistryGenerator [--seed N] [--count N] [--out FILE]} (defaults: the shipped seed and count, stdout).
 * The demo people come first, then {@code count} random people with valid IDs from Shanghai's districts.
 */
public final class RegistryGenerator {
    public static final long DEFAULT_SEED = 20261128L;
    public static final int DEFAULT_COUNT = 1200;
    /** 黄浦 徐汇 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 浦东 金山 松江 青浦 奉贤 崇明. */
    static final List<String> DISTRICTS = List.of("310101", "310104", "310105", "310106", "310107", "310109",
            "310110", "310112", "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151");
    static final LocalDate FIRST_BIRTH = LocalDate.of(1930, 1, 1);
    static final LocalDate LAST_BIRTH = LocalDate.of(2020, 12, 31);

    private RegistryGenerator() {
    }

    public static void main(String[] args) throws IOException {
        long seed = DEFAULT_SEED;
        int count = DEFAULT_COUNT;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if ("--seed".equals(args[i]) && value != null) {
                seed = Long.parseLong(args[++i]);
            } else if ("--count".equals(args[i]) && value != null) {
                count = Integer.parseInt(args[++i]);
            } else if ("--out".equals(args[i]) && value != null) {
                out = Path.of(args[++i]);
            } else {
                System.err.println("usage: RegistryGenerator [--seed N] [--count N] [--out FILE]");
                System.exit(2);
            }
        }
        String json = generate(seed, count);
        if (out == null) {
            PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            stdout.print(json);
        } else {
            Files.writeString(out, json, StandardCharsets.UTF_8);
        }
    }

    /** The data file's text: the same seed and count give the same text on every JVM. */
    public static String generate(long seed, int count) {
        DemoPeople demo = new DemoPeople();
        Set<String> taken = new HashSet<>();
        demo.queries().forEach(q -> taken.add(q.idNumber()));
        List<RegistryPerson> people = new ArrayList<>(demo.people());
        Random random = new Random(seed);
        SyntheticGrants grants = new SyntheticGrants(random);
        while (people.size() < demo.people().size() + count) {
            boolean male = random.nextBoolean();
            LocalDate birth = FIRST_BIRTH.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(FIRST_BIRTH,
                    LAST_BIRTH) + 1));
            int sequence = male ? 2 * random.nextInt(500) + 1 : 2 * random.nextInt(499) + 2;
            String id = DemoPeople.withCheck(DISTRICTS.get(random.nextInt(DISTRICTS.size()))
                    + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence));
            String name = name(random, male);
            List<AssistanceGrant> assistance = grants.next(people.size() - demo.people().size(), birth);
            if (taken.add(id)) {
                people.add(new RegistryPerson(id, name, assistance));
            }
        }
        StringBuilder text = new StringBuilder(320_000);
        text.append("{\n  \"format\": \"").append(SyntheticRegistry.FORMAT).append("\",\n");
        text.append("  \"generator\": \"").append(RegistryGenerator.class.getName()).append(" --seed ").append(seed)
                .append(" --count ").append(count).append("\",\n");
        List<Map<String, Object>> demoJson = new ArrayList<>();
        demo.queries().forEach(q -> demoJson.add(RegistryJson.toJson(q)));
        appendArray(text, "demoQueries", demoJson);
        text.append(",\n");
        List<Map<String, Object>> peopleJson = new ArrayList<>();
        people.forEach(p -> peopleJson.add(RegistryJson.toJson(p)));
        appendArray(text, "people", peopleJson);
        return text.append("\n}\n").toString();
    }

    private static String name(Random random, boolean male) {
        int kind = random.nextInt(100);
        if (kind < 88) {
            return SyntheticNames.chinese(random, male);
        }
        return kind < 95 ? SyntheticNames.minority(random, male) : SyntheticNames.latin(random, male);
    }

    /** One entry per line: the file stays small and a diff of a regenerated file stays readable. */
    private static void appendArray(StringBuilder text, String field, List<Map<String, Object>> entries) {
        text.append("  \"").append(field).append("\": [\n");
        for (int i = 0; i < entries.size(); i++) {
            try {
                text.append("    ").append(MockJson.MAPPER.writeValueAsString(entries.get(i)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write registry entry", e);
            }
            text.append(i + 1 < entries.size() ? ",\n" : "\n");
        }
        text.append("  ]");
    }
}
