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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Drift and canary scenarios with known truths, as OpenMetrics for promtool (drift-detector's tests).
 * Each {@link Track} is one process (one instance) of a service with a {@code track} label, emitting
 * kpi-collector's metric names: {@code http_requests_total{status}}, {@code http_request_duration_seconds}
 * (histogram; latencies drawn log-normally around the track's median), {@code process_cpu_seconds_total}
 * and {@code process_resident_memory_bytes}. A track may change at {@code changeAt}: from then on its
 * latency median, error ratio and memory are multiplied by the given factors (a deploy).
 *
 * <p>Independent of {@link GaDayGenerator}; the manifest it writes carries the window and services only
 * (its events and truths are placeholders): the truths are the tracks' parameters themselves.
 */
public final class DriftScenarioGenerator {
    /** Finer than the GA day's buckets around 50-500 ms, as a latency-sensitive service would configure. */
    public static final List<Double> BUCKETS =
            List.of(0.01, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5);

    private static final long FILE_WINDOW_SECONDS = 7200;

    /**
     * One process: requests per second, error ratio, median latency (s) and log-normal sigma, CPU cores,
     * memory bytes; after {@code changeAt} (null: never) latency, error ratio and memory are multiplied.
     */
    public record Track(
            String service,
            String track,
            long seed,
            double requestsPerSecond,
            double errorRatio,
            double latencyMedian,
            double latencySigma,
            double cpuCores,
            double memoryBytes,
            Instant changeAt,
            double latencyFactor,
            double errorFactor,
            double memoryFactor) {

        public static Track of(String service, String track, long seed) {
            return new Track(service, track, seed, 20, 0.01, 0.1, 0.35, 0.5, 200e6, null, 1, 1, 1);
        }

        public Track errorRatio(double ratio) {
            return new Track(
                    service,
                    track,
                    seed,
                    requestsPerSecond,
                    ratio,
                    latencyMedian,
                    latencySigma,
                    cpuCores,
                    memoryBytes,
                    changeAt,
                    latencyFactor,
                    errorFactor,
                    memoryFactor);
        }

        public Track requestsPerSecond(double rate) {
            return new Track(
                    service,
                    track,
                    seed,
                    rate,
                    errorRatio,
                    latencyMedian,
                    latencySigma,
                    cpuCores,
                    memoryBytes,
                    changeAt,
                    latencyFactor,
                    errorFactor,
                    memoryFactor);
        }

        public Track latencyMedian(double seconds) {
            return new Track(
                    service,
                    track,
                    seed,
                    requestsPerSecond,
                    errorRatio,
                    seconds,
                    latencySigma,
                    cpuCores,
                    memoryBytes,
                    changeAt,
                    latencyFactor,
                    errorFactor,
                    memoryFactor);
        }

        public Track changeAt(Instant at, double latency, double errors, double memory) {
            return new Track(
                    service,
                    track,
                    seed,
                    requestsPerSecond,
                    errorRatio,
                    latencyMedian,
                    latencySigma,
                    cpuCores,
                    memoryBytes,
                    at,
                    latency,
                    errors,
                    memory);
        }

        String instance() {
            return service + "-" + track + "-0:8080";
        }
    }

    private final Instant start;
    private final Duration length;
    private final Duration step;
    private final List<Track> tracks;

    public DriftScenarioGenerator(Instant start, Duration length, Duration step, List<Track> tracks) {
        if (length.getSeconds() % FILE_WINDOW_SECONDS != 0 || step.getSeconds() < 1) {
            throw new IllegalArgumentException("length must be a multiple of 2h and step at least 1s");
        }
        this.start = start;
        this.length = length;
        this.step = step;
        this.tracks = List.copyOf(tracks);
    }

    public Instant end() {
        return start.plus(length);
    }

    public Dataset generate(Path directory) {
        try {
            Files.createDirectories(directory);
            long startSec = start.getEpochSecond();
            long endSec = end().getEpochSecond();
            List<State> states = tracks.stream().map(State::new).toList();
            List<String> files = new ArrayList<>();
            int window = -1;
            Map<String, StringBuilder> families = newFamilies();
            for (long t = startSec; t <= endSec; t += step.getSeconds()) {
                int w = (int)
                        Math.min((t - startSec) / FILE_WINDOW_SECONDS, (endSec - startSec - 1) / FILE_WINDOW_SECONDS);
                if (w != window) {
                    if (window >= 0) {
                        files.add(flush(directory, window, families));
                    }
                    window = w;
                }
                for (State s : states) {
                    s.advance(t, t == startSec, families);
                }
            }
            files.add(flush(directory, window, families));
            List<Manifest.Service> services = tracks.stream()
                    .map(Track::service)
                    .distinct()
                    .map(name -> new Manifest.Service(
                            name,
                            tracks.stream()
                                    .filter(t -> t.service().equals(name))
                                    .map(Track::instance)
                                    .toList()))
                    .toList();
            String first = services.get(0).name();
            Manifest manifest = new Manifest(
                    tracks.get(0).seed(),
                    start,
                    end(),
                    step.getSeconds(),
                    services,
                    first,
                    files,
                    new Manifest.Events(
                            new Manifest.Incident(first, start, start, 0),
                            new Manifest.Deploy(first, first, start, start),
                            new Manifest.ReconnectStorm(first, start, start)),
                    List.of(),
                    new Manifest.Truths(Map.of(), null, null, null, null, null));
            ManifestJson.write(manifest, directory.resolve(GaDayGenerator.MANIFEST_FILE));
            return new Dataset(directory, files.stream().map(directory::resolve).toList(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, StringBuilder> newFamilies() {
        Map<String, StringBuilder> families = new LinkedHashMap<>();
        families.put("http_requests counter", new StringBuilder());
        families.put("http_request_duration_seconds histogram", new StringBuilder());
        families.put("process_cpu_seconds counter", new StringBuilder());
        families.put("process_resident_memory_bytes gauge", new StringBuilder());
        return families;
    }

    private static String flush(Path directory, int window, Map<String, StringBuilder> families) throws IOException {
        String name = String.format(Locale.ROOT, "drift-%03d.om", window);
        try (Writer out = Files.newBufferedWriter(directory.resolve(name), StandardCharsets.US_ASCII)) {
            for (Map.Entry<String, StringBuilder> f : families.entrySet()) {
                String[] nameType = f.getKey().split(" ");
                out.write("# TYPE " + nameType[0] + " " + nameType[1] + "\n");
                out.append(f.getValue());
                f.getValue().setLength(0);
            }
            out.write("# EOF\n");
        }
        return name;
    }

    /** One track's counters as they grow. */
    private final class State {
        private final Track track;
        private final Random random;
        private final String labels;
        private long ok;
        private long errors;
        private final long[] buckets = new long[BUCKETS.size() + 1];
        private double latencySum;
        private double cpuSeconds;

        State(Track track) {
            this.track = track;
            this.random = new Random(track.seed());
            this.labels = "instance=\"" + track.instance() + "\",service=\"" + track.service() + "\",track=\""
                    + track.track() + "\"";
        }

        void advance(long t, boolean first, Map<String, StringBuilder> families) {
            boolean changed = track.changeAt() != null && t >= track.changeAt().getEpochSecond();
            if (!first) {
                double seconds = step.getSeconds();
                // A gentle 6-hour wave in traffic (±3 %, below the judge's 10 % so it is no drift itself).
                double rate = track.requestsPerSecond() * (1 + 0.03 * Math.sin(2 * Math.PI * (t % 21600) / 21600.0));
                double mean = rate * seconds;
                long n = Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
                double errorRatio = Math.min(1, track.errorRatio() * (changed ? track.errorFactor() : 1));
                double median = track.latencyMedian() * (changed ? track.latencyFactor() : 1);
                for (long i = 0; i < n; i++) {
                    if (random.nextDouble() < errorRatio) {
                        errors++;
                    } else {
                        ok++;
                    }
                    double latency = median * Math.exp(track.latencySigma() * random.nextGaussian());
                    latencySum += latency;
                    int b = 0;
                    while (b < BUCKETS.size() && latency > BUCKETS.get(b)) {
                        b++;
                    }
                    buckets[b]++;
                }
                cpuSeconds += track.cpuCores() * seconds * Math.max(0, 1 + 0.05 * random.nextGaussian());
            }
            StringBuilder requests = families.get("http_requests counter");
            requests.append("http_requests_total{")
                    .append(labels)
                    .append(",status=\"200\"} ")
                    .append(ok)
                    .append(' ')
                    .append(t)
                    .append('\n');
            if (errors > 0 || track.errorRatio() * track.errorFactor() > 0) {
                requests.append("http_requests_total{")
                        .append(labels)
                        .append(",status=\"500\"} ")
                        .append(errors)
                        .append(' ')
                        .append(t)
                        .append('\n');
            }
            StringBuilder histogram = families.get("http_request_duration_seconds histogram");
            long cumulative = 0;
            for (int b = 0; b <= BUCKETS.size(); b++) {
                cumulative += buckets[b];
                String le = b < BUCKETS.size() ? BUCKETS.get(b).toString() : "+Inf";
                histogram
                        .append("http_request_duration_seconds_bucket{")
                        .append(labels)
                        .append(",le=\"")
                        .append(le)
                        .append("\"} ")
                        .append(cumulative)
                        .append(' ')
                        .append(t)
                        .append('\n');
            }
            histogram
                    .append("http_request_duration_seconds_sum{")
                    .append(labels)
                    .append("} ")
                    .append(String.format(Locale.ROOT, "%.6f", latencySum))
                    .append(' ')
                    .append(t)
                    .append('\n');
            histogram
                    .append("http_request_duration_seconds_count{")
                    .append(labels)
                    .append("} ")
                    .append(cumulative)
                    .append(' ')
                    .append(t)
                    .append('\n');
            families.get("process_cpu_seconds counter")
                    .append("process_cpu_seconds_total{")
                    .append(labels)
                    .append("} ")
                    .append(String.format(Locale.ROOT, "%.4f", cpuSeconds))
                    .append(' ')
                    .append(t)
                    .append('\n');
            double memory =
                    track.memoryBytes() * (changed ? track.memoryFactor() : 1) * (1 + 0.005 * random.nextGaussian());
            families.get("process_resident_memory_bytes gauge")
                    .append("process_resident_memory_bytes{")
                    .append(labels)
                    .append("} ")
                    .append(Math.round(memory))
                    .append(' ')
                    .append(t)
                    .append('\n');
        }
    }
}
