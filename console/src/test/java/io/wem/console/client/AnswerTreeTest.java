package io.wem.console.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerTreeTest {

    @Test
    void anAbsentFieldReadsAsAFieldWithoutAValueAtEveryDepth() throws Exception {
        Object tree = AnswerTree.of(new ObjectMapper().readTree(
                "{\"id\":\"i-1\",\"count\":3,\"big\":5000000000,\"ratio\":0.5,\"ok\":true,"
                        + "\"history\":[{\"from\":\"A\"}],\"evaluation\":{\"outcome\":\"EFFECTIVE\"}}"));
        Map<?, ?> root = (Map<?, ?>) tree;
        assertTrue(root.containsKey("agentId"), "the templates' strict rendering asks containsKey first");
        assertNull(root.get("agentId"));
        assertEquals("i-1", root.get("id"));
        assertEquals(3, root.get("count"));
        assertEquals(5_000_000_000L, root.get("big"));
        assertEquals(0.5, root.get("ratio"));
        assertEquals(true, root.get("ok"));
        Map<?, ?> first = (Map<?, ?>) ((List<?>) root.get("history")).get(0);
        assertTrue(first.containsKey("note"));
        assertNull(first.get("note"));
        assertTrue(((Map<?, ?>) root.get("evaluation")).containsKey("ciLow"));
        assertEquals(List.of("id", "count", "big", "ratio", "ok", "history", "evaluation"), List.copyOf(root.keySet()));
    }
}
