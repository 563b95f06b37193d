package dev.gaday.kpi.query;

import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.QueryRange;
import dev.gaday.common.prometheus.QueryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory fleet behind the {@link PrometheusClient} interface, with Prometheus's sample limit: a query
 * selects the series its {@code service} matchers (=~ and !~, as the splitter writes them) allow, costs one
 * sample per series and step, and fails as Prometheus does (422 execution, "too many samples") above
 * {@code maxSamples}. Each series' value at a time is a function of its service and the time, so any split
 * answer can be checked against the unlimited one.
 */
class LimitedPrometheus implements PrometheusClient {
    private static final Pattern MATCHER = Pattern.compile("\\bservice(=~|!~)\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The series: their label sets; one without a service label (only job) for the rest shard. */
    final List<Map<String, String>> series = new ArrayList<>();

    /** What label values answers (a service missing here must still be counted once, in a rest shard). */
    final List<String> knownServices = new ArrayList<>();

    long maxSamples = Long.MAX_VALUE;
    final List<String> requests = new ArrayList<>();
    final List<String> labelRequests = new ArrayList<>();
    PrometheusException failEveryQuery;

    LimitedPrometheus services(String... names) {
        for (String name : names) {
            series.add(Map.of("service", name));
            knownServices.add(name);
        }
        return this;
    }

    static double value(Map<String, String> labels, Instant time) {
        return labels.hashCode() % 1000 + time.getEpochSecond() / 60.0;
    }

    private List<Map<String, String>> selected(String promql) {
        Predicate<Map<String, String>> filter = labels -> true;
        Matcher matcher = MATCHER.matcher(promql);
        while (matcher.find()) {
            Pattern regex = Pattern.compile(unescape(matcher.group(2)));
            boolean equal = matcher.group(1).equals("=~");
            filter = filter.and(
                    labels -> regex.matcher(labels.getOrDefault("service", "")).matches() == equal);
        }
        return series.stream().filter(filter).toList();
    }

    private static String unescape(String promqlString) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < promqlString.length(); i++) {
            char c = promqlString.charAt(i);
            if (c == '\\' && i + 1 < promqlString.length()) {
                out.append(promqlString.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void charge(String request, long samples) {
        requests.add(request);
        if (failEveryQuery != null) {
            throw failEveryQuery;
        }
        if (samples > maxSamples) {
            throw tooManySamples(request);
        }
    }

    static PrometheusException tooManySamples(String request) {
        return PrometheusException.of(
                PrometheusException.Kind.API_ERROR,
                request,
                422,
                "execution",
                "Prometheus error (HTTP 422 Unprocessable Entity, execution): query processing would load too many"
                        + " samples into memory in query execution",
                null,
                null);
    }

    @Override
    public QueryResult query(String promql, Instant time) {
        List<Map<String, String>> chosen = selected(promql);
        charge("query " + promql + " @" + time, chosen.size());
        List<QueryResult.InstantSample> samples = new ArrayList<>();
        for (Map<String, String> labels : chosen) {
            samples.add(new QueryResult.InstantSample(labels, new QueryResult.Sample(time, value(labels, time))));
        }
        return new QueryResult.Vector(samples, List.of());
    }

    @Override
    public QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step) {
        QueryRange range = new QueryRange(start, end, step);
        List<Map<String, String>> chosen = selected(promql);
        charge("query_range " + promql + " " + start + ".." + end, chosen.size() * range.points());
        Map<Map<String, String>, List<QueryResult.Sample>> out = new LinkedHashMap<>();
        for (Map<String, String> labels : chosen) {
            List<QueryResult.Sample> samples = new ArrayList<>();
            for (long k = 0; k < range.points(); k++) {
                Instant t = start.plus(step.multipliedBy(k));
                samples.add(new QueryResult.Sample(t, value(labels, t)));
            }
            out.put(labels, samples);
        }
        List<QueryResult.Series> result = new ArrayList<>();
        out.forEach((labels, samples) -> result.add(new QueryResult.Series(labels, samples)));
        return new QueryResult.Matrix(result, List.of());
    }

    @Override
    public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) {
        labelRequests.add(label + " " + matchers + " " + start + ".." + end);
        return label.equals("service") ? List.copyOf(knownServices) : List.of();
    }

    @Override
    public String baseUrl() {
        return "http://limited";
    }

    @Override
    public void close() {}
}
