package vn.cantho.ioc.api.http;

/** An error as it goes on the wire: HTTP status plus body. */
public record ErrorResponse(int status, ApiError body) {

    static ErrorResponse of(ErrorCode code, String message) {
        return new ErrorResponse(code.status(), new ApiError(code.name(), message));
    }
}
