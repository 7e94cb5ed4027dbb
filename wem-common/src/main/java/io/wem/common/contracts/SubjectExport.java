package io.wem.common.contracts;

import java.util.Map;

/** A service's part of a data-subject access export: data class → that subject's records. */
public record SubjectExport(String service, String agentId, Map<String, Object> data) {
}
