package io.wem.charts;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strict parser itself: it must reject what the Kubernetes API would reject or silently drop. */
class StrictKubernetesTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: demo}
            spec:
              replicas: 2
              selector: {matchLabels: {app: demo}}
              template:
                metadata: {labels: {app: demo}}
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      securityContext: {readOnlyRootFilesystem: true}
            """;

    @Test
    void acceptsAValidDeployment() {
        Deployment d = (Deployment) StrictKubernetes.parse(Chart.yamlObject(DEPLOYMENT));
        assertEquals(2, d.getSpec().getReplicas());
    }

    @Test
    void rejectsAnUnknownFieldDeepInside() {
        var e = assertThrows(IllegalArgumentException.class, () -> StrictKubernetes.parse(
                Chart.yamlObject(DEPLOYMENT.replace("readOnlyRootFilesystem", "readOnlyRootFileSystem"))));
        assertTrue(e.getMessage().contains("readOnlyRootFileSystem"), e.getMessage());
    }

    @Test
    void rejectsAStringWhereAnIntegerBelongs() {
        assertThrows(IllegalArgumentException.class,
                () -> StrictKubernetes.parse(Chart.yamlObject(DEPLOYMENT.replace("replicas: 2", "replicas: \"2\""))));
    }

    @Test
    void rejectsUnknownKinds() {
        assertThrows(IllegalArgumentException.class,
                () -> StrictKubernetes.parse(Chart.yamlObject(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet"))));
    }
}
