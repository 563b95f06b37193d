package dev.gaday.common.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --print-config} with the comments a person needs: the effective configuration (as Jackson writes it)
 * with each key's comment lines taken from the commented defaults file, placed above the key at its indentation,
 * and the defaults' header on top. Keys are matched by their path ({@code thresholds.availabilityPercent}).
 */
public final class CommentedYaml {
    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.\\-\"']+):(?: .*)?$");

    private CommentedYaml() {}

    /** The header (the leading comment block) and each key's comment lines, by path. */
    public record Comments(List<String> header, Map<String, List<String>> byPath) {}

    /** Reads the comments of a commented YAML document (two-space indentation). */
    public static Comments read(String commentedYaml) {
        List<String> header = new ArrayList<>();
        Map<String, List<String>> byPath = new HashMap<>();
        List<String> pending = new ArrayList<>();
        List<String> stack = new ArrayList<>();
        boolean inHeader = true;
        for (String line : commentedYaml.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                pending.add(stripped.substring(1).strip());
                continue;
            }
            if (stripped.isEmpty()) {
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (key.matches()) {
                if (inHeader) {
                    // The file's header is the comment block before the first key; it heads the printout.
                    header.addAll(pending);
                    pending.clear();
                    inHeader = false;
                }
                String path = push(stack, key.group(1).length() / 2, key.group(2));
                if (!pending.isEmpty()) {
                    byPath.put(path, List.copyOf(pending));
                }
            }
            pending.clear();
        }
        return new Comments(List.copyOf(header), Map.copyOf(byPath));
    }

    /** {@code yaml} with the header on top and each known key's comment above it. */
    public static String annotate(String yaml, Comments comments) {
        StringBuilder out = new StringBuilder();
        for (String line : comments.header()) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        List<String> stack = new ArrayList<>();
        for (String line : yaml.split("\n", -1)) {
            if (line.equals("---")) {
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (key.matches()) {
                String path = push(stack, key.group(1).length() / 2, key.group(2));
                for (String comment : comments.byPath().getOrDefault(path, List.of())) {
                    out.append(key.group(1))
                            .append(comment.isEmpty() ? "#" : "# " + comment)
                            .append('\n');
                }
            }
            out.append(line).append('\n');
        }
        // split(-1) leaves one empty piece after the last newline: no blank line at the end.
        return out.toString().replaceAll("\n+\\z", "\n");
    }

    private static String push(List<String> stack, int depth, String key) {
        while (stack.size() > depth) {
            stack.remove(stack.size() - 1);
        }
        while (stack.size() < depth) {
            stack.add("?");
        }
        stack.add(key.replace("\"", "").replace("'", ""));
        return String.join(".", stack);
    }
}
