package vn.cantho.ioc.api.http;

/** Thrown by request handling to answer with an error; {@link ErrorMapper} turns it into the response. */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** A 400 whose message starts with the parameter's name, e.g. {@code limit: must be at most 5000}. */
    public static ApiException badParameter(String parameter, String problem) {
        return new ApiException(ErrorCode.BAD_PARAMETER, parameter + ": " + problem);
    }

    public ErrorCode code() {
        return code;
    }
}
