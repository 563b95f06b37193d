package dev.gaday.slo;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.cli.SlackWebhookOptions;
import dev.gaday.common.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Posts alert transitions to a Slack incoming webhook as Block Kit messages. The webhook URL is a secret:
 * read from a file or an environment variable, registered for redaction, never printed; a failed post is
 * one warning that names neither the URL nor its host.
 */
final class SlackNotifier {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI webhook;

    private SlackNotifier(URI webhook) {
        this.webhook = webhook;
    }

    /** A notifier for the webhook given (--slack-webhook-env or --slack-webhook-file), or null for none. */
    static SlackNotifier from(SlackWebhookOptions options, Function<String, String> environment) {
        URI uri = options.url(environment);
        return uri == null ? null : new SlackNotifier(uri);
    }

    /** Posts one transition; failures become a warning (the run goes on). */
    void post(String line, Diagnostics diagnostics) {
        Map<String, Object> message = Map.of(
                "text",
                line,
                "blocks",
                List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", line))));
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(webhook)
                            .timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Json.write(message)))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                diagnostics.warn("the Slack webhook answered HTTP " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            diagnostics.warn("cannot post to the Slack webhook: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
