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
 *   {@code Map.copyOf} with a 500;</li>
 *   <li>a NUL character in a string, which PostgreSQL refuses (500).</li>
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
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("wem-no-nul")
                .addDeserializer(String.class, new NoNulString()));
        return mapper;
    }

    /**
     * PostgreSQL cannot store U+0000 in text: a NUL in any string field failed the insert with a 500 (found by the
     * contract fuzz). Refused here, as an invalid value of the field.
     */
    static final class NoNulString extends com.fasterxml.jackson.databind.deser.std.StringDeserializer {
        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser p,
                                  com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
            String s = super.deserialize(p, ctxt);
            if (s != null && s.indexOf('\u0000') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, "(not shown)",
                        "NUL character (\\u0000) not allowed");
            }
            return s;
        }
    }
}
