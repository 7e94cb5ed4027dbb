package io.wem.common.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Two things Jackson accepts by default that the suite's JSON (REST bodies and event payloads) must refuse, each
 * answered as an invalid field instead:
 * <ul>
 *   <li>a scalar where a string is expected: {@code false} or {@code 0} became "false"/"0" (a signal was stored with
 *   {@code agentId: "false"});</li>
 *   <li>{@code null} inside a list or map ({@code "filters": {"x": null}}), which later failed in
 *   {@code Map.copyOf} with a 500.</li>
 * </ul>
 * Plain Jackson, so that code outside a Quarkus application (the event codec in the benchmarks) can use it too.
 */
public final class StrictJsonRules {
    private StrictJsonRules() {
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        return mapper;
    }
}
