package dev.gaday.common.cli;

import dev.gaday.common.error.ToolException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a repeatable {@code --header 'Name: value'} option the same way in every tool. */
public final class HeaderOption {
    // RFC 9110 token characters for the name; the value is trimmed of spaces and tabs.
    private static final Pattern HEADER = Pattern.compile("([!#$%&'*+\\-.^_`|~0-9A-Za-z]+):[ \\t]*(.*?)[ \\t]*");

    private HeaderOption() {
    }

    /** One header as name and value; one usage line naming the option when it is malformed. */
    public static Map.Entry<String, String> parse(String option, String header) {
        Matcher matcher = HEADER.matcher(header);
        if (!matcher.matches() || matcher.group(2).isEmpty()) {
            String name = header.contains(":") ? header.substring(0, header.indexOf(':')) : header;
            throw ToolException.usage(option + " '" + truncate(name) + (header.contains(":") ? ": …" : "")
                    + "' must have the form 'Name: value' (a token name, a colon, a non-empty value)");
        }
        String name = matcher.group(1);
        String value = matcher.group(2);
        if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c > 0x7e)) {
            throw ToolException.usage(option + " '" + name + "': the value must be printable ASCII");
        }
        return Map.entry(name, value);
    }

    private static String truncate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
