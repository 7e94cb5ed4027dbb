package io.wem.common.contracts;

import java.util.Map;

/** A service's answer to an erasure: data class → records erased. */
public record SubjectErasure(String service, String agentId, Map<String, Long> erased) {
}
