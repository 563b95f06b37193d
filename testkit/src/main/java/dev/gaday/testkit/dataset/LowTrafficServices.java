package dev.gaday.testkit.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Two services with little or no traffic, as one OpenMetrics file to backfill beside a {@link GaDayGenerator}
 * day (same metric names and labels): {@value #IDLE} serves nothing all window (its counters are scraped but
 * never move) and {@value #SPARSE} serves {@value #SPARSE_REQUESTS} requests spread evenly over the window,
 * exactly one of them a 500, all within 50 ms. For the states an SLO tool must tell apart from a page:
 * no traffic, and too few events to judge.
 */
public final class LowTrafficServices {
    public static final String IDLE = "idle";
    public static final String SPARSE = "sparse";
    public static final int SPARSE_REQUESTS = 30;
    public static final String FILE = "low-traffic.om";

    private LowTrafficServices() {}

    /**
     * Writes {@value #FILE} into {@code directory}, samples every {@code step} from {@code start} to {@code end};
     * returns the file.
     */
    public static Path write(Path directory, Instant start, Instant end, Duration step) {
        long from = start.getEpochSecond();
        long to = end.getEpochSecond();
        long stepSeconds = step.getSeconds();
        long points = (to - from) / stepSeconds + 1;
        if (points < SPARSE_REQUESTS + 1) {
            throw new IllegalArgumentException("need at least " + (SPARSE_REQUESTS + 1) + " samples, got " + points);
        }
        StringBuilder requests = new StringBuilder();
        StringBuilder buckets = new StringBuilder();
        long served = 0;
        for (long i = 0; i < points; i++) {
            long t = from + i * stepSeconds;
            // Request k (1..30) is served just before sample round(k * (points - 1) / 30): evenly spread.
            while (served < SPARSE_REQUESTS
                    && i >= Math.round((served + 1) * (points - 1) / (double) SPARSE_REQUESTS)) {
                served++;
            }
            long errors = served >= SPARSE_REQUESTS / 2 ? 1 : 0;
            for (String service : List.of(IDLE, SPARSE)) {
                long ok = service.equals(SPARSE) ? served - errors : 0;
                long failed = service.equals(SPARSE) ? errors : 0;
                String labels =
                        "job=\"" + service + "\",service=\"" + service + "\",instance=\"" + service + "-0:8080\"";
                requests.append("http_requests_total{")
                        .append(labels)
                        .append(",method=\"GET\",status=\"200\"} ")
                        .append(ok)
                        .append(' ')
                        .append(t)
                        .append('\n');
                requests.append("http_requests_total{")
                        .append(labels)
                        .append(",method=\"GET\",status=\"500\"} ")
                        .append(failed)
                        .append(' ')
                        .append(t)
                        .append('\n');
                long count = ok + failed;
                for (String le : GaDayGenerator.HTTP_BUCKETS) {
                    long inBucket = Double.parseDouble(le.equals("+Inf") ? "Infinity" : le) >= 0.05 ? count : 0;
                    buckets.append("http_request_duration_seconds_bucket{")
                            .append(labels)
                            .append(",le=\"")
                            .append(le)
                            .append("\"} ")
                            .append(inBucket)
                            .append(' ')
                            .append(t)
                            .append('\n');
                }
                buckets.append("http_request_duration_seconds_count{")
                        .append(labels)
                        .append("} ")
                        .append(count)
                        .append(' ')
                        .append(t)
                        .append('\n');
                buckets.append("http_request_duration_seconds_sum{")
                        .append(labels)
                        .append("} ")
                        .append(count * 0.03)
                        .append(' ')
                        .append(t)
                        .append('\n');
            }
        }
        Path file = directory.resolve(FILE);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("# HELP http_requests HTTP requests by method and status.\n# TYPE http_requests counter\n");
            out.append(requests);
            out.write("# HELP http_request_duration_seconds HTTP request latency.\n"
                    + "# TYPE http_request_duration_seconds histogram\n");
            out.append(buckets);
            out.write("# EOF\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** {@code dataset} with this file added to its files, for {@code PrometheusServer.start}. */
    public static Dataset addTo(Dataset dataset, Duration step) {
        Path file = write(
                dataset.directory(),
                dataset.manifest().start(),
                dataset.manifest().end(),
                step);
        List<Path> files = new ArrayList<>(dataset.files());
        files.add(file);
        return new Dataset(dataset.directory(), files, dataset.manifest());
    }
}
