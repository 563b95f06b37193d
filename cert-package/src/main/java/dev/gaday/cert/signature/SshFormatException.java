package dev.gaday.cert.signature;

/**
 * A key, signature or allowed_signers file that cannot be used, with a one-line reason for the user. The
 * message never holds key material: it names the problem, never the bytes.
 */
public final class SshFormatException extends Exception {
    public SshFormatException(String message) {
        super(message);
    }

    /**
     * The message with the file in front: "FILE: the key file is encrypted ...". The parsers' own messages start
     * with a verb ("is not a private key") where the caller knows the noun.
     */
    static String about(Object file, String noun, String message) {
        boolean verb = message.startsWith("is ")
                || message.startsWith("has ")
                || message.startsWith("holds ")
                || message.startsWith("uses ");
        return file + ": " + (verb ? noun + " " + message : message);
    }
}
