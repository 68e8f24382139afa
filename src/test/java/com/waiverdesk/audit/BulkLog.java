package com.waiverdesk.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/** Writes a large, correctly chained log in one transaction, for tests that need many entries quickly. */
final class BulkLog {
    private BulkLog() {
    }

    static void write(Path db, int entries) throws Exception {
        SqliteAuditLog.open(db).close();
        try (Connection c = AuditFixtures.jdbc(db); Statement s = c.createStatement();
             PreparedStatement insert = c.prepareStatement(AuditChain.CHECKS.insert())) {
            s.execute("BEGIN IMMEDIATE");
            String prev = HashChain.GENESIS;
            RowDigester digester = new RowDigester();
            List<Object> values = EntryColumns.toColumns(AuditFixtures.entry(0));
            long start = (Long) values.get(0);
            for (int seq = 1; seq <= entries; seq++) {
                values.set(0, start + seq * 1000L);
                values.set(EntryColumns.NAMES.indexOf("request_id"), "req-" + seq);
                String hash = digester.hash(HashChain.FORMAT, seq, values, prev);
                insert.setLong(1, seq);
                for (int i = 0; i < values.size(); i++) {
                    insert.setObject(i + 2, values.get(i));
                }
                insert.setString(values.size() + 2, prev);
                insert.setString(values.size() + 3, hash);
                insert.executeUpdate();
                prev = hash;
            }
            s.execute("COMMIT");
        }
    }
}
