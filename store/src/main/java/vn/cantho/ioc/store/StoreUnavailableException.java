package vn.cantho.ioc.store;

/**
 * The database could not be reached, refused connections, was shutting down or did not answer in
 * time. Transient by nature: retrying later is the right response.
 */
public class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
