package io.wem.charts;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

import java.util.Map;

/**
 * Parses rendered objects into the fabric8 Kubernetes model and FAILS on any field the model does not know.
 * fabric8 classes collect unknown fields in an any-setter ("additionalProperties"), which would hide a typo such as
 * readOnlyRootFileSystem; removing the any-setter lets FAIL_ON_UNKNOWN_PROPERTIES do its job.
 */
final class StrictKubernetes {

    /** Strimzi's KafkaTopic is not in fabric8: the fields the chart may write, nothing else. */
    record KafkaTopic(String apiVersion, String kind, ObjectMeta metadata, KafkaTopicSpec spec) {
    }

    record KafkaTopicSpec(String topicName, Integer partitions, Integer replicas, Map<String, String> config) {
    }

    /** Strimzi's KafkaUser (v1beta2): SCRAM authentication and simple ACLs, the fields the chart may write. */
    record KafkaUser(String apiVersion, String kind, ObjectMeta metadata, KafkaUserSpec spec) {
    }

    record KafkaUserSpec(KafkaUserAuthentication authentication, KafkaUserAuthorization authorization) {
    }

    record KafkaUserAuthentication(String type) {
    }

    record KafkaUserAuthorization(String type, java.util.List<KafkaUserAcl> acls) {
    }

    record KafkaUserAcl(KafkaUserAclResource resource, java.util.List<String> operations, String host) {
    }

    record KafkaUserAclResource(String type, String name, String patternType) {
    }

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Pod", Pod.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class));

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // "replicas: '2'" must not silently become 2.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("strict-kubernetes").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                             BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                    return builder;
                }
            }))
            .build();

    private StrictKubernetes() {
    }

    /** Returns the typed object, or throws IllegalArgumentException naming the object and the offending field. */
    static Object parse(JsonNode doc) {
        String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        Class<?> target = TYPES.get(type);
        if (target == null) {
            throw new IllegalArgumentException("unexpected object type " + type + " (" + Chart.describe(doc) + ")");
        }
        try {
            return STRICT.treeToValue(doc, target);
        } catch (Exception e) {
            throw new IllegalArgumentException(Chart.describe(doc) + " is not a valid " + type + ": " + e.getMessage(), e);
        }
    }
}
