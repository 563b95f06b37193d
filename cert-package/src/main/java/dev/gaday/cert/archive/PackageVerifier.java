package dev.gaday.cert.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.io.Sha256;
import dev.gaday.common.json.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * Checks a certification package while streaming it: nothing is extracted. It reads what gzip and
 * tar read: every gzip member, and everything after the tar end-of-archive marker, which must be
 * zeros (no entry, no data), with nothing after the last gzip member. Every entry must be a regular
 * file or a directory (no links, FIFOs, devices, sparse files) with a normal relative name (no
 * absolute path, no "..", "." or empty segment, no duplicates); every file must be listed in
 * MANIFEST.sha256 with its hash (except the manifest itself and certification_metadata.json, which
 * must name the manifest's hash), every file the manifest lists must be in the archive, and every
 * directory must hold a listed file. See docs/security.md for what this does and does not prove.
 */
public final class PackageVerifier {
    public static final String MANIFEST = "MANIFEST.sha256";
    public static final String METADATA = "certification_metadata.json";
    private static final Pattern MANIFEST_LINE = Pattern.compile("([0-9a-f]{64}) [ *](.+)");
    private static final long MAX_SMALL_FILE = 16L * 1024 * 1024;
    private static final int BLOCK = 512;

    private PackageVerifier() {}

    /** The archive could not be read at all (not a tar.gz, truncated, missing). */
    public static final class UnreadableException extends Exception {
        public UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @param problem null when the package is intact; else the first problem found, one line */
    public record Result(boolean ok, String problem, int files, String certificationStatus) {}

    public static Result verify(Path archive) throws UnreadableException {
        if (Files.exists(archive) && !Files.isRegularFile(archive)) {
            throw new UnreadableException(archive + ": not a regular file", null);
        }
        Map<String, String> hashes = new TreeMap<>();
        Map<String, byte[]> small = new LinkedHashMap<>();
        Set<String> directories = new TreeSet<>();
        GzipMembers gzip = null;
        // Records of 512 bytes: the reader never skips a partly read record, and a block after the end
        // marker that is not zero is pushed back (the stream supports mark) for the tail check to see.
        try (InputStream file = Files.newInputStream(archive);
                GzipMembers members = new GzipMembers(file);
                GzipMembers.Counting decompressed =
                        new GzipMembers.Counting(new BufferedInputStream(members, 64 * 1024));
                TarArchiveInputStream tar = new TarArchiveInputStream(decompressed, BLOCK, BLOCK, "UTF-8", false)) {
            gzip = members;
            TarArchiveEntry entry;
            Set<String> seen = new HashSet<>();
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                String unsafe = unsafeName(name);
                if (unsafe != null) {
                    return fail("entry '" + printable(name) + "': " + unsafe);
                }
                String notAllowed = notFileOrDirectory(entry);
                if (notAllowed != null) {
                    return fail("entry '" + printable(name) + "' is " + notAllowed
                            + "; a package holds only regular files and directories");
                }
                if ((entry.getMode() & 07000) != 0) {
                    return fail("entry '" + printable(name) + "' has mode "
                            + Integer.toOctalString(entry.getMode() & 07777)
                            + " (setuid, setgid or sticky); a package holds plain files");
                }
                String key = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
                if (!seen.add(key)) {
                    return fail("entry '" + printable(name) + "' appears twice");
                }
                if (entry.getLinkFlag() == TarArchiveEntry.LF_DIR) {
                    if (entry.getSize() != 0) {
                        return fail("entry '" + printable(name) + "' is a directory with " + entry.getSize()
                                + " bytes of data");
                    }
                    directories.add(key);
                    continue;
                }
                MessageDigest digest = Sha256.newDigest();
                boolean keep = name.endsWith("/" + MANIFEST)
                        || name.equals(MANIFEST)
                        || name.endsWith("/" + METADATA)
                        || name.equals(METADATA);
                ByteArrayOutputStream copy = keep ? new ByteArrayOutputStream() : null;
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int read;
                while ((read = tar.read(buffer)) > 0) {
                    digest.update(buffer, 0, read);
                    total += read;
                    if (copy != null) {
                        if (total > MAX_SMALL_FILE) {
                            return fail("entry '" + printable(name) + "' is too large for a " + MANIFEST);
                        }
                        copy.write(buffer, 0, read);
                    }
                }
                if (total != entry.getSize()) {
                    throw new EOFException("entry '" + printable(name) + "' ends after " + total + " of its "
                            + entry.getSize() + " bytes");
                }
                hashes.put(name, HexFormat.of().formatHex(digest.digest()));
                if (copy != null) {
                    small.put(name, copy.toByteArray());
                }
            }
            String tail = afterEndOfArchive(decompressed, members);
            if (tail != null) {
                return fail(tail);
            }
        } catch (GzipMembers.TrailingDataException e) {
            return fail(e.getMessage() + " (" + gzip.members() + " gzip member" + (gzip.members() == 1 ? "" : "s")
                    + " read; gzip ignores such data with a warning)");
        } catch (NoSuchFileException e) {
            throw new UnreadableException(archive + ": no such file", e);
        } catch (IOException e) {
            throw new UnreadableException(archive + ": not a readable tar.gz: " + reason(e), e);
        }
        return check(hashes, small, directories);
    }

    /**
     * What follows the end-of-archive marker must be zeros (the padding of the last record): tar reads
     * on past the marker with --ignore-zeros, and a second gzip member lands here too. One line naming
     * the first entry (or data) found there, or null when there is none.
     */
    private static String afterEndOfArchive(GzipMembers.Counting tar, GzipMembers gzip) throws IOException {
        byte[] block = new byte[BLOCK];
        while (true) {
            long offset = tar.position;
            int read = tar.readNBytes(block, 0, block.length);
            if (read == 0) {
                return null;
            }
            for (int i = 0; i < read; i++) {
                if (block[i] != 0) {
                    String where = " at byte " + offset + " of the tar stream"
                            + (gzip.members() > 1 ? ", gzip member " + gzip.members() : "");
                    String name = headerName(block, read);
                    return name != null
                            ? "entry '" + printable(name) + "' after the tar end-of-archive marker" + where
                            : "data after the tar end-of-archive marker" + where;
                }
            }
        }
    }

    /** The entry name of a tar header block, or null when the block is not a valid header. */
    private static String headerName(byte[] block, int length) {
        if (length != BLOCK || !TarUtils.verifyCheckSum(block)) {
            return null;
        }
        try {
            return new TarArchiveEntry(block).getName();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What the entry is when it is not a regular file or a directory ("a FIFO"), else null. */
    private static String notFileOrDirectory(TarArchiveEntry entry) {
        if (entry.isSymbolicLink()) {
            return "a symbolic link to '" + printable(entry.getLinkName()) + "'";
        }
        if (entry.isLink()) {
            return "a hard link to '" + printable(entry.getLinkName()) + "'";
        }
        if (entry.isSparse()) {
            return "a sparse file";
        }
        byte type = entry.getLinkFlag();
        return switch (type) {
            case TarArchiveEntry.LF_NORMAL, TarArchiveEntry.LF_OLDNORM -> entry.getName()
                            .endsWith("/")
                    ? "a file whose name ends with '/'"
                    : null;
            case TarArchiveEntry.LF_DIR -> null;
            case TarArchiveEntry.LF_CHR -> "a character device";
            case TarArchiveEntry.LF_BLK -> "a block device";
            case TarArchiveEntry.LF_FIFO -> "a FIFO (named pipe)";
            default -> "of tar type '"
                    + (type >= 0x20 && type < 0x7f
                            ? String.valueOf((char) type)
                            : "\\x" + Integer.toHexString(type & 0xff))
                    + "'";
        };
    }

    /** The reason of a read failure in words: the libraries' EOFs carry no message. */
    private static String reason(IOException e) {
        if (e instanceof EOFException) {
            return e.getMessage() == null
                    ? "truncated (the data ends before the gzip stream does)"
                    : "truncated: " + e.getMessage();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        if (message.contains("Truncated TAR archive")) {
            return "truncated (the tar stream ends inside an entry)";
        }
        return message.lines().findFirst().orElse(message);
    }

    private static Result check(Map<String, String> hashes, Map<String, byte[]> small, Set<String> directories) {
        String manifestName = null;
        for (String name : small.keySet()) {
            if (name.equals(MANIFEST) || name.endsWith("/" + MANIFEST)) {
                if (manifestName != null
                        && manifestName.chars().filter(c -> c == '/').count()
                                <= name.chars().filter(c -> c == '/').count()) {
                    continue;
                }
                manifestName = name;
            }
        }
        if (manifestName == null) {
            return fail("no " + MANIFEST + " in the archive");
        }
        String root = manifestName.substring(0, manifestName.length() - MANIFEST.length());
        Map<String, String> listed = new TreeMap<>();
        String[] lines = new String(small.get(manifestName), StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            Matcher matcher = MANIFEST_LINE.matcher(lines[i]);
            if (!matcher.matches()) {
                return fail(manifestName + ":" + (i + 1) + ": not a sha256sum line");
            }
            String path = matcher.group(2);
            String unsafe = unsafeName(path);
            if (unsafe != null) {
                return fail(manifestName + ":" + (i + 1) + ": '" + printable(path) + "': " + unsafe);
            }
            if (listed.put(root + path, matcher.group(1)) != null) {
                return fail(manifestName + ":" + (i + 1) + ": '" + printable(path) + "' listed twice");
            }
        }
        for (Map.Entry<String, String> file : listed.entrySet()) {
            String actual = hashes.get(file.getKey());
            if (actual == null) {
                return fail(file.getKey() + ": listed in " + MANIFEST + " but missing from the archive");
            }
            if (!actual.equals(file.getValue())) {
                return fail(file.getKey() + ": SHA-256 mismatch (manifest "
                        + file.getValue().substring(0, 12) + "…, content " + actual.substring(0, 12) + "…)");
            }
        }
        Set<String> packageDirectories = new HashSet<>();
        for (String file : hashes.keySet()) {
            for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
                packageDirectories.add(file.substring(0, slash));
            }
        }
        for (String directory : directories) {
            if (!packageDirectories.contains(directory)
                    || !(directory + "/").startsWith(root) && !root.startsWith(directory + "/")) {
                return fail("entry '" + printable(directory) + "/' is a directory that is not part of the package");
            }
        }
        String metadataName = root + METADATA;
        String status = null;
        for (String name : hashes.keySet()) {
            if (name.equals(manifestName) || listed.containsKey(name)) {
                continue;
            }
            if (name.equals(metadataName)) {
                try {
                    JsonNode metadata = Json.mapper().readTree(small.get(name));
                    String recorded = metadata.path("manifestSha256").asText("");
                    if (!recorded.equals(hashes.get(manifestName))) {
                        return fail(name + ": manifestSha256 does not match " + manifestName);
                    }
                    status = metadata.path("certificationStatus").asText(null);
                } catch (IOException e) {
                    return fail(name + ": not valid JSON");
                }
                continue;
            }
            return fail(name + ": in the archive but not listed in " + MANIFEST);
        }
        return new Result(true, null, listed.size(), status);
    }

    /** Why an entry name is unsafe to extract, or null when it is fine. */
    static String unsafeName(String name) {
        if (name == null || name.isEmpty()) {
            return "empty name";
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            return "absolute path";
        }
        if (name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0) {
            return "name holds a NUL or backslash";
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return "path escapes the package with '..'";
            }
            if (segment.equals(".") || segment.isEmpty()) {
                return "not a normal path (a '.' or empty segment names a file twice)";
            }
        }
        return null;
    }

    private static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }

    private static Result fail(String problem) {
        return new Result(false, problem, 0, null);
    }
}
