package com.waiverdesk.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A SQLite write transaction begun IMMEDIATE: the database's write lock is taken at its start, so work that reads
 * the chain's head and then appends after it cannot be overtaken by another writer between the two. Used by the
 * workstation's log and by the audit server's local spool.
 */
public final class ImmediateTransaction {
    private ImmediateTransaction() {
    }

    /** Work done while holding the database's write lock. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Statement s) throws SQLException, E;
    }

    /**
     * Runs {@code work} in one immediate transaction: committed if it returns, rolled back if it throws (a failed
     * rollback is added to what it threw).
     */
    public static <T, E extends Exception> T run(Connection c, Work<T, E> work) throws SQLException, E {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(s);
                s.execute("COMMIT");
                return result;
            } catch (Exception e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    // no transaction was open any more, or SQLite had rolled it back itself
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }
}
