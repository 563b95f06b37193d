package dev.gaday.common.text;

import java.util.List;

/**
 * Turns untrusted text (service names, notes, titles from input files) into Markdown that renders
 * as exactly that text: no emphasis, links, images, HTML, headings, list items, table cells or
 * placeholders can be smuggled in. CommonMark lets a backslash escape any ASCII punctuation, so
 * the escaped text also survives the HTML step of the PDF as plain text ({@code \<} becomes
 * {@code &lt;}).
 */
public final class MarkdownText {
    /** Characters that are markup anywhere in a line. */
    private static final String ALWAYS = "\\`*_[]<>|{}~&!#$";
    /** Characters that are markup only at the start of a line (lists, quotes, headings, rules). */
    private static final String AT_START = "-+=>";

    private MarkdownText() {}

    /** One line of inline text: line breaks and control characters become spaces. */
    public static String escape(String raw) {
        if (raw == null) {
            return "";
        }
        String text = singleLine(raw);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ALWAYS.indexOf(c) >= 0 || (i == 0 && AT_START.indexOf(c) >= 0 && opensBlock(text, c))) {
                out.append('\\');
            }
            out.append(c);
        }
        // "1. " or "1) " at the start would open an ordered list.
        int digits = 0;
        while (digits < out.length() && Character.isDigit(out.charAt(digits))) {
            digits++;
        }
        if (digits > 0
                && digits < out.length()
                && (out.charAt(digits) == '.' || out.charAt(digits) == ')')
                && (digits + 1 == out.length() || out.charAt(digits + 1) == ' ')) {
            out.insert(digits, '\\');
        }
        return out.toString();
    }

    /** "- x", "+ x", "--", "==": a list item, thematic break or setext underline at a line start. */
    private static boolean opensBlock(String text, char c) {
        return c == '>' || text.length() == 1 || text.charAt(1) == ' ' || text.charAt(1) == c;
    }

    /** Collapses line breaks, tabs and control characters to single spaces and trims. */
    public static String singleLine(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean blank = Character.isWhitespace(c)
                    || Character.isISOControl(c)
                    || c == '\u2028'
                    || c == '\u2029'
                    || c == '\u00a0'
                    || isBidiControl(c);
            if (blank) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Bidirectional-text controls (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) make a reader see the
     * characters in another order than they are, e.g. "exe.txt" shown for "txt.exe": never kept.
     */
    static boolean isBidiControl(char c) {
        return c == '\u061c'
                || c == '\u200e'
                || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** A bullet list of escaped items, each on its own line, indented for nesting under a list item. */
    public static String bullets(List<String> rawItems, String indent) {
        StringBuilder out = new StringBuilder();
        for (String item : rawItems) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(indent).append("- ").append(escape(item));
        }
        return out.toString();
    }

    /** Bullets whose items are already Markdown (built from escaped parts by the caller). */
    public static String bulletsOfMarkdown(List<String> markdownItems, String indent) {
        StringBuilder out = new StringBuilder();
        for (String item : markdownItems) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(indent).append("- ").append(item);
        }
        return out.toString();
    }

    /** Table rows, one per line; every cell escaped. */
    public static String rows(List<List<String>> rawRows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rawRows) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append('|');
            for (String cell : row) {
                out.append(' ')
                        .append(cell == null || cell.isEmpty() ? " " : escape(cell))
                        .append(" |");
            }
        }
        return out.toString();
    }

    /** A link whose title is escaped and whose URL must be http(s); anything else is shown as text. */
    public static String link(String title, String url) {
        String cleanUrl = url == null ? "" : singleLine(url);
        String shownTitle = title == null || title.isBlank() ? cleanUrl : title;
        if (!cleanUrl.matches("(?i)https?://[^\\s]+")) {
            return escape(shownTitle) + (shownTitle.equals(cleanUrl) ? "" : " (" + escape(cleanUrl) + ")");
        }
        StringBuilder encoded = new StringBuilder();
        for (char c : cleanUrl.toCharArray()) {
            if (c == '(' || c == ')' || c == '<' || c == '>' || c == '"' || c == '\\' || c == '`' || c == ' '
                    || c == '[' || c == ']' || c == '{' || c == '}' || c == '|' || c == '\'') {
                encoded.append('%').append(String.format("%02X", (int) c));
            } else {
                encoded.append(c);
            }
        }
        return "[" + escape(shownTitle) + "](" + encoded + ")";
    }
}
