package io.wem.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerJsonTest {

    record Answer(String id, String missing, Double ratio, List<String> history, Map<String, Long> counts,
                  String[] tags) {
    }

    private final ObjectMapper json = AnswerJson.apply(new ObjectMapper());

    @Test
    void absentValuesAreLeftOutAndAbsentCollectionsAreEmpty() throws Exception {
        assertEquals("{\"id\":\"i-1\",\"history\":[],\"counts\":{},\"tags\":[]}",
                json.writeValueAsString(new Answer("i-1", null, null, null, null, null)));
    }

    @Test
    void presentValuesAreWrittenAsTheyAre() throws Exception {
        assertEquals("{\"id\":\"i-1\",\"missing\":\"m\",\"ratio\":0.5,\"history\":[\"a\"],\"counts\":{\"x\":1},\"tags\":[\"t\"]}",
                json.writeValueAsString(new Answer("i-1", "m", 0.5, List.of("a"), Map.of("x", 1L), new String[]{"t"})));
    }

    @Test
    void anEntryOfAMapWithoutAValueIsLeftOutToo() throws Exception {
        // Documented maps declare the type of their values (additionalProperties), never null.
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("a", null);
        m.put("b", 2);
        assertEquals("{\"b\":2}", json.writeValueAsString(m));
    }
}
