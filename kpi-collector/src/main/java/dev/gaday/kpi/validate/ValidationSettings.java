package dev.gaday.kpi.validate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What {@code kpi-collector validate} was asked to do, checked by the command. */
record ValidationSettings(
        Instant start,
        Instant end,
        boolean gaMode,
        Path checksFile,
        List<Path> inputs,
        List<String> only,
        Path kubeconfig,
        String namespace,
        Path outputDir,
        Map<String, String> environment) {
    ValidationSettings {
        inputs = List.copyOf(inputs);
        only = List.copyOf(only);
    }
}
