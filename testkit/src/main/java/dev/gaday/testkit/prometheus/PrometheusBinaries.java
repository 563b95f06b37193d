package dev.gaday.testkit.prometheus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the real {@code prometheus} and {@code promtool} binaries are. Defaults: {@code /usr/bin/...}, then
 * the {@code PATH}. Override with the system property {@code gaday.prometheus.bin} / {@code gaday.promtool.bin}
 * or the environment variable {@code GADAY_PROMETHEUS_BIN} / {@code GADAY_PROMTOOL_BIN}.
 */
public record PrometheusBinaries(Path prometheus, Path promtool) {

    public static final String PROMETHEUS_PROPERTY = "gaday.prometheus.bin";
    public static final String PROMTOOL_PROPERTY = "gaday.promtool.bin";
    public static final String PROMETHEUS_ENV = "GADAY_PROMETHEUS_BIN";
    public static final String PROMTOOL_ENV = "GADAY_PROMTOOL_BIN";

    public PrometheusBinaries {
        Objects.requireNonNull(prometheus, "prometheus");
        Objects.requireNonNull(promtool, "promtool");
    }

    /** Finds both binaries or fails with one message that says how to get them. */
    public static PrometheusBinaries locate() {
        return new PrometheusBinaries(
                find("prometheus", PROMETHEUS_PROPERTY, PROMETHEUS_ENV),
                find("promtool", PROMTOOL_PROPERTY, PROMTOOL_ENV));
    }

    static Path find(String name, String property, String env) {
        String override = System.getProperty(property);
        String source = "system property " + property;
        if (override == null || override.isBlank()) {
            override = System.getenv(env);
            source = "environment variable " + env;
        }
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(
                        name + " not found: " + source + " points to " + path + ", which is not an executable file");
            }
            return path;
        }
        Path standard = Path.of("/usr/bin", name);
        if (Files.isExecutable(standard)) {
            return standard;
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name);
                }
            }
        }
        throw new IllegalStateException(name + " not found in /usr/bin or on the PATH: run scripts/install-deps.sh"
                + " (Debian package prometheus), or set -D" + property + "=/path/to/" + name + " or " + env);
    }
}
