package io.wem.common.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How the suite reads its peers' answers (REST clients): unlike requests it receives, which refuse unknown fields, an
 * answer may carry fields and enum values added after this build (additive changes within v1, docs/integrators.md
 * "Versioning"), and a newer peer must not break an older caller mid-upgrade. Unknown fields are ignored and unknown
 * enum values read as null.
 */
public final class PeerJson {
    private PeerJson() {
    }

    public static ObjectMapper tolerant(ObjectMapper base) {
        return base.copy()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
    }
}
