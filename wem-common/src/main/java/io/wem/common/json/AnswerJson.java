package io.wem.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

import java.io.IOException;
import java.util.List;

/**
 * How the services write JSON answers (issue #20, "nullability declared truthfully"): a field without a value is
 * left out instead of written as {@code null}, and a list or map without a value is written empty ({@code []},
 * {@code {}}). Every property of a documented answer is therefore either absent or of its documented type, and
 * generated clients never meet a null the document does not declare. Reading is unchanged: an absent field reads as
 * null, as before.
 */
public final class AnswerJson {
    private AnswerJson() {
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.registerModule(new SimpleModule("wem-empty-collections").setSerializerModifier(new EmptyCollections()));
        return mapper;
    }

    private static final class EmptyCollections extends BeanSerializerModifier {
        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                         List<BeanPropertyWriter> properties) {
            for (BeanPropertyWriter property : properties) {
                JavaType type = property.getType();
                if (type.isCollectionLikeType() || type.isArrayType()) {
                    property.assignNullSerializer(new Empty(true));
                } else if (type.isMapLikeType()) {
                    property.assignNullSerializer(new Empty(false));
                }
            }
            return properties;
        }
    }

    private static final class Empty extends JsonSerializer<Object> {
        private final boolean array;

        Empty(boolean array) {
            this.array = array;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (array) {
                gen.writeStartArray();
                gen.writeEndArray();
            } else {
                gen.writeStartObject();
                gen.writeEndObject();
            }
        }
    }
}
