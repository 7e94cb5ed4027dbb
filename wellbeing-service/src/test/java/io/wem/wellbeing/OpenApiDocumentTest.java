package io.wem.wellbeing;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.testing.Management;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.notNullValue;

/** Every wellbeing endpoint is in the OpenAPI document with a summary and its error answers. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void endpointsAreDocumented() {
        Management.given().accept("application/json").when().get("/openapi").then().statusCode(200)
                .body("paths.'/api/v1/guardrails/evaluations'.post.summary", notNullValue())
                .body("paths.'/api/v1/guardrails/evaluations'.post.responses.'400'", notNullValue())
                .body("paths.'/api/v1/guardrails/policies/{teamId}'.put.responses.'403'", notNullValue())
                .body("paths.'/api/v1/guardrails/policies/{teamId}'.get.summary", notNullValue())
                .body("paths.'/api/v1/alerts'.get.responses.'200'", notNullValue())
                .body("paths.'/api/v1/reviews'.get.summary", notNullValue())
                .body("paths.'/api/v1/reviews/{reviewId}/decision'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/me/contests'.post.responses.'201'", notNullValue())
                .body("paths.'/api/v1/me/contests'.get.summary", notNullValue())
                .body("paths.'/api/v1/me/wellbeing'.get.summary", notNullValue())
                .body("paths.'/api/v1/teams/{teamId}/wellbeing'.get.responses.'200'", notNullValue())
                .body("components.schemas.TeamWellbeing", notNullValue());
    }
}
