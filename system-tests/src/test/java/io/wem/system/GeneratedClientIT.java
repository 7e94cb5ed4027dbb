package io.wem.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Java clients OpenAPI Generator 7.25 makes from the committed specs (module api-clients, spec validation on),
 * used as an integrator would, unmodified, against the running stack: one write and one read per service, typed.
 */
class GeneratedClientIT {

    /** A generated ApiClient pointed at a service, sending a bearer token on every request. */
    private static <C> C client(C client, WemService service, AccessToken token) {
        URI base = URI.create(service.baseUrl());
        try {
            client.getClass().getMethod("setScheme", String.class).invoke(client, base.getScheme());
            client.getClass().getMethod("setHost", String.class).invoke(client, base.getHost());
            client.getClass().getMethod("setPort", int.class).invoke(client, base.getPort());
            client.getClass().getMethod("setReadTimeout", Duration.class).invoke(client, Duration.ofSeconds(30));
            client.getClass().getMethod("setRequestInterceptor", java.util.function.Consumer.class).invoke(client,
                    (java.util.function.Consumer<java.net.http.HttpRequest.Builder>) b ->
                            b.header("Authorization", "Bearer " + token.raw()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return client;
    }

    @Test
    @DisplayName("signal-service: an integration posts a typed interaction signal; a supervisor reads the typed catalog")
    void signal() throws Exception {
        var integration = client(new io.wem.client.signal.ApiClient(), WemService.SIGNAL,
                Tokens.client("wem-integration"));
        var interaction = new io.wem.client.signal.model.InteractionSignal()
                .eventId(RunIds.next("evt")).kind(io.wem.client.signal.model.InteractionSignal.KindEnum.INTERACTION)
                .occurredAt(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5)).interactionId(RunIds.next("int"))
                .agentId("agent-north-01").teamId("team-north").channel("voice").queue("general")
                .contactReason("billing-question").startedAt(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(12))
                .talkSeconds(300).holdSeconds(20).holdCount(1).acwSeconds(60).transfers(0).disposition("resolved")
                .repeatContact(false).escalated(false).abusiveCustomer(false);
        var batch = new io.wem.client.signal.model.SignalBatch()
                .signals(List.of(new io.wem.client.signal.model.Signal(interaction)));
        io.wem.client.signal.model.IngestResult result =
                new io.wem.client.signal.api.SignalsApi(integration).signalIngest(batch);
        assertEquals(1, result.getAccepted() + result.getDuplicates(), "accepted or duplicate: " + result);

        var supervisor = client(new io.wem.client.signal.ApiClient(), WemService.SIGNAL, Tokens.user("supervisor1"));
        List<io.wem.client.signal.model.Behavior> catalog =
                new io.wem.client.signal.api.BehaviorCatalogApi(supervisor).behaviorList();
        assertFalse(catalog.isEmpty());
        assertTrue(catalog.stream().anyMatch(b -> "hold-usage".equals(b.getId()) && b.getMetric() != null), "" + catalog);
    }

    @Test
    @DisplayName("coaching-service: a platform admin sets an owner's capacity; a coach reads the typed playbooks")
    void coaching() throws Exception {
        var admin = client(new io.wem.client.coaching.ApiClient(), WemService.COACHING, Tokens.user("admin1"));
        String owner = "coach:team-genclient-" + RunIds.next("t");
        io.wem.client.coaching.model.Capacity capacity = new io.wem.client.coaching.api.BacklogAndCapacityApi(admin)
                .backlogSetCapacity(owner, new io.wem.client.coaching.model.CapacityRequest().weeklyCapacity(7));
        assertEquals(owner, capacity.getOwnerKey());
        assertEquals(7, capacity.getWeeklyCapacity());
        assertNotNull(capacity.getUpdatedAt());

        var coach = client(new io.wem.client.coaching.ApiClient(), WemService.COACHING, Tokens.user("coach1"));
        List<io.wem.client.coaching.model.Playbook> playbooks =
                new io.wem.client.coaching.api.PlaybooksApi(coach).playbookList(null, null);
        assertFalse(playbooks.isEmpty());
        assertTrue(playbooks.stream().allMatch(p -> p.getId() != null && p.getVersion() != null), "" + playbooks);
    }

    @Test
    @DisplayName("governance-service: signal-service's account redacts a card number; a CISO queries the audit log")
    void governance() throws Exception {
        var signal = client(new io.wem.client.governance.ApiClient(), WemService.GOVERNANCE,
                Tokens.service(WemService.SIGNAL));
        var redacted = new io.wem.client.governance.api.RedactionApi(signal).redact(
                new io.wem.client.governance.model.RedactionRequest()
                        .texts(List.of("sure, the card is 4111 1111 1111 1111, expiry 09/28")));
        String text = redacted.getResults().get(0).getText();
        assertFalse(text.replaceAll("\\D", "").contains("41111111"), text);
        assertFalse(redacted.getResults().get(0).getFindings().isEmpty());

        var ciso = client(new io.wem.client.governance.ApiClient(), WemService.GOVERNANCE, Tokens.user("ciso1"));
        io.wem.client.governance.model.AuditPage page = new io.wem.client.governance.api.AuditLogApi(ciso)
                .auditEvents(null, null, null, 0, null, 20, null, null);
        assertNotNull(page.getTotal());
        assertTrue(page.getItems().size() <= 20);
        page.getItems().forEach(e -> assertNotNull(e.getHash(), "entry without its chain hash: " + e));
    }

    @Test
    @DisplayName("wellbeing-service: a platform admin reads a team's typed policy and writes it back unchanged")
    void wellbeing() throws Exception {
        var admin = client(new io.wem.client.wellbeing.ApiClient(), WemService.WELLBEING, Tokens.user("admin1"));
        var api = new io.wem.client.wellbeing.api.GuardrailsApi(admin);
        io.wem.client.wellbeing.model.TeamPolicy before = api.guardrailPolicy("team-north");
        assertNotNull(before.getPolicy().getWindowDays());
        io.wem.client.wellbeing.model.TeamPolicy after = api.guardrailPutPolicy("team-north", before.getPolicy());
        assertEquals("team-north", after.getTeamId());
        assertEquals(before.getPolicy(), after.getPolicy(), "the round trip changed the policy");
    }
}
