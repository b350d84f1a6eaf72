package vn.cantho.ioc.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.store.StoreException;
import vn.cantho.ioc.store.StoreUnavailableException;

/** Which status and code each kind of failure is answered with. */
class ErrorMapperTest {

    private final ErrorMapper mapper = new ErrorMapper();

    @Test
    void an_api_exception_keeps_its_code_and_message() {
        // When
        ErrorResponse response = mapper.map(ApiException.badParameter("limit", "must be from 1 to 5000"), "GET", "/x");

        // Then
        assertThat(response)
                .isEqualTo(new ErrorResponse(400, new ApiError("BAD_PARAMETER", "limit: must be from 1 to 5000")));
    }

    @Test
    void unknown_ids_are_404_with_their_own_codes() {
        assertThat(mapper.map(new ApiException(ErrorCode.UNKNOWN_METRIC, "no metric 'x'"), "GET", "/x")
                        .status())
                .isEqualTo(404);
        assertThat(mapper.map(new ApiException(ErrorCode.UNKNOWN_DEVICE, "no device 'x'"), "GET", "/x")
                        .body()
                        .code())
                .isEqualTo("UNKNOWN_DEVICE");
        assertThat(mapper.map(new ApiException(ErrorCode.UNKNOWN_AREA, "no area 'x'"), "GET", "/x")
                        .body()
                        .code())
                .isEqualTo("UNKNOWN_AREA");
    }

    @Test
    void a_database_outage_is_503_without_internals() {
        // Given
        StoreUnavailableException outage = new StoreUnavailableException(
                "reading: Connection to db:5432 refused", new SQLException("refused", "08001"));

        // When
        ErrorResponse response = mapper.map(outage, "GET", "/api/v1/metrics/pm25/aggregates");

        // Then
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body().code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(response.body().message()).doesNotContain("5432");
    }

    @Test
    void an_unexpected_failure_is_500_with_a_reference_but_no_details() {
        // Given
        RuntimeException bug = new IllegalStateException("secret internal detail");

        // When
        ErrorResponse response = mapper.map(bug, "GET", "/api/v1/areas");

        // Then
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body().code()).isEqualTo("INTERNAL");
        assertThat(response.body().message())
                .startsWith("internal error; reference ")
                .doesNotContain("secret");
    }

    @Test
    void a_database_failure_that_is_not_an_outage_is_internal() {
        // When
        ErrorResponse response = mapper.map(
                new StoreException("reading: syntax error", new SQLException("x", "42601")),
                "GET",
                "/api/v1/metrics/pm25/aggregates");

        // Then
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body().code()).isEqualTo("INTERNAL");
    }

    @Test
    void routing_failures_become_not_found_and_method_not_allowed() {
        assertThat(mapper.map(new EndpointNotFound(HandlerType.GET, "/nope"), "GET", "/nope"))
                .isEqualTo(new ErrorResponse(404, new ApiError("NOT_FOUND", "no endpoint GET /nope")));
        assertThat(mapper.map(new MethodNotAllowedResponse(), "DELETE", "/health"))
                .isEqualTo(
                        new ErrorResponse(405, new ApiError("METHOD_NOT_ALLOWED", "DELETE is not allowed on /health")));
    }

    @Test
    void a_body_over_the_server_limit_is_413_payload_too_large() {
        ErrorResponse response =
                mapper.map(new io.javalin.http.ContentTooLargeResponse(), "POST", "/api/v1/alerts/1/ack");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body().code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void errors_the_http_server_raises_itself_get_stable_codes_and_no_exception_text() {
        assertThat(ErrorMapper.raisedByServer(414, "URI is too large >8192")
                        .body()
                        .code())
                .isEqualTo("URI_TOO_LONG");
        assertThat(ErrorMapper.raisedByServer(431, "Request Header Fields Too Large")
                        .body()
                        .code())
                .isEqualTo("HEADERS_TOO_LARGE");
        assertThat(ErrorMapper.raisedByServer(400, "Ambiguous URI path separator"))
                .isEqualTo(new ErrorResponse(
                        400, new ApiError("BAD_REQUEST", "malformed request: Ambiguous URI path separator")));
        assertThat(ErrorMapper.raisedByServer(400, "java.lang.IllegalArgumentException: x")
                        .body()
                        .message())
                .isEqualTo("malformed request");
        assertThat(ErrorMapper.raisedByServer(400, "Illegal character CNTL=0x0\u0000")
                        .body()
                        .message())
                .doesNotContain("\u0000");
        assertThat(ErrorMapper.raisedByServer(500, "boom").body().code()).isEqualTo("INTERNAL");
    }
}
