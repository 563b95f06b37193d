package dev.gaday.common.secret;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values that must never be printed: tokens, passwords, webhook URLs. Whatever loads a secret
 * registers it here, and every diagnostic line passes through {@link #redact(String)}.
 */
public final class Secrets {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final int MIN_LENGTH = 4;

    private Secrets() {}

    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= MIN_LENGTH) {
            SECRETS.add(secret.strip());
        }
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : SECRETS) {
            result = result.replace(secret, "***");
        }
        return result;
    }
}
