package dev.gaday.testkit.dataset;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a canary/stable dataset for scripts/bench/drift.sh: SERVICES services, each with a stable and a
 * canary track (the canary's latency +20 %), HOURS hours at STEP seconds from 2026-03-01T00:00:00Z, 2
 * requests per second per track. Usage: GenerateDriftScenario DIR HOURS STEP_SECONDS SERVICES.
 * Prints the window's start and end.
 */
public final class GenerateDriftScenario {
    private GenerateDriftScenario() {}

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: GenerateDriftScenario DIR HOURS STEP_SECONDS SERVICES");
            System.exit(2);
        }
        int services = Integer.parseInt(args[3]);
        List<DriftScenarioGenerator.Track> tracks = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            String name = String.format("svc-%03d", i);
            tracks.add(DriftScenarioGenerator.Track.of(name, "stable", 2L * i).requestsPerSecond(2));
            tracks.add(DriftScenarioGenerator.Track.of(name, "canary", 2L * i + 1)
                    .requestsPerSecond(2)
                    .latencyMedian(0.12));
        }
        DriftScenarioGenerator generator = new DriftScenarioGenerator(
                Instant.parse("2026-03-01T00:00:00Z"),
                Duration.ofHours(Long.parseLong(args[1])),
                Duration.ofSeconds(Long.parseLong(args[2])),
                tracks);
        generator.generate(Path.of(args[0]));
        System.out.println(Instant.parse("2026-03-01T00:00:00Z") + " " + generator.end());
    }
}
