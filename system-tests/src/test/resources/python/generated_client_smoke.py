"""Uses the Python clients OpenAPI Generator made from docs/api/*.openapi.json, unmodified, against a running stack.

Called by GeneratedPythonClientIT: python3 generated_client_smoke.py <service> <base url>, with the bearer token in
the environment variable WEM_TOKEN. The generated models are pydantic models, which validate every answer against
the document (types, required fields, nullability): an answer the document does not allow raises here.
Prints one line per check; exits non-zero on any failure.
"""
import os
import sys


def configured(module, base_url):
    config = module.Configuration(host=base_url, access_token=os.environ["WEM_TOKEN"])
    return module.ApiClient(config)


def signal(base_url):
    import wem_signal_client as m
    behaviors = m.BehaviorCatalogApi(configured(m, base_url)).behavior_list()
    assert behaviors, "empty behavior catalog"
    assert all(isinstance(b, m.Behavior) for b in behaviors)
    print("signal: %d behaviors, first %s" % (len(behaviors), behaviors[0].id))


def coaching(base_url):
    import wem_coaching_client as m
    playbooks = m.PlaybooksApi(configured(m, base_url)).playbook_list()
    assert playbooks, "no playbooks"
    print("coaching: %d playbooks, first %s v%d" % (len(playbooks), playbooks[0].id, playbooks[0].version))


def governance(base_url):
    import wem_governance_client as m
    page = m.AuditLogApi(configured(m, base_url)).audit_events(size=20)
    assert page.total is not None
    assert len(page.items) <= 20
    assert all(e.hash for e in page.items), "an audit entry without its chain hash"
    print("governance: audit page of %d, total %d" % (len(page.items), page.total))


def wellbeing(base_url):
    import wem_wellbeing_client as m
    policy = m.GuardrailsApi(configured(m, base_url)).guardrail_policy("team-north")
    assert policy.team_id == "team-north"
    print("wellbeing: policy of %s from %s" % (policy.team_id, policy.source))


if __name__ == "__main__":
    {"signal": signal, "coaching": coaching, "governance": governance, "wellbeing": wellbeing}[sys.argv[1]](sys.argv[2])
