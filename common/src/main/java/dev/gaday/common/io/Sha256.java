package dev.gaday.common.io;

import dev.gaday.common.error.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 digests and checksum files in the format {@code sha256sum -c} accepts. */
public final class Sha256 {
    private Sha256() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(newDigest().digest(data));
    }

    public static String hex(Path file) {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw ToolException.badInput("cannot read " + file + " to hash it: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** One line of a checksum file: hash, two spaces (text mode), the name as given. */
    public static String line(String hexDigest, String name) {
        if (name.contains("\n") || name.contains("\\")) {
            throw new IllegalArgumentException("file name not representable in a checksum file: " + name);
        }
        return hexDigest + "  " + name + "\n";
    }

    /** Writes {@code <file>.sha256} beside the file, naming it relative to its directory. */
    public static Path writeSidecar(Path file) {
        Path sidecar = file.resolveSibling(file.getFileName() + ".sha256");
        AtomicFiles.writeString(sidecar, line(hex(file), file.getFileName().toString()));
        return sidecar;
    }

    /** Writes a manifest of the given files, named relative to {@code root}, in the given order. */
    public static void writeManifest(Path manifest, Path root, List<Path> files) {
        StringBuilder content = new StringBuilder();
        for (Path file : files) {
            String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            content.append(line(hex(file), name));
        }
        AtomicFiles.writeString(manifest, content.toString());
    }
}
