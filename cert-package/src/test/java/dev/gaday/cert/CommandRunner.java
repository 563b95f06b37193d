package dev.gaday.cert;

import dev.gaday.common.cli.CommandRun;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs cert-package in-process, as main would, with a fixed clock and environment. */
final class CommandRunner {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T01:30:00Z"), ZoneOffset.UTC);

    private CommandRunner() {}

    static CommandRun run(Map<String, String> env, String... args) {
        return CommandRun.of(new BuildCertPackageCommand(env, CLOCK), args);
    }

    static CommandRun run(String... args) {
        return run(Map.of("SOURCE_DATE_EPOCH", "1795478400"), args);
    }
}
