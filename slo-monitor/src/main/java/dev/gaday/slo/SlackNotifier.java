package dev.gaday.slo;

import java.nio.file.Path;
import java.util.function.Function;

/** Posts alert transitions to a Slack webhook. */
final class SlackNotifier {
    static SlackNotifier from(String env, Path file, Function<String, String> environment) {
        return null;
    }
}
