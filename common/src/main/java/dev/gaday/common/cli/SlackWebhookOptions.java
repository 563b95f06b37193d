package dev.gaday.common.cli;

import dev.gaday.common.error.ToolException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --slack-webhook-env VAR} / {@code --slack-webhook-file FILE}: a Slack incoming webhook URL from an
 * environment variable or a file, never a literal on the command line (the URL is the secret). Shared by
 * slo-monitor and ws-health. Use: {@code @Mixin SlackWebhookOptions slack;} then {@code slack.url(environment)}.
 */
public class SlackWebhookOptions {
    public static final String ENV_OPTION = "--slack-webhook-env";
    public static final String FILE_OPTION = "--slack-webhook-file";
    /** The usage line when more than one webhook source was given. */
    public static final String GIVE_ONCE = "give the Slack webhook once: " + ENV_OPTION + " or " + FILE_OPTION;

    @Option(
            names = ENV_OPTION,
            paramLabel = "VAR",
            description = "Post to the Slack incoming webhook whose URL is in environment variable VAR.")
    String variable;

    @Option(
            names = FILE_OPTION,
            paramLabel = "FILE",
            description = "Post to the Slack incoming webhook whose URL is read from FILE (one line).")
    Path file;

    /** Whether a webhook source was given. */
    public boolean given() {
        return variable != null || file != null;
    }

    /** One usage line when both sources were given. */
    public void checkOnce() {
        if (variable != null && file != null) {
            throw ToolException.usage(GIVE_ONCE);
        }
    }

    /**
     * The webhook URL, read and registered with {@link dev.gaday.common.secret.Secrets}; null when no source
     * was given. One usage line (never showing the URL) when both sources were given, the chosen one is
     * missing, empty or unset, or its value is not an http(s) URL.
     */
    public URI url(Function<String, String> environment) {
        checkOnce();
        if (!given()) {
            return null;
        }
        String url = file != null
                ? SecretSource.fromFile(FILE_OPTION, file)
                : SecretSource.fromEnv(ENV_OPTION, variable, environment);
        return parse(url);
    }

    /** An http(s) URL, or one usage line that does not show it. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw ToolException.usage("the Slack webhook is not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw ToolException.usage("the Slack webhook must be an http(s) URL");
        }
        return uri;
    }
}
