package dev.gaday.cert.signature;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenSSH allowed_signers file (ssh-keygen(1), "ALLOWED SIGNERS"): one key per line,
 * {@code principals [options] keytype base64-key [comment]}, blank lines and {@code #} comments ignored.
 * Principals are a comma-separated list (quoted if it has spaces). Options: {@code namespaces="pattern,..."}
 * (the signature's namespace must match one; {@code *}, {@code ?} and {@code !} as OpenSSH reads them),
 * {@code valid-after} and {@code valid-before} (YYYYMMDD[HHMM[SS]], local time unless suffixed with Z), and
 * {@code cert-authority}, whose lines are ignored (cert-package checks plain keys, not certificates). Lines with a
 * key type other than Ed25519, RSA or ECDSA (security keys, certificates) are ignored too; any other malformed line is an error naming its number.
 *
 * @param entries the usable lines
 * @param ignored one note per ignored line ("FILE:3: cert-authority ... ignored")
 */
public record AllowedSigners(List<Entry> entries, List<String> ignored) {
    private static final Pattern TIME = Pattern.compile("(\\d{8})(\\d{4})?(\\d{2})?([zZ])?");

    public AllowedSigners {
        entries = List.copyOf(entries);
        ignored = List.copyOf(ignored);
    }

    /**
     * One line of the file.
     *
     * @param line its line number
     * @param principals the principals as written, comma-separated
     * @param namespaces the namespaces option's pattern list, or null (any namespace)
     * @param validAfter the valid-after option, or null
     * @param validBefore the valid-before option, or null
     */
    public record Entry(
            int line,
            String principals,
            String namespaces,
            Instant validAfter,
            Instant validBefore,
            SshPublicKey key) {}

    /** Which line allows a key for a namespace, or why none does. */
    public record Match(Entry entry, String problem) {}

    /**
     * Parses the file's text.
     *
     * @param source names the file in errors and notes
     * @param zone the zone of valid-after/valid-before times without a Z
     */
    public static AllowedSigners parse(String text, String source, ZoneId zone) throws SshFormatException {
        List<Entry> entries = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1);
            Entry entry = parseLine(line, i + 1, where, zone, ignored);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new AllowedSigners(entries, ignored);
    }

    private static Entry parseLine(String line, int number, String where, ZoneId zone, List<String> ignored)
            throws SshFormatException {
        Cursor cursor = new Cursor(line);
        String principals = cursor.token(where, "principals");
        if (principals.startsWith("\"")) {
            principals = principals.substring(1, principals.length() - 1);
        }
        if (principals.isEmpty()
                || principals.startsWith(",")
                || principals.endsWith(",")
                || principals.contains(",,")) {
            throw new SshFormatException(
                    where + ": an empty principal in '" + SshPublicKey.printable(principals) + "'");
        }
        String next = cursor.token(where, "key type");
        String options = null;
        if (!looksLikeKeyType(next)) {
            options = next;
            next = cursor.token(where, "key type");
        }
        String keyType = next;
        String base64 = cursor.token(where, "key");
        String namespaces = null;
        Instant validAfter = null;
        Instant validBefore = null;
        if (options != null) {
            for (String option : splitOptions(options, where)) {
                int equals = option.indexOf('=');
                String name = (equals < 0 ? option : option.substring(0, equals)).toLowerCase(Locale.ROOT);
                String value = equals < 0 ? null : unquote(option.substring(equals + 1), where, name);
                switch (name) {
                    case "cert-authority" -> {
                        ignored.add(where + ": a cert-authority line (certificates are not supported); ignored");
                        return null;
                    }
                    case "namespaces" -> namespaces = required(value, where, name);
                    case "valid-after" -> validAfter = time(required(value, where, name), where, name, zone);
                    case "valid-before" -> validBefore = time(required(value, where, name), where, name, zone);
                    default -> throw new SshFormatException(
                            where + ": unknown option '" + SshPublicKey.printable(name) + "'");
                }
            }
        }
        if (!keyType.equals(SshPublicKey.ED25519)
                && !keyType.equals(SshPublicKey.RSA)
                && EcdsaCurve.ofKeyType(keyType) == null) {
            ignored.add(where + ": a key of type " + SshPublicKey.printable(keyType) + " (only "
                    + SshPublicKey.SUPPORTED + " are checked); ignored");
            return null;
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SshFormatException(where + ": the key is not valid base64");
        }
        SshPublicKey key = SshPublicKey.fromBlob(blob, where + ": the key");
        if (!key.type().equals(keyType)) {
            throw new SshFormatException(where + ": the key is of type " + key.type() + ", not " + keyType);
        }
        return new Entry(number, principals, namespaces, validAfter, validBefore, key);
    }

    /** The first line that allows {@code key} to sign for {@code namespace} at {@code now}. */
    public Match find(SshPublicKey key, String namespace, Instant now) {
        String problem = null;
        for (Entry entry : entries) {
            if (!entry.key().equals(key)) {
                continue;
            }
            if (entry.namespaces() != null && !matchesPatternList(namespace, entry.namespaces())) {
                problem = "line " + entry.line() + " (" + entry.principals() + ") allows namespaces \""
                        + entry.namespaces() + "\", not " + namespace;
            } else if (entry.validAfter() != null && now.isBefore(entry.validAfter())) {
                problem = "line " + entry.line() + " (" + entry.principals() + ") is valid only after "
                        + entry.validAfter();
            } else if (entry.validBefore() != null && !now.isBefore(entry.validBefore())) {
                problem = "line " + entry.line() + " (" + entry.principals() + ") expired at " + entry.validBefore();
            } else {
                return new Match(entry, null);
            }
        }
        return new Match(null, problem == null ? "not listed" : problem);
    }

    /**
     * OpenSSH's match_pattern_list: comma-separated patterns with {@code *} and {@code ?}; a matching pattern
     * prefixed with {@code !} refuses outright.
     */
    static boolean matchesPatternList(String text, String patterns) {
        boolean matched = false;
        for (String pattern : patterns.split(",", -1)) {
            boolean negated = pattern.startsWith("!");
            String body = negated ? pattern.substring(1) : pattern;
            if (wildcard(text, body)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    private static boolean wildcard(String text, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return text.matches(regex.toString());
    }

    private static boolean looksLikeKeyType(String token) {
        return token.startsWith("ssh-")
                || token.startsWith("ecdsa-")
                || token.startsWith("sk-")
                || token.startsWith("rsa-");
    }

    private static List<String> splitOptions(String options, String where) throws SshFormatException {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : options.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new SshFormatException(where + ": an option's quote is not closed");
        }
        out.add(current.toString());
        for (String option : out) {
            if (option.isEmpty()) {
                throw new SshFormatException(where + ": an empty option in '" + SshPublicKey.printable(options) + "'");
            }
        }
        return out;
    }

    private static String unquote(String value, String where, String name) throws SshFormatException {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        throw new SshFormatException(where + ": the value of " + name + " must be in double quotes");
    }

    private static String required(String value, String where, String name) throws SshFormatException {
        if (value == null || value.isEmpty()) {
            throw new SshFormatException(where + ": " + name + " needs a value (" + name + "=\"...\")");
        }
        return value;
    }

    static Instant time(String value, String where, String name, ZoneId zone) throws SshFormatException {
        Matcher m = TIME.matcher(value);
        if (!m.matches() || (m.group(2) == null && m.group(3) != null)) {
            throw new SshFormatException(where + ": " + name + " \"" + SshPublicKey.printable(value)
                    + "\" is not a time (YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, Z for UTC)");
        }
        String date = m.group(1);
        String hm = m.group(2) == null ? "0000" : m.group(2);
        String s = m.group(3) == null ? "00" : m.group(3);
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(date.substring(0, 4)),
                    Integer.parseInt(date.substring(4, 6)),
                    Integer.parseInt(date.substring(6, 8)),
                    Integer.parseInt(hm.substring(0, 2)),
                    Integer.parseInt(hm.substring(2, 4)),
                    Integer.parseInt(s));
            return local.atZone(m.group(4) != null ? ZoneOffset.UTC : zone).toInstant();
        } catch (DateTimeException e) {
            throw new SshFormatException(where + ": " + name + " \"" + value + "\" is not a valid date and time");
        }
    }

    /** Whitespace-separated tokens; a token that starts with a quote runs to the closing quote. */
    private static final class Cursor {
        private final String line;
        private int position;

        Cursor(String line) {
            this.line = line;
        }

        String token(String where, String expected) throws SshFormatException {
            while (position < line.length() && Character.isWhitespace(line.charAt(position))) {
                position++;
            }
            if (position >= line.length()) {
                throw new SshFormatException(
                        where + ": no " + expected + " (expected: principals [options] " + "keytype base64-key)");
            }
            int start = position;
            boolean quoted = false;
            while (position < line.length() && (quoted || !Character.isWhitespace(line.charAt(position)))) {
                if (line.charAt(position) == '"') {
                    quoted = !quoted;
                }
                position++;
            }
            if (quoted) {
                throw new SshFormatException(where + ": a quote is not closed");
            }
            return line.substring(start, position);
        }
    }
}
