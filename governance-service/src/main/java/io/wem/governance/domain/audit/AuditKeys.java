package io.wem.governance.domain.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HMAC-SHA256 keys of the audit chain, by key version. Entries are sealed with the current version; older
 * versions stay here so entries sealed before a key rotation still verify. Version 0 is reserved for the unkeyed
 * SHA-256 entries written before the keyed chain existed.
 */
public final class AuditKeys {
    /** Shortest key accepted: 32 bytes, the HMAC-SHA256 block-size guidance for full strength. */
    public static final int MIN_KEY_BYTES = 32;

    private final int current;
    private final Map<Integer, byte[]> keys;

    public AuditKeys(int currentVersion, Map<Integer, String> secrets) {
        if (currentVersion < 1) {
            throw new IllegalArgumentException("the audit key version must be 1 or more (0 is the unkeyed chain)");
        }
        Map<Integer, byte[]> k = new TreeMap<>();
        secrets.forEach((version, secret) -> {
            byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
            if (version < 1 || bytes.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("audit key version " + version + " must be >= 1 and at least "
                        + MIN_KEY_BYTES + " bytes long");
            }
            k.put(version, bytes);
        });
        if (!k.containsKey(currentVersion)) {
            throw new IllegalArgumentException("no audit key for the current version " + currentVersion);
        }
        this.current = currentVersion;
        this.keys = Map.copyOf(k);
    }

    public int currentVersion() {
        return current;
    }

    public boolean has(int version) {
        return keys.containsKey(version);
    }

    /** Hex HMAC-SHA256 of {@code message} under key {@code version}. */
    public String mac(int version, String message) {
        byte[] key = keys.get(version);
        if (key == null) {
            throw new IllegalArgumentException("no audit key version " + version);
        }
        Mac mac = macs.get().computeIfAbsent(version, v -> initialised(key));
        // doFinal resets the Mac to its key: the same instance serves the next entry of a chain walk
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** One keyed Mac per thread and key version: a verification walks thousands of entries. */
    private final ThreadLocal<Map<Integer, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

    private static Mac initialised(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
