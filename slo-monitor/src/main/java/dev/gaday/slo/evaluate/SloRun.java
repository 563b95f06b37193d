package dev.gaday.slo.evaluate;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.model.slo.SloViolation;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.slo.math.BurnRatePolicy;
import dev.gaday.slo.math.ErrorBudget;
import dev.gaday.slo.math.WindowCounts;
import dev.gaday.slo.query.LatencyBuckets;
import dev.gaday.slo.query.SliQueries;
import dev.gaday.slo.spec.Sli;
import dev.gaday.slo.spec.SloDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluates SLOs over [start, end]: the whole window's counts by instant queries at {@code end}, and every
 * alert window's counts at each {@code resolution} step by range queries, so that the alerts are replayed
 * minute by minute. A server that cannot be reached fails the run (exit 4); a query the server rejects makes
 * that SLO QUERY_ERROR; no series makes it NO_DATA.
 */
public final class SloRun {
    /** Queries in flight at once: enough to hide latency, few enough to spare a shared Prometheus. */
    private static final int PARALLEL_SLOS = 4;

    private final PrometheusClient client;
    private final Diagnostics diagnostics;
    private final BurnRatePolicy defaultPolicy;
    private final Duration windowFloor;
    private final Map<String, String> bucketCache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param windowFloor the shortest window allowed: four scrape intervals
     */
    public SloRun(
            PrometheusClient client, Diagnostics diagnostics, BurnRatePolicy defaultPolicy, Duration windowFloor) {
        this.client = client;
        this.diagnostics = diagnostics;
        this.defaultPolicy = defaultPolicy;
        this.windowFloor = windowFloor;
    }

    public List<SloEvaluator.Evaluated> evaluate(
            List<SloDefinition> slos, Instant start, Instant end, Duration resolution) {
        return forEach(slos, slo -> evaluateOne(slo, start, end, resolution));
    }

    /** The SLO's effective policy: its own or the run's, with every window at least the floor. */
    public BurnRatePolicy policyOf(SloDefinition slo) {
        return (slo.policy() != null ? slo.policy() : defaultPolicy).withWindowsAtLeast(windowFloor);
    }

    public SloEvaluator.Target target(SloDefinition slo, SliQueries queries) {
        BurnRatePolicy policy = policyOf(slo);
        long minEvents = slo.minEvents() != null
                ? slo.minEvents()
                : ErrorBudget.defaultMinEvents(ErrorBudget.budget(slo.objective()), policy.maxFactor());
        return new SloEvaluator.Target(
                slo.name(),
                slo.service(),
                slo.objective(),
                slo.sli().type(),
                policy,
                minEvents,
                queries == null ? Map.of() : queries.asMap());
    }

    private SloEvaluator.Evaluated evaluateOne(SloDefinition slo, Instant start, Instant end, Duration resolution) {
        Observed observed = observe(slo, start, end, resolution);
        if (observed.observations() == null) {
            return SloEvaluator.unavailable(observed.target(), observed.state(), observed.reason());
        }
        SloEvaluator.Observations o = observed.observations();
        diagnostics.detail("slo " + slo.name() + ": " + o.whole().errors() + " bad of "
                + o.whole().total() + " events");
        return SloEvaluator.evaluate(observed.target(), o);
    }

    /**
     * What the server says about one SLO: its counts, or why there are none (state NO_DATA or QUERY_ERROR and
     * a reason; observations null).
     */
    public record Observed(
            SloEvaluator.Target target, SloEvaluator.Observations observations, String state, String reason) {}

    /** Queries one SLO's counts over the whole window and over each alert window at every resolution step. */
    public Observed observe(SloDefinition slo, Instant start, Instant end, Duration resolution) {
        SliQueries queries;
        if (slo.sli() instanceof Sli.Latency latency) {
            String le = LatencyBuckets.bucketOf(client, slo.name(), latency, start, end);
            if (le == null) {
                return new Observed(
                        target(slo, SliQueries.latency(latency, "?")),
                        null,
                        "NO_DATA",
                        "no series of " + SliQueries.bucketSelector(latency) + " in the window");
            }
            queries = SliQueries.latency(latency, le);
        } else {
            queries = SliQueries.events((Sli.Events) slo.sli());
        }
        SloEvaluator.Target target = target(slo, queries);
        Duration period = Duration.between(start, end);
        try {
            Double total = sum(instant(queries.total(period), end));
            if (total == null) {
                return new Observed(target, null, "NO_DATA", "no series for " + queries.total(period));
            }
            Double errors = sum(instant(queries.errors(period), end));
            WindowCounts whole = counts(errors, total);
            int points = (int) (period.toSeconds() / resolution.toSeconds()) + 1;
            Instant[] times = new Instant[points];
            long resolutionSeconds = resolution.toSeconds(); // whole seconds (validated)
            for (int i = 0; i < points; i++) {
                times[i] = start.plusSeconds(resolutionSeconds * i);
            }
            Instant last = times[points - 1];
            Map<Duration, WindowCounts[]> windows = new LinkedHashMap<>();
            for (Duration window : target.policy().windows()) {
                double[] totals =
                        onGrid(range(queries.total(window), start, last, resolution), start, resolution, points);
                double[] bad =
                        onGrid(range(queries.errors(window), start, last, resolution), start, resolution, points);
                WindowCounts[] counts = new WindowCounts[points];
                for (int i = 0; i < points; i++) {
                    counts[i] = counts(bad[i], totals[i]);
                }
                windows.put(window, counts);
            }
            return new Observed(
                    target, new SloEvaluator.Observations(start, period, whole, times, windows), null, null);
        } catch (PrometheusException e) {
            if (e.kind() == PrometheusException.Kind.API_ERROR) {
                return new Observed(target, null, "QUERY_ERROR", e.getMessage());
            }
            throw e;
        }
    }

    /** One SLO's counts at one time: over the whole window so far and over each alert window. */
    public record Sample(
            SloEvaluator.Target target,
            WindowCounts whole,
            Map<Duration, WindowCounts> windows,
            String state,
            String reason) {}

    /** Instant queries at {@code at}: the live mode's one evaluation. */
    public Sample sample(SloDefinition slo, Instant windowStart, Instant at) {
        SliQueries queries;
        if (slo.sli() instanceof Sli.Latency latency) {
            // A histogram's buckets do not change during a run: looked up once, not at every tick.
            String le = bucketCache.get(slo.name());
            if (le == null) {
                le = LatencyBuckets.bucketOf(client, slo.name(), latency, windowStart, at);
                if (le != null) {
                    bucketCache.put(slo.name(), le);
                }
            }
            if (le == null) {
                return new Sample(
                        target(slo, SliQueries.latency(latency, "?")),
                        null,
                        null,
                        "NO_DATA",
                        "no series of " + SliQueries.bucketSelector(latency) + " in the window");
            }
            queries = SliQueries.latency(latency, le);
        } else {
            queries = SliQueries.events((Sli.Events) slo.sli());
        }
        SloEvaluator.Target target = target(slo, queries);
        Duration period = Duration.between(windowStart, at);
        try {
            Double total = sum(instant(queries.total(period), at));
            if (total == null) {
                return new Sample(target, null, null, "NO_DATA", "no series for " + queries.total(period));
            }
            WindowCounts whole = counts(sum(instant(queries.errors(period), at)), total);
            Map<Duration, WindowCounts> windows = new LinkedHashMap<>();
            for (Duration window : target.policy().windows()) {
                windows.put(
                        window,
                        counts(sum(instant(queries.errors(window), at)), sum(instant(queries.total(window), at))));
            }
            return new Sample(target, whole, windows, null, null);
        } catch (PrometheusException e) {
            if (e.kind() == PrometheusException.Kind.API_ERROR) {
                return new Sample(target, null, null, "QUERY_ERROR", e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Looks up the latency SLOs' buckets over [from, to] before a live run's first cycle, so that the cycles only
     * send the SLIs' queries, and a threshold that is not a bucket is refused at once rather than at the first
     * tick. An SLO whose histogram has no series yet, or whose lookup fails, is looked up at each cycle as before.
     */
    public void lookUpBuckets(List<SloDefinition> slos, Instant from, Instant to) {
        List<SloDefinition> latency =
                slos.stream().filter(slo -> slo.sli() instanceof Sli.Latency).toList();
        forEach(latency, slo -> {
            try {
                String le = LatencyBuckets.bucketOf(client, slo.name(), (Sli.Latency) slo.sli(), from, to);
                if (le != null) {
                    bucketCache.put(slo.name(), le);
                }
            } catch (PrometheusException e) {
                diagnostics.detail("slo " + slo.name() + ": buckets not looked up yet: " + e.getMessage());
            }
            return slo;
        });
    }

    /** Runs {@code task} for every SLO, a few at a time, in order. */
    public <T> List<T> forEach(List<SloDefinition> slos, java.util.function.Function<SloDefinition, T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL_SLOS, slos.size())), r -> {
            Thread thread = new Thread(r, "slo-query");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (SloDefinition slo : slos) {
                futures.add(pool.submit(() -> task.apply(slo)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ToolException.badInput("interrupted while querying");
        } finally {
            pool.shutdownNow();
        }
    }

    /** An instant query, logged with -vv in the form scripts/bench's query floor replays. */
    private QueryResult instant(String promql, Instant time) {
        diagnostics.debug("query time=" + time.getEpochSecond() + " promql=" + promql);
        return client.query(promql, time);
    }

    private QueryResult.Matrix range(String promql, Instant start, Instant end, Duration step) {
        diagnostics.debug("query_range start=" + start.getEpochSecond() + " end=" + end.getEpochSecond() + " step="
                + step.toSeconds() + " promql=" + promql);
        return client.queryRange(promql, start, end, step);
    }

    /** Bad events missing (no series matched, e.g. no 5xx ever) count as none; no total means no traffic. */
    private static WindowCounts counts(Double errors, Double total) {
        return counts(errors == null ? Double.NaN : errors, total == null ? Double.NaN : total);
    }

    /** As {@link #counts(Double, Double)}, NaN standing for a missing count. */
    private static WindowCounts counts(double errors, double total) {
        if (!(total > 0)) {
            return WindowCounts.NONE;
        }
        double bad = Double.isNaN(errors) ? 0 : Math.max(0, errors);
        return new WindowCounts(bad, total);
    }

    /** The sum over all series of an instant result; null without any series. */
    private static Double sum(QueryResult result) {
        if (result instanceof QueryResult.Vector vector) {
            if (vector.samples().isEmpty()) {
                return null;
            }
            double sum = 0;
            for (QueryResult.InstantSample sample : vector.samples()) {
                sum += sample.sample().value();
            }
            return sum;
        }
        if (result instanceof QueryResult.Scalar scalar) {
            return scalar.sample().value();
        }
        throw ToolException.badInput("the SLI query returned a "
                + result.getClass().getSimpleName() + ", expected a vector of event counts");
    }

    /**
     * The sum over all series at each grid point, NaN where no series has a sample (to {@link #counts} the same as
     * a NaN sum: no traffic, or no bad events), by index, not by map, and unboxed: 1,441 points × 12 range
     * queries per SLO.
     */
    private static double[] onGrid(QueryResult.Matrix matrix, Instant start, Duration step, int points) {
        double[] sums = new double[points];
        boolean[] present = new boolean[points];
        long startMillis = start.toEpochMilli();
        long stepMillis = step.toMillis();
        for (QueryResult.Series series : matrix.series()) {
            for (QueryResult.Sample sample : series.samples()) {
                long offset = sample.time().toEpochMilli() - startMillis;
                if (offset < 0 || offset % stepMillis != 0 || offset / stepMillis >= points) {
                    continue; // not on the grid asked for
                }
                int index = (int) (offset / stepMillis);
                sums[index] += sample.value();
                present[index] = true;
            }
        }
        for (int i = 0; i < points; i++) {
            if (!present[i]) {
                sums[i] = Double.NaN;
            }
        }
        return sums;
    }

    /** All violations of the evaluated SLOs, in SLO order. */
    public static List<SloViolation> violations(List<SloEvaluator.Evaluated> evaluated) {
        List<SloViolation> all = new ArrayList<>();
        evaluated.forEach(e -> all.addAll(e.violations()));
        return all;
    }
}
