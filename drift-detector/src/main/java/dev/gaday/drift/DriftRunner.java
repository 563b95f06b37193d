package dev.gaday.drift;

import dev.gaday.common.io.Sha256;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.drift.BaselineSeries;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftBaseline;
import dev.gaday.common.model.drift.DriftWindow;
import dev.gaday.drift.analysis.Analyzer;
import dev.gaday.drift.analysis.Check;
import dev.gaday.drift.collect.Fetcher;
import dev.gaday.drift.collect.MetricData;
import dev.gaday.drift.collect.Samples;
import dev.gaday.drift.config.DriftConfig;
import dev.gaday.drift.config.MetricConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The work behind the subcommands: fetch both sides, pair the series, judge. */
public final class DriftRunner {
    private final Fetcher fetcher;
    private final DriftConfig config;

    public DriftRunner(Fetcher fetcher, DriftConfig config) {
        this.fetcher = fetcher;
        this.config = config;
    }

    /** The samples of every metric (those compare uses) over the window, for a later compare. */
    public DriftBaseline capture(DriftWindow window, String selector, Instant now) {
        List<BaselineSeries> series = new ArrayList<>();
        for (MetricConfig metric : metrics("compare")) {
            MetricData data = fetcher.fetch(metric, selector, window);
            if (data.error() != null) {
                throw dev.gaday.common.error.ToolException.usage(
                        "metric '" + metric.name() + "': the server rejected " + "its query: " + data.error());
            }
            data.series()
                    .forEach((labels, samples) -> series.add(new BaselineSeries(
                            metric.name(),
                            metric.kind(),
                            labels,
                            data.query(),
                            Arrays.stream(samples.timestamps()).boxed().toList(),
                            Arrays.stream(samples.values()).boxed().toList(),
                            samples.totals() == null
                                    ? null
                                    : Arrays.stream(samples.totals()).boxed().toList(),
                            samples.aggregate())));
        }
        return DriftBaseline.of(now, window, selector, fetcher.step().toSeconds(), configDigest(), series);
    }

    /** Two windows of live data: canary (stable vs canary) and deploy (before vs after). */
    public DriftAnalysis compareWindows(
            String mode,
            String baselineScope,
            DriftWindow baselineWindow,
            String currentScope,
            DriftWindow currentWindow,
            Map<String, DriftWindow> windows,
            Instant now) {
        List<Check> checks = new ArrayList<>();
        for (MetricConfig metric : metrics(mode)) {
            MetricData baseline = fetcher.fetch(metric, baselineScope, baselineWindow);
            MetricData current = fetcher.fetch(metric, currentScope, currentWindow);
            checks.addAll(pair(metric, baseline, current));
        }
        return Analyzer.analyze(mode, windows, config, fetcher.step().toSeconds(), checks, now, true);
    }

    /** A captured baseline against the current window. */
    public DriftAnalysis compareWithBaseline(
            DriftBaseline baseline, String scope, DriftWindow currentWindow, Instant now, boolean complete) {
        int expected = (int) fetcher.grid(baseline.window()).points();
        List<Check> checks = new ArrayList<>();
        for (MetricConfig metric : metrics("compare")) {
            Map<Map<String, String>, Samples> captured = new LinkedHashMap<>();
            String query = null;
            for (BaselineSeries s : baseline.series()) {
                if (s.metric().equals(metric.name())) {
                    query = s.query();
                    captured.put(
                            s.labels(),
                            new Samples(
                                    s.timestamps().stream()
                                            .mapToLong(Long::longValue)
                                            .toArray(),
                                    s.values().stream()
                                            .mapToDouble(Double::doubleValue)
                                            .toArray(),
                                    s.totals() == null
                                            ? null
                                            : s.totals().stream()
                                                    .mapToDouble(Double::doubleValue)
                                                    .toArray(),
                                    expected,
                                    s.aggregate()));
                }
            }
            MetricData current = fetcher.fetch(metric, scope, currentWindow);
            MetricData base = new MetricData(query != null ? query : current.query(), captured, null);
            checks.addAll(pair(metric, base, current));
        }
        Map<String, DriftWindow> windows = new LinkedHashMap<>();
        windows.put("baseline", baseline.window());
        windows.put("current", currentWindow);
        return Analyzer.analyze("compare", windows, config, fetcher.step().toSeconds(), checks, now, complete);
    }

    /** An analysis without checks (NO_DATA, incomplete): a live run stopped before its first judgement. */
    public DriftAnalysis empty(
            String mode, DriftWindow baselineWindow, DriftWindow currentWindow, Instant now, String why) {
        Map<String, DriftWindow> windows = new LinkedHashMap<>();
        windows.put("baseline", baselineWindow);
        windows.put("current", currentWindow);
        DriftAnalysis none =
                Analyzer.analyze(mode, windows, config, fetcher.step().toSeconds(), List.of(), now, false);
        return DriftAnalysis.of(
                none.generatedAt(),
                mode,
                windows,
                "NO_DATA",
                false,
                0,
                0,
                none.severityBreakdown(),
                List.of(),
                List.of(),
                none.canary(),
                why);
    }

    private List<Check> pair(MetricConfig metric, MetricData baseline, MetricData current) {
        String query = baseline.query().equals(current.query())
                ? current.query()
                : "current: " + current.query() + " | baseline: " + baseline.query();
        if (baseline.error() != null || current.error() != null) {
            return List.of(new Check(
                    metric,
                    Map.of(),
                    query,
                    null,
                    null,
                    baseline.error() != null ? baseline.error() : current.error()));
        }
        Set<Map<String, String>> labelSets =
                new LinkedHashSet<>(baseline.series().keySet());
        labelSets.addAll(current.series().keySet());
        if (labelSets.isEmpty()) {
            return List.of(new Check(metric, Map.of(), query, null, null, null));
        }
        List<Check> checks = new ArrayList<>();
        for (Map<String, String> labels : labelSets) {
            checks.add(new Check(
                    metric,
                    labels,
                    query,
                    baseline.series().get(labels),
                    current.series().get(labels),
                    null));
        }
        return checks;
    }

    private List<MetricConfig> metrics(String mode) {
        return config.metrics().stream().filter(m -> m.appliesTo(mode)).toList();
    }

    private String configDigest() {
        return Sha256.hex(Json.write(config.metrics()).getBytes(StandardCharsets.UTF_8));
    }

    public Duration step() {
        return fetcher.step();
    }
}
