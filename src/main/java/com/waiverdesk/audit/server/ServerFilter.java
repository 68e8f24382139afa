package com.waiverdesk.audit.server;

import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.domain.PersonName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * An {@link AuditFilter} as the server's {@code waiverdesk.audit_filter}: one row value of bound parameters (the
 * server checks and folds it, see V2__supervisor.sql). The name fragment is normalized here as the desk normalized
 * the names it stored.
 */
final class ServerFilter {
    /** The row value; binds {@link #PARAMETERS} parameters. */
    static final String ROW = "ROW(?::bigint, ?::bigint, ?::text, ?::text, ?::text[], ?::text, ?::text[], ?::text,"
            + " ?::text, ?::text[])::waiverdesk.audit_filter";
    static final int PARAMETERS = 10;

    private ServerFilter() {
    }

    /** Binds the filter's fields from parameter {@code first}; returns the next free index. */
    static int bind(PreparedStatement ps, int first, AuditFilter f) throws SQLException {
        Connection c = ps.getConnection();
        int i = first;
        setLong(ps, i++, f.fromMillis());
        setLong(ps, i++, f.toMillis());
        ps.setString(i++, f.operator());
        ps.setString(i++, f.workstation());
        setArray(c, ps, i++, f.decisions().stream().map(Enum::name).toList());
        ps.setString(i++, f.serviceResult());
        setArray(c, ps, i++, f.errorCodes());
        String fragment = PersonName.normalize(f.nameFragment());
        ps.setString(i++, fragment.isEmpty() ? null : fragment);
        ps.setString(i++, f.idHash());
        setArray(c, ps, i++, f.channels().stream().map(Enum::name).toList());
        return i;
    }

    private static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }

    private static void setArray(Connection c, PreparedStatement ps, int i, List<String> values) throws SQLException {
        if (values.isEmpty()) {
            ps.setNull(i, Types.ARRAY);
        } else {
            ps.setArray(i, c.createArrayOf("text", values.toArray()));
        }
    }
}
