package com.waiverdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The distinct names in the log, held in memory so that a name fragment is matched against some tens of thousands
 * of names (a million checks hold about fifty thousand: people return, names repeat) instead of a million rows on
 * every keystroke; the few names that match are then looked up through the name index.
 *
 * <p>Read once from the name index, then topped up from the rows appended since. Names of purged rows may stay:
 * looking them up finds nothing, which is harmless.
 */
final class NameDictionary {
    private final List<String> names = new ArrayList<>();
    /** Each name with its ASCII letters in lower case, as the fragment is compared. */
    private final List<String> folded = new ArrayList<>();
    private final Set<String> known = new HashSet<>();
    private long coveredSeq;

    /** Brings the dictionary up to the newest entry and returns that entry's seq. */
    long refresh(Connection c, String nameIndex) throws SQLException {
        long newest;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM audit_entry")) {
            rs.next();
            newest = rs.getLong(1);
        }
        if (newest > coveredSeq) {
            // the whole name index once (it is in name order, so DISTINCT costs nothing), then new rows by seq
            String sql = coveredSeq == 0 ? "SELECT DISTINCT name FROM audit_entry INDEXED BY " + nameIndex
                    : "SELECT DISTINCT name FROM audit_entry WHERE seq > ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (coveredSeq > 0) {
                    ps.setLong(1, coveredSeq);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        if (name != null && known.add(name)) {
                            names.add(name);
                            folded.add(FilterSql.foldAscii(name));
                        }
                    }
                }
            }
            coveredSeq = newest;
        }
        return newest;
    }

    /** The names the filter's fragment matches, or {@code null} when there are more than {@code limit}. */
    List<String> matching(FilterSql f, int limit) {
        String needle = f.foldedFragment();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (folded.get(i).contains(needle)) {
                if (found.size() == limit) {
                    return null;
                }
                found.add(names.get(i));
            }
        }
        return found;
    }
}
