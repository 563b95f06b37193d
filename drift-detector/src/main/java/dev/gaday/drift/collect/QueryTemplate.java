package dev.gaday.drift.collect;

import java.time.Duration;

/** Fills drift.yaml's query tokens: {{scope}} with the side's matchers, {{step}} with the step. */
public final class QueryTemplate {
    private QueryTemplate() {}

    public static String resolve(String template, String scope, Duration step) {
        String matchers = scope == null ? "" : scope.trim();
        String text = template.replace("{{scope}}", matchers).replace("{{step}}", step.toSeconds() + "s");
        // An empty scope leaves "{a="b",}" or "{,a="b"}": legal for Prometheus, but tidier without the comma.
        return text.replace(",}", "}").replace("{,", "{");
    }
}
