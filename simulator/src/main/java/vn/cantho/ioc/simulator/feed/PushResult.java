package vn.cantho.ioc.simulator.feed;

/**
 * The feed API's answer to one push: the HTTP status and, for a 202, its counts.
 *
 * @param body the response body, for logs when something was refused
 */
public record PushResult(int status, int accepted, int rejected, int duplicates, int corrections, String body) {

    public boolean ok() {
        return status == 202 && rejected == 0;
    }
}
