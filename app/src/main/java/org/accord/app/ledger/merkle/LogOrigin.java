package org.accord.app.ledger.merkle;

import java.nio.charset.StandardCharsets;

/**
 * The origin line of a trust's checkpoints: {@code <namespace>/<trust id>}, the trust id percent-encoded outside
 * {@code A-Z a-z 0-9 - . _ ~} so that any id gives one line without spaces. The namespace names the Accord deployment
 * (a domain its operator controls; {@value #DEFAULT_NAMESPACE} until one is configured), so two deployments that both
 * have a trust called demo-trust never issue checkpoints a verifier could confuse.
 */
public final class LogOrigin {

    /** A reserved name (RFC 2606 .example) for development and tests, never a real host. */
    public static final String DEFAULT_NAMESPACE = "accord.example";

    private LogOrigin() {
    }

    public static String of(String trustId) {
        return of(DEFAULT_NAMESPACE, trustId);
    }

    public static String of(String namespace, String trustId) {
        if (namespace == null || namespace.isEmpty() || !namespace.chars().allMatch(LogOrigin::namespaceChar)) {
            throw new IllegalArgumentException("a namespace is a domain and optional path (letters, digits, - . _ ~ /),"
                    + " not " + namespace);
        }
        if (trustId == null || trustId.isEmpty()) {
            throw new IllegalArgumentException("a trust id is needed");
        }
        StringBuilder origin = new StringBuilder(namespace).append('/');
        for (byte b : trustId.getBytes(StandardCharsets.UTF_8)) {
            if (unreserved(b)) {
                origin.append((char) b);
            } else {
                origin.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return origin.toString();
    }

    private static boolean namespaceChar(int c) {
        return unreserved(c) || c == '/';
    }

    private static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }
}
