package io.wem.signal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Nullability declared truthfully (issue #20), for the behavior catalog: every field the catalog answers as null is
 * declared nullable in the served document. Before the fix 12 nulls of the seven built-ins (percentile, target) were
 * answered against a schema of plain "number".
 */
@QuarkusTest
class BehaviorNullabilityTest {

    @Test
    void everyNullTheCatalogAnswersIsDeclaredNullable() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode properties = json.readTree(Files.readString(OpenApiContract.storedSpec()))
                .path("components").path("schemas").path("Behavior").path("properties");
        JsonNode catalog = json.readTree(given().auth().oauth2(BehaviorCatalogTest.QA).get("/api/v1/behaviors")
                .then().statusCode(200).extract().asString());
        assertFalse(catalog.isEmpty());
        List<String> undeclared = new ArrayList<>();
        for (JsonNode behavior : catalog) {
            for (Iterator<Map.Entry<String, JsonNode>> it = behavior.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode type = properties.path(field.getKey()).path("type");
                boolean nullable = type.isArray() && type.toString().contains("\"null\"");
                if (field.getValue().isNull() && !nullable) {
                    undeclared.add(behavior.path("id").asText() + "." + field.getKey());
                }
            }
        }
        assertEquals(List.of(), undeclared, "nulls answered where the document does not allow them");
    }
}
