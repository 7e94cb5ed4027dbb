package io.wem.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PeerJsonTest {

    enum Decision { ALLOW, DENY }

    record Answer(String id, Decision decision) {
    }

    private static final String NEWER = "{\"id\":\"d-1\",\"decision\":\"ESCALATE\",\"addedLater\":{\"x\":1}}";

    @Test
    void aNewerPeersAnswerIsReadAndTheStrictRequestMapperIsLeftAlone() throws Exception {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Answer a = PeerJson.tolerant(strict).readValue(NEWER, Answer.class);
        assertEquals("d-1", a.id());
        assertNull(a.decision(), "an enum value added later reads as null");
        assertThrows(Exception.class, () -> strict.readValue(NEWER, Answer.class), "requests stay strict");
    }
}
