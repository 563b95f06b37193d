package dev.gaday.kpi.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A subset of a fleet's series, as label matchers to add to a service-level query. Shards made by
 * {@link #split} partition their parent exactly: at the level of one service label, each value list is a
 * shard ({@code label=~"a|b"}) and one more shard holds every series the lists do not name
 * ({@code label!~"a|b|c|…"}, series without the label included), so no series is lost or counted twice
 * even when a service appears after the values were read. That rest is split by the next label of the
 * family's list. A query grouped by the service labels therefore answers every group from one shard, with
 * the same value as unsplit.
 *
 * @param matchers the PromQL matchers that select this shard (empty: the whole fleet)
 * @param level which label of the family's list this shard's values are of; -1 for the whole fleet
 * @param values the service values of this shard at {@code level}; null for a rest shard
 * @param levelValues every value read at {@code level} (a rest shard excludes them all)
 */
public record ServiceShard(List<String> matchers, int level, List<String> values, List<String> levelValues) {
    private static final int MAX_DESCRIPTION = 200;

    /** The whole fleet: no matcher. */
    public static final ServiceShard WHOLE = new ServiceShard(List.of(), -1, null, List.of());

    public ServiceShard {
        matchers = List.copyOf(matchers);
        values = values == null ? null : List.copyOf(values);
        levelValues = List.copyOf(levelValues);
    }

    /** Reads the values of one service label; the splitter asks Prometheus (label values). */
    @FunctionalInterface
    public interface ValueSource {
        List<String> values(String label, List<String> matchers);
    }

    /** True for a shard of named values, false for the whole fleet or a rest shard. */
    public boolean named() {
        return values != null;
    }

    /**
     * The shards that partition this one, or an empty list when it cannot be split further (one value,
     * or a rest shard at the family's last label).
     *
     * @param labels the family's service labels, in order of preference
     */
    public List<ServiceShard> split(List<String> labels, ValueSource source) {
        if (named()) {
            if (values.size() < 2) {
                return List.of();
            }
            List<String> prefix = matchers.subList(0, matchers.size() - 1);
            int half = (values.size() + 1) / 2;
            return List.of(
                    valuesShard(prefix, level, values.subList(0, half), levelValues, labels),
                    valuesShard(prefix, level, values.subList(half, values.size()), levelValues, labels));
        }
        int next = level + 1;
        if (next >= labels.size()) {
            return List.of();
        }
        List<String> known = source.values(labels.get(next), matchers).stream()
                .filter(v -> !v.isEmpty())
                .distinct()
                .sorted()
                .toList();
        if (known.isEmpty()) {
            // Nothing carries this label: the same series, told apart by the next label.
            return new ServiceShard(matchers, next, null, List.of()).split(labels, source);
        }
        List<ServiceShard> parts = new ArrayList<>();
        if (known.size() == 1) {
            parts.add(valuesShard(matchers, next, known, known, labels));
        } else {
            int half = (known.size() + 1) / 2;
            parts.add(valuesShard(matchers, next, known.subList(0, half), known, labels));
            parts.add(valuesShard(matchers, next, known.subList(half, known.size()), known, labels));
        }
        List<String> rest = new ArrayList<>(matchers);
        rest.add(labels.get(next) + "!~\"" + alternation(known) + "\"");
        parts.add(new ServiceShard(rest, next, null, known));
        return parts;
    }

    private static ServiceShard valuesShard(
            List<String> prefix, int level, List<String> values, List<String> levelValues, List<String> labels) {
        List<String> matchers = new ArrayList<>(prefix);
        matchers.add(labels.get(level) + "=~\"" + alternation(values) + "\"");
        return new ServiceShard(matchers, level, values, levelValues);
    }

    /** Values as an anchored RE2 alternation inside a PromQL double-quoted string: "a|b\\.c". */
    static String alternation(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (out.length() > 0) {
                out.append('|');
            }
            out.append(promqlString(quoteRegex(value)));
        }
        return out.toString();
    }

    /** RE2 metacharacters escaped with a backslash. */
    static String quoteRegex(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The body of a PromQL double-quoted string: backslash, quote and line breaks escaped. */
    static String promqlString(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** For a message: "service=~\"a|b\"" or "the whole fleet". */
    public String describe() {
        if (matchers.isEmpty()) {
            return "the whole fleet";
        }
        String text = String.join(",", matchers);
        // A shard of hundreds of services would make a message of kilobytes.
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "…";
    }
}
