package io.wem.console.rest;

import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit search form's fields, passed on to governance's query and export as query parameters (encoded). */
public class AuditFilter {

    @QueryParam("actor")
    public String actor;
    @QueryParam("subject")
    public String subject;
    @QueryParam("action")
    public String action;
    @QueryParam("service")
    public String service;
    @QueryParam("from")
    public String from;
    @QueryParam("to")
    public String to;
    @QueryParam("page")
    public String page;
    @QueryParam("search")
    public String search;

    static final int PAGE_SIZE = 50;

    boolean searched() {
        return search != null;
    }

    /** "?a=b&..." of the filled fields ("" when none); with paging for the query, without it for the export. */
    String query(boolean withPage) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("actor", actor);
        fields.put("subject", subject);
        fields.put("action", action);
        fields.put("service", service);
        fields.put("from", from);
        fields.put("to", to);
        if (withPage) {
            fields.put("page", page);
            fields.put("size", String.valueOf(PAGE_SIZE));
        }
        StringBuilder q = new StringBuilder();
        fields.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                q.append(q.isEmpty() ? '?' : '&').append(k).append('=').append(Paths.segment(v.strip()));
            }
        });
        return q.toString();
    }

    /** The search's address for the page after governance's answer, or null on the last page. */
    String nextPage(Object answer) {
        if (!(answer instanceof Map<?, ?> page) || !(page.get("total") instanceof Number total)
                || !(page.get("page") instanceof Number current)) {
            return null;
        }
        int next = current.intValue() + 1;
        if ((long) next * PAGE_SIZE >= total.longValue()) {
            return null;
        }
        String q = query(false);
        return "/ciso/audit?search=1" + (q.isEmpty() ? "" : "&" + q.substring(1)) + "&page=" + next;
    }
}
