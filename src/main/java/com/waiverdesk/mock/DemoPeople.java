package com.waiverdesk.mock;

import com.waiverdesk.domain.AssistanceGrant;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.ResidentId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed, memorable people at the top of the built-in registry and the demo queries that show each outcome of
 * the desk; listed for people in {@code docs/mock-service.md}.
 */
final class DemoPeople {
    static final String SA = "SUBSISTENCE_ALLOWANCE";
    static final String EPS = "EXTREME_POVERTY_SUPPORT";
    static final String LIF = "LOW_INCOME_FAMILY";
    static final String EP = "EXPENDITURE_POVERTY";
    static final String UNKNOWN = "TEMPORARY_HARDSHIP";

    private final List<RegistryPerson> people = new ArrayList<>();
    private final List<DemoQuery> queries = new ArrayList<>();

    DemoPeople() {
        String waive = person("王秀英", "31010119520314002", grant(SA, "2019-01-01", null));
        query("王秀英", waive, DecisionKind.WAIVE, 0, "低保, open-ended");
        query("李桂芬", person("李桂芬", "31010419380611004", grant(EPS, "2021-07-01", "2037-12-31")),
                DecisionKind.WAIVE, 0, "特困 until 2037");
        query("张美玲", person("张美玲", "31010519760920006", grant(LIF, "2024-01-01", "2036-12-31")),
                DecisionKind.REDUCE, 50, "低收入: half the deposit");
        query("刘德顺", person("刘德顺", "31010619641105003", grant(EP, "2023-05-01", "2036-04-30")),
                DecisionKind.CHARGE, 100, "支出型 only: no deposit rule");
        query("陈玉兰", person("陈玉兰", "31010719480722008", grant(SA, "2019-01-01", "2024-12-31")),
                DecisionKind.CHARGE, 100, "低保 expired 2024-12-31");
        queries.add(new DemoQuery("赵明远", withCheck("31010919850101005"), MatchResult.NO_RECORD,
                DecisionKind.CHARGE, 100, "valid ID that is not in the registry"));
        queries.add(new DemoQuery("王秀云", waive, MatchResult.NAME_MISMATCH, DecisionKind.CHARGE, 100,
                "王秀英's ID with another name"));
        query("阿依古丽\u00B7买买提", person("阿依古丽\u00B7买买提", "31011019900815002", grant(SA, "2022-03-01", null)),
                DecisionKind.WAIVE, 0, "minority name with a middle dot, 低保");
        query("Maria Garcia Lopez", person("Maria Garcia Lopez", "31011219810212004",
                grant(LIF, "2023-01-01", "2035-12-31")), DecisionKind.REDUCE, 50, "Latin name, 低收入");
        query("周海燕", person("周海燕", "31011319730530006", grant(UNKNOWN, "2025-06-01", "2036-05-31")),
                DecisionKind.CHARGE, 100, "unknown category only: shown, grants nothing");
        query("孙立新", person("孙立新", "31011419590909001", grant(EP, "2022-01-01", "2036-12-31"),
                grant(LIF, "2021-01-01", "2035-12-31"), grant(SA, "2023-04-01", null)),
                DecisionKind.WAIVE, 0, "支出型 + 低收入 + 低保: the most favourable wins");
        query("吴晓梅", person("吴晓梅", "31011519951201004", grant(SA, "2030-01-01", null)),
                DecisionKind.CHARGE, 100, "低保 not valid before 2030-01-01");
        String none = person("郑国华", "31011619700418007");
        queries.add(new DemoQuery("郑国华", none, MatchResult.NO_RECORD, DecisionKind.CHARGE, 100,
                "in the registry without assistance"));
    }

    List<RegistryPerson> people() {
        return List.copyOf(people);
    }

    List<DemoQuery> queries() {
        return List.copyOf(queries);
    }

    private String person(String name, String first17, AssistanceGrant... grants) {
        String id = withCheck(first17);
        people.add(new RegistryPerson(id, name, List.of(grants)));
        return id;
    }

    private void query(String name, String id, DecisionKind decision, int percent, String note) {
        queries.add(new DemoQuery(name, id, MatchResult.MATCH, decision, percent, note));
    }

    private static AssistanceGrant grant(String category, String from, String until) {
        return new AssistanceGrant(category, LocalDate.parse(from), until == null ? null : LocalDate.parse(until));
    }

    static String withCheck(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }
}
