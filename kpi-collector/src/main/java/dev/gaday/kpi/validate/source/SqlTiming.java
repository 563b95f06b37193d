package dev.gaday.kpi.validate.source;

import dev.gaday.kpi.validate.check.CheckFailure;
import dev.gaday.kpi.validate.check.ErrorKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * Times SQL on a real database: one warm-up run, then {@code runs} timed runs (executed and every row read), in a
 * read-only transaction; keeps {@code EXPLAIN (ANALYZE, BUFFERS)} of a SELECT as evidence.
 */
public final class SqlTiming {
    private SqlTiming() {}

    /** Median and maximum of the timed runs in milliseconds, and the query plan (null when not a SELECT). */
    public record Timing(String name, String sql, double medianMs, double maxMs, int runs, long rows, String plan) {}

    public static Connection connect(String url, String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "120");
        properties.setProperty("ApplicationName", "kpi-collector validate");
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw CheckFailure.source("database unreachable: " + oneLine(e), e);
        }
    }

    public static Timing time(Connection connection, String name, String sql, int runs) {
        try (Statement statement = connection.createStatement()) {
            long rows = drain(statement, sql);
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                drain(statement, sql);
                millis[i] = (System.nanoTime() - started) / 1e6;
            }
            String plan = null;
            String head = sql.stripLeading().toLowerCase(Locale.ROOT);
            if (head.startsWith("select") || head.startsWith("with")) {
                StringBuilder text = new StringBuilder();
                try (ResultSet result = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                    while (result.next()) {
                        text.append(result.getString(1)).append('\n');
                    }
                }
                plan = text.toString().stripTrailing();
            }
            connection.rollback();
            Arrays.sort(millis);
            double median = runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
            return new Timing(name, sql, median, millis[runs - 1], runs, rows, plan);
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // The connection is broken: the error below says why.
            }
            throw new CheckFailure(ErrorKind.SOURCE, "query '" + name + "' failed: " + oneLine(e), null, e);
        }
    }

    private static long drain(Statement statement, String sql) throws SQLException {
        long rows = 0;
        if (statement.execute(sql)) {
            try (ResultSet result = statement.getResultSet()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    for (int c = 1; c <= columns; c++) {
                        result.getObject(c);
                    }
                    rows++;
                }
            }
        } else {
            rows = statement.getUpdateCount();
        }
        return rows;
    }

    static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
