package io.wem.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.wem.common.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * The suite's one place for what every operation's contract has in common, applied at build time so the stored
 * document (target/openapi) and the served one are the same:
 * <ul>
 * <li>every error an operation can answer is problem+json ({@link Problem}), whatever the resource declared;</li>
 * <li>errors the framework answers for every operation of a kind are documented without 200 copies: 401/403 where
 * the operation is secured, 400 where it takes parameters or a body, 413/415 where it takes a body, 404 where a
 * path id may name nothing (except PUT, which declares its own);</li>
 * <li>operationIds derived from the class and method (the CLASS_METHOD strategy) become one lowerCamel word,
 * which generators turn into method names;</li>
 * <li>an operation without a description gets its summary, a response without one its HTTP reason phrase.</li>
 * </ul>
 * What a filter cannot know (a success schema, 409 or 503 of an operation) stays the resource's job; the
 * services' OpenApiContractTest fails when it is missing.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, op) -> {
                    complete(item, method, op);
                    exampleBody(openAPI, op);
                }));
        // RFC 9457 allows extension members; some problems carry them (a partly accepted signal batch names what
        // was accepted), and a document that forbids them would make those answers non-conforming.
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().get("Problem") != null) {
            openAPI.getComponents().getSchemas().get("Problem").setAdditionalPropertiesBoolean(Boolean.TRUE);
        }
    }

    /**
     * A request body without an example gets one assembled from its fields' documented examples (the DTOs'
     * {@code @Schema(example = ...)}), so generators and fuzzers start from a valid body. Nothing is invented: a
     * required field without an example leaves the body without one, and the contract test names it.
     */
    private void exampleBody(OpenAPI openAPI, Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return;
        }
        op.getRequestBody().getContent().getMediaTypes().forEach((type, mt) -> {
            if (!type.contains("json") || mt.getExample() != null
                    || (mt.getExamples() != null && !mt.getExamples().isEmpty())) {
                return;
            }
            Object example = Examples.of(openAPI, mt.getSchema());
            if (example != null) {
                mt.setExample(example);
            }
        });
    }

    private void complete(PathItem item, PathItem.HttpMethod method, Operation op) {
        if (op.getOperationId() != null && op.getOperationId().contains("_")) {
            op.setOperationId(operationId(op.getOperationId()));
        }
        if (blank(op.getDescription()) && !blank(op.getSummary())) {
            op.setDescription(op.getSummary());
        }
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        List<Parameter> params = parameters(item, op);
        boolean body = op.getRequestBody() != null;
        if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
            addIfMissing(responses, "401", "No bearer token, or one that is invalid or expired");
            addIfMissing(responses, "403", "The token lacks a role this operation needs, or the data is out of "
                    + "the caller's scope");
            // Scoping asks the directory (governance) and fails closed when it cannot answer.
            addIfMissing(responses, "503", "A service this one depends on (the directory, governance, the "
                    + "database) did not answer; nothing was changed or disclosed; retry later");
        }
        if (body || !params.isEmpty()) {
            addIfMissing(responses, "400", "Invalid parameter or body; errors[].field names each one");
        }
        if (body) {
            addIfMissing(responses, "413", "Body larger than the service accepts");
            addIfMissing(responses, "415", "Body not sent as application/json");
        }
        boolean pathId = params.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        if (pathId && method != PathItem.HttpMethod.PUT) {
            addIfMissing(responses, "404", "Nothing with this id (or not visible to the caller)");
        }
        for (Map.Entry<String, APIResponse> e : responses.getAPIResponses().entrySet()) {
            APIResponse response = e.getValue();
            if (blank(response.getDescription())) {
                response.setDescription(reason(e.getKey()));
            }
            if (isError(e.getKey())) {
                response.setContent(problemContent());
            }
        }
    }

    /** "InterventionResource_assignOwner" → "interventionAssignOwner": stable as long as class and method are. */
    static String operationId(String classMethod) {
        int cut = classMethod.lastIndexOf('_');
        String type = classMethod.substring(0, cut).replaceFirst("Resource$", "");
        String name = classMethod.substring(cut + 1);
        return Character.toLowerCase(type.charAt(0)) + type.substring(1)
                + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static List<Parameter> parameters(PathItem item, Operation op) {
        List<Parameter> all = new java.util.ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            all.addAll(op.getParameters());
        }
        return all;
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static String reason(String code) {
        try {
            jakarta.ws.rs.core.Response.Status s = jakarta.ws.rs.core.Response.Status.fromStatusCode(
                    Integer.parseInt(code));
            return s != null ? s.getReasonPhrase() : "Response " + code;
        } catch (NumberFormatException e) {
            return "Any other response";
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
