package io.wem.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Applies {@link StrictJsonRules} (reading) and {@link AnswerJson} (writing) to the REST layer's object mapper. */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        AnswerJson.apply(StrictJsonRules.apply(mapper));
    }
}
