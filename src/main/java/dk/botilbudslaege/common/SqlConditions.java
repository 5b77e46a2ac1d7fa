package dk.botilbudslaege.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A WHERE clause built from the filters that are present, with its named parameters. */
public final class SqlConditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    public SqlConditions add(String condition, String param, Object value) {
        conditions.add(condition);
        params.put(param, value);
        return this;
    }

    public SqlConditions addIfPresent(String condition, String param, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            add(condition, param, value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    /** Case-insensitive "contains" over one or more columns. */
    public SqlConditions addSearch(String q, String... columns) {
        if (q != null && !q.isBlank()) {
            String pattern =
                    "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            List<String> parts = new ArrayList<>();
            for (String column : columns) {
                parts.add(column + " ilike :q");
            }
            add("(" + String.join(" or ", parts) + ")", "q", pattern);
        }
        return this;
    }

    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        return spec.params(params);
    }
}
