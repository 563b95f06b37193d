package dev.gaday.slo;

import dev.gaday.slo.math.BurnRatePolicy;
import java.nio.file.Path;
import java.time.Duration;

/** A run's settings: the SLO file (null: defaults), the default policy, the shortest window, the replay step. */
public record SloMonitorConfig(
        Path slosFile, BurnRatePolicy policy, Duration windowFloor, Duration resolution, Path outputDir) {
    public static final String STATUS_FILE = "slo_status.json";
}
