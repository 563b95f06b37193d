package dev.gaday.common.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Finds hard line breaks in --help: picocli starts a new line at every element of a description array
 * (and at every %n), and wraps the text of each element itself. So an element is a paragraph or a
 * sentence; one that stops mid-sentence ("... ga_kpi_summary.md and" / "ga_kpi_summary.json.sha256")
 * breaks the help at a fixed place whatever the terminal's width.
 */
public final class HelpText {
    private HelpText() {}

    /** Every hard break in the help of {@code root} and its subcommands, described; empty when none. */
    public static List<String> hardBreaks(CommandLine root) {
        List<String> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(CommandLine commandLine, List<String> found) {
        CommandSpec spec = commandLine.getCommandSpec();
        String name = spec.qualifiedName();
        check(name + " description", spec.usageMessage().description(), found);
        for (OptionSpec option : spec.options()) {
            check(name + " " + option.longestName(), option.description(), found);
            if (option.paramLabel().chars().anyMatch(Character::isWhitespace)) {
                found.add(name + " " + option.longestName() + ": the parameter label '" + option.paramLabel()
                        + "' has a space, where picocli may break the synopsis");
            }
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            collect(sub, found);
        }
    }

    private static void check(String where, String[] elements, List<String> found) {
        for (int i = 0; i < elements.length; i++) {
            String text = elements[i];
            String inner = strip(text);
            if (inner.contains("%n")) {
                found.add(where + ": %n inside the text: '" + text + "'");
            }
            // An indented element is a preformatted line (a list, an example): its break is meant.
            boolean preformatted = !text.isEmpty() && Character.isWhitespace(text.charAt(0));
            boolean followedByText =
                    i + 1 < elements.length && !elements[i + 1].isBlank() && !elements[i + 1].startsWith("%n");
            boolean endsParagraph = text.endsWith("%n");
            if (!preformatted && !inner.isBlank() && followedByText && !endsParagraph && !endsSentence(inner)) {
                found.add(where + ": element " + (i + 1) + " ends mid-sentence: '" + text + "'");
            }
        }
    }

    private static String strip(String text) {
        String inner = text.strip();
        while (inner.startsWith("%n")) {
            inner = inner.substring(2);
        }
        while (inner.endsWith("%n")) {
            inner = inner.substring(0, inner.length() - 2);
        }
        return inner.strip();
    }

    private static boolean endsSentence(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == ':' || last == '!' || last == '?';
    }
}
