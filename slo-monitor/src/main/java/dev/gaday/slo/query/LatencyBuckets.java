package dev.gaday.slo.query;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.slo.spec.Sli;
import java.time.Instant;
import java.util.List;

/**
 * Finds the {@code le} bucket of a latency threshold as the server stores it: Prometheus 3 writes
 * "1.0" where client libraries wrote "1". A threshold that is not a bucket cannot be measured exactly
 * (Sloth 506): that is bad input.
 */
public final class LatencyBuckets {
    private LatencyBuckets() {}

    /** The stored {@code le} of the threshold; null when the histogram has no series in the window. */
    public static String bucketOf(PrometheusClient client, String slo, Sli.Latency sli, Instant start, Instant end) {
        List<String> les = client.labelValues("le", List.of(SliQueries.bucketSelector(sli)), start, end);
        if (les.isEmpty()) {
            return null;
        }
        for (String le : les) {
            if (parse(le) == sli.threshold()) {
                return le;
            }
        }
        throw ToolException.usage("slo '" + slo + "': latency threshold " + ReportFormat.plain(sli.threshold())
                + " s is not a bucket of " + sli.metric() + " (its buckets: "
                + String.join(
                        ", ",
                        les.stream()
                                .sorted(java.util.Comparator.comparingDouble(LatencyBuckets::parse))
                                .toList())
                + ")");
    }

    static double parse(String le) {
        try {
            return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
