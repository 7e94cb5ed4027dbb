package io.wem.console.client;

/**
 * A service's answer: its status, the JSON body converted to plain maps and lists (what the templates read), and,
 * when it failed, the readable sentence to show instead. Status 0 means the service did not answer.
 */
public record ApiResult(int status, Object body, String error) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The status the page answers with: the service's own refusal (403, 404, 409) or 502 when it did not answer. */
    public int pageStatus() {
        if (ok()) {
            return 200;
        }
        if (status == 0 || status >= 500) {
            return 502;
        }
        return status;
    }
}
