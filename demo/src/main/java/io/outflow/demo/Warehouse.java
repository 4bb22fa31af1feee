package io.outflow.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The demo's warehouse: an embedded DuckDB database (a file in the run's directory, or in memory for tests) with
 * customers, orders and tickets, and the SQL under {@code warehouse/} that seeds it, computes the customer
 * intelligence model, lets a day pass and finds the rows whose model output changed since the last publish.
 */
public final class Warehouse implements AutoCloseable {
    /** A statement ends with ';' at the end of a line. */
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);

    public static final String MODEL_TABLE = "customer_intelligence";

    private final Connection connection;

    private Warehouse(Connection connection) {
        this.connection = connection;
    }

    /** A warehouse in a DuckDB file (created if missing). */
    public static Warehouse open(Path file) {
        return connect("jdbc:duckdb:" + file.toAbsolutePath());
    }

    /** A warehouse in memory, gone when closed. */
    public static Warehouse inMemory() {
        return connect("jdbc:duckdb:");
    }

    private static Warehouse connect(String url) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            return new Warehouse(DriverManager.getConnection(url));
        } catch (SQLException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot open the DuckDB warehouse " + url, e);
        }
    }

    /** Creates and fills customers, orders and tickets (warehouse/seed.sql). */
    public void seed() {
        runScript("warehouse/seed.sql");
    }

    /** New orders, tickets and logins, a churned customer and a new one; the clock moves a day (warehouse/day2.sql). */
    public void passADay() {
        runScript("warehouse/day2.sql");
    }

    /** Computes the model (warehouse/model.sql) and returns its rows by customer id. */
    public List<ModelRow> runModel() {
        runScript("warehouse/model.sql");
        return rows("SELECT * FROM " + MODEL_TABLE + " ORDER BY customer_id");
    }

    /** The model rows that differ from the last published ones (warehouse/changes.sql); all rows the first time. */
    public List<ModelRow> changedRows() {
        runScript("warehouse/changes.sql");
        return rows("SELECT * FROM changed_rows ORDER BY customer_id");
    }

    /** The row last published for this customer, if any. */
    public Optional<ModelRow> published(String customerId) {
        List<ModelRow> found = rows("SELECT * FROM published_intelligence WHERE customer_id = '"
                + customerId.replace("'", "''") + "'");
        return found.stream().findFirst();
    }

    /** Records that the current model output is what the destinations were sent. */
    public void markPublished() {
        execute("CREATE OR REPLACE TABLE published_intelligence AS SELECT * FROM " + MODEL_TABLE);
    }

    public LocalDate asOf() {
        Object value = scalar("SELECT as_of FROM warehouse_clock");
        return LocalDate.parse(value.toString());
    }

    /** Row count of a table. */
    public long count(String table) {
        return ((Number) scalar("SELECT count(*) FROM " + table)).longValue();
    }

    /** Runs any query and returns its rows as column → value maps (for display and tests). */
    public List<Map<String, Object>> query(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), jsonReady(rs.getObject(i)));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    private List<ModelRow> rows(String sql) {
        List<ModelRow> rows = new ArrayList<>();
        for (Map<String, Object> row : query(sql)) {
            rows.add(new ModelRow((String) row.get("customer_id"), row));
        }
        return rows;
    }

    private Object scalar(String sql) {
        List<Map<String, Object>> rows = query(sql);
        return rows.get(0).values().iterator().next();
    }

    /** Values as the Kafka record carries them: numbers and text; dates and timestamps as ISO text. */
    static Object jsonReady(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof BigDecimal || value instanceof Boolean || value instanceof Double) {
            return value;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof java.math.BigInteger) {
            return new BigDecimal((java.math.BigInteger) value);
        }
        if (value instanceof java.sql.Date) {
            return ((java.sql.Date) value).toLocalDate().toString();
        }
        if (value instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) value).toLocalDateTime().toString();
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return value.toString();
        }
        return value.toString();
    }

    void runScript(String resource) {
        for (String statement : statements(readResource(resource))) {
            execute(statement);
        }
    }

    private void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Warehouse statement failed: " + firstLine(sql), e);
        }
    }

    /** The statements of a script: split at ';' ending a line, comment-only pieces left out. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        for (String piece : STATEMENT_END.split(script)) {
            boolean hasCode = piece.lines().map(String::strip)
                    .anyMatch(line -> !line.isEmpty() && !line.startsWith("--"));
            if (hasCode) {
                statements.add(piece.strip());
            }
        }
        return statements;
    }

    static String readResource(String resource) {
        try (InputStream in = Warehouse.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String sql) {
        return sql.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("--")).findFirst().orElse(sql);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Closing the warehouse failed", e);
        }
    }
}
