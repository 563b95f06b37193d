package dev.gaday.common.cli;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.secret.Secrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repeatable {@code --header 'Name: value'} option, parsed by one rule in every tool:
 * <ul>
 *   <li>every header value is a secret (registered with {@link Secrets}): an upgrade or API header
 *       is where API keys, tenant tokens and cookies travel, and no list of "sensitive" names is
 *       complete;</li>
 *   <li>a literal {@code Authorization} header is refused: a token on the command line is visible in
 *       the process list and shell history, so it comes from --bearer-token-file/--bearer-token-env;</li>
 *   <li>a malformed header is reported by option and position (e.g. {@code --header #2}), never by
 *       echoing what was typed: a mistyped {@code 'Authorization Bearer …'} would print the token.</li>
 * </ul>
 */
public final class HeaderOption {
    // RFC 9110 token characters for the name; the value is trimmed of spaces and tabs.
    private static final Pattern HEADER = Pattern.compile("([!#$%&'*+\\-.^_`|~0-9A-Za-z]+):[ \\t]*(.*?)[ \\t]*");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    private HeaderOption() {}

    /** Every occurrence of {@code option}, in order; one usage line on the first bad one. */
    public static Map<String, String> parseAll(String option, List<String> headers) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            Map.Entry<String, String> header = parse(option, i + 1, headers.get(i));
            result.put(header.getKey(), header.getValue());
        }
        return result;
    }

    /**
     * One header as name and value, its value registered as a secret.
     *
     * @param position the header's place among the option's occurrences, counted from 1
     */
    public static Map.Entry<String, String> parse(String option, int position, String header) {
        String where = option + " #" + position;
        Matcher matcher = HEADER.matcher(header == null ? "" : header);
        if (!matcher.matches()) {
            // Only a well-formed name before a colon is shown: anything else may be a value.
            int colon = header == null ? -1 : header.indexOf(':');
            String name = colon > 0 ? header.substring(0, colon) : null;
            String shown =
                    name != null && TOKEN.matcher(name).matches() && name.length() <= 60 ? " '" + name + "'" : "";
            throw ToolException.usage(where + shown + " must have the form 'Name: value' (a token name, a colon, a "
                    + "non-empty value); the text given is not shown, it may hold a secret");
        }
        String name = matcher.group(1);
        String value = matcher.group(2);
        if (value.isEmpty()) {
            throw ToolException.usage(where + " '" + name + "' has an empty value; the form is 'Name: value'");
        }
        // Registered before any further check, so that no later line can show it.
        Secrets.register(value);
        if (name.equalsIgnoreCase("Authorization")) {
            throw ToolException.usage(where + ": an Authorization header is not taken from the command line (the "
                    + "token would show in the process list and shell history); use --bearer-token-file FILE or "
                    + "--bearer-token-env VAR");
        }
        if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c > 0x7e)) {
            throw ToolException.usage(where + " '" + name + "': the value must be printable ASCII");
        }
        return Map.entry(name, value);
    }
}
