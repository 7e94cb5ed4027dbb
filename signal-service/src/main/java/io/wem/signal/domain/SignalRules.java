package io.wem.signal.domain;

import io.wem.signal.api.Signal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Field rules of every signal kind, shared by the REST and Kafka paths so both refuse the same things.
 * Errors name the field with the caller's path prefix (e.g. {@code signals[3].agentId}).
 */
public final class SignalRules {
    public static final int MAX_ID = 100;
    public static final int MAX_TEXT = 100_000;
    /** Signals dated further in the future than this are clock errors, not data. */
    static final long MAX_FUTURE_SECONDS = 300;

    public record FieldError(String field, String message) {
    }

    private SignalRules() {
    }

    public static List<FieldError> validate(Signal s, String prefix, Instant now) {
        V v = new V(prefix);
        if (s == null) {
            v.add("", "must not be null");
            return v.errors;
        }
        v.id("eventId", s.eventId());
        v.time("occurredAt", s.occurredAt(), now);
        if (s instanceof Signal.Interaction i) {
            v.id("interactionId", i.interactionId());
            v.id("agentId", i.agentId());
            v.id("teamId", i.teamId());
            v.optId("channel", i.channel());
            v.optId("queue", i.queue());
            v.optId("contactReason", i.contactReason());
            v.optId("disposition", i.disposition());
            v.time("startedAt", i.startedAt(), now);
            v.nonNegative("talkSeconds", i.talkSeconds(), true);
            v.nonNegative("holdSeconds", i.holdSeconds(), false);
            v.nonNegative("holdCount", i.holdCount(), false);
            v.nonNegative("acwSeconds", i.acwSeconds(), true);
            v.nonNegative("transfers", i.transfers(), false);
            if (i.startedAt() != null && i.occurredAt() != null && i.startedAt().isAfter(i.occurredAt())) {
                v.add("startedAt", "must not be after occurredAt");
            }
        } else if (s instanceof Signal.QaEvaluation q) {
            v.id("evaluationId", q.evaluationId());
            v.optId("interactionId", q.interactionId());
            v.id("agentId", q.agentId());
            v.id("teamId", q.teamId());
            v.optId("evaluator", q.evaluator());
            v.range("totalScore", q.totalScore(), 0, 100, false);
            if (q.criteria() != null) {
                for (int k = 0; k < q.criteria().size(); k++) {
                    Signal.CriterionScore c = q.criteria().get(k);
                    String p = "criteria[" + k + "]";
                    if (c == null) {
                        v.add(p, "must not be null");
                        continue;
                    }
                    v.id(p + ".criterion", c.criterion());
                    v.range(p + ".score", c.score(), 0, 100, true);
                }
            }
            if (q.checklist() != null) {
                for (int k = 0; k < q.checklist().size(); k++) {
                    Signal.ChecklistItem c = q.checklist().get(k);
                    String p = "checklist[" + k + "]";
                    if (c == null) {
                        v.add(p, "must not be null");
                        continue;
                    }
                    v.id(p + ".item", c.item());
                    if (c.passed() == null) {
                        v.add(p + ".passed", "must not be null");
                    }
                }
            }
            boolean empty = (q.criteria() == null || q.criteria().isEmpty())
                    && (q.checklist() == null || q.checklist().isEmpty()) && q.totalScore() == null;
            if (empty) {
                v.add("criteria", "an evaluation needs criteria, checklist items or a totalScore");
            }
        } else if (s instanceof Signal.Survey sv) {
            v.id("interactionId", sv.interactionId());
            if (sv.csat() == null && sv.nps() == null) {
                v.add("csat", "csat or nps is required");
            }
            v.range("csat", sv.csat() == null ? null : sv.csat().doubleValue(), 1, 5, false);
            v.range("nps", sv.nps() == null ? null : sv.nps().doubleValue(), 0, 10, false);
        } else if (s instanceof Signal.Sentiment se) {
            v.id("interactionId", se.interactionId());
            v.range("score", se.score(), -1, 1, true);
        } else if (s instanceof Signal.Adherence a) {
            v.id("agentId", a.agentId());
            v.id("teamId", a.teamId());
            v.interval(a.intervalStart(), a.intervalEnd(), now);
            v.range("adherencePct", a.adherencePct(), 0, 100, true);
            if (a.breaks() != null) {
                for (int k = 0; k < a.breaks().size(); k++) {
                    Signal.Break b = a.breaks().get(k);
                    String p = "breaks[" + k + "]";
                    if (b == null || b.start() == null || b.end() == null) {
                        v.add(p, "start and end are required");
                    } else if (!b.end().isAfter(b.start())) {
                        v.add(p + ".end", "must be after start");
                    }
                }
            }
        } else if (s instanceof Signal.Staffing st) {
            v.id("teamId", st.teamId());
            v.optId("queue", st.queue());
            v.interval(st.intervalStart(), st.intervalEnd(), now);
            v.nonNegative("scheduledAgents", st.scheduledAgents(), true);
            v.nonNegative("requiredAgents", st.requiredAgents(), true);
            v.range("occupancy", st.occupancy(), 0, 1, false);
        } else if (s instanceof Signal.Transcript t) {
            v.id("interactionId", t.interactionId());
            v.id("agentId", t.agentId());
            v.id("teamId", t.teamId());
            if (t.text() == null || t.text().isBlank()) {
                v.add("text", "must not be blank");
            } else if (t.text().length() > MAX_TEXT) {
                v.add("text", "must be at most " + MAX_TEXT + " characters");
            }
        } else if (s instanceof Signal.LiveMonitoring m) {
            v.id("agentId", m.agentId());
            v.id("teamId", m.teamId());
            v.optId("monitor", m.monitor());
            v.time("at", m.at(), now);
        }
        if (s.kind() == null || !Signal.KINDS.contains(s.kind())) {
            v.add("kind", "must be one of " + Signal.KINDS);
        }
        return v.errors;
    }

    private static final class V {
        final String prefix;
        final List<FieldError> errors = new ArrayList<>();

        V(String prefix) {
            this.prefix = prefix;
        }

        void add(String field, String message) {
            String f = field.isEmpty() ? prefix : (prefix.isEmpty() ? field : prefix + "." + field);
            errors.add(new FieldError(f, message));
        }

        void id(String field, String value) {
            if (value == null || value.isBlank()) {
                add(field, "must not be blank");
            } else {
                optId(field, value);
            }
        }

        void optId(String field, String value) {
            if (value != null && value.length() > MAX_ID) {
                add(field, "must be at most " + MAX_ID + " characters");
            }
        }

        void time(String field, Instant value, Instant now) {
            if (value == null) {
                add(field, "must not be null");
            } else if (value.isAfter(now.plusSeconds(MAX_FUTURE_SECONDS))) {
                add(field, "must not be in the future");
            }
        }

        void nonNegative(String field, Integer value, boolean required) {
            if (value == null) {
                if (required) {
                    add(field, "must not be null");
                }
            } else if (value < 0) {
                add(field, "must be >= 0");
            }
        }

        void range(String field, Double value, double min, double max, boolean required) {
            if (value == null) {
                if (required) {
                    add(field, "must not be null");
                }
            } else if (value.isNaN() || value < min || value > max) {
                add(field, "must be between " + fmt(min) + " and " + fmt(max));
            }
        }

        void interval(Instant start, Instant end, Instant now) {
            time("intervalStart", start, now);
            if (end == null) {
                add("intervalEnd", "must not be null");
            } else if (start != null && !end.isAfter(start)) {
                add("intervalEnd", "must be after intervalStart");
            }
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }
}
