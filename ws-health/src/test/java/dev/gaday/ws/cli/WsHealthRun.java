package dev.gaday.ws.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.ws.WsHealthMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs ws-health in-process and keeps what it printed, wrote and returned.
 *
 * @param output the output directory given with --output (null: none given); the metrics are in
 *               {@code output/ws_health_metrics.json}
 */
record WsHealthRun(int exitCode, String out, String err, Path output, long elapsedMillis) {

    static WsHealthRun run(Path output, String... args) {
        return run(Map.of(), output, args);
    }

    static WsHealthRun run(Map<String, String> environment, Path output, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (output != null) {
            all.add("--output");
            all.add(output.toString());
        }
        CommandLine commandLine = ToolLauncher.newCommandLine(new CheckWsHealthCommand().withEnvironment(environment));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int exitCode = commandLine.execute(all.toArray(String[]::new));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        return new WsHealthRun(exitCode, out.toString(), err.toString(), output, elapsed);
    }

    Path metricsFile() {
        return output.resolve(CheckWsHealthCommand.METRICS_FILE);
    }

    WsHealthMetrics metrics() {
        return Json.readFile(metricsFile(), WsHealthMetrics.class);
    }

    JsonNode tree() {
        try {
            return Json.mapper().readTree(Files.readString(metricsFile()));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + metricsFile(), e);
        }
    }

    String json() {
        try {
            return Files.readString(metricsFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + metricsFile(), e);
        }
    }

    /** For assertion messages: everything the run printed. */
    String transcript() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
