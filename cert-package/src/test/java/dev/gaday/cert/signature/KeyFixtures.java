package dev.gaday.cert.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The keys and signatures ssh-keygen made for these tests (src/test/resources/dev/gaday/cert/signature/README.md). */
public final class KeyFixtures {
    private KeyFixtures() {}

    public static Path file(String name) {
        try {
            return Path.of(KeyFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + name, e);
        }
    }

    public static String text(String name) {
        try {
            return Files.readString(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key of a .pub file. */
    public static SshPublicKey publicKey(String name) throws SshFormatException {
        String[] parts = text(name).strip().split(" ");
        return SshPublicKey.fromBlob(java.util.Base64.getDecoder().decode(parts[1]), name);
    }
}
