package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Start-up failures of {@link Database} that need no running server. */
class DatabaseTest {

    @Test
    void an_unreachable_database_fails_fast_with_the_url_but_not_the_password() throws IOException {
        // Given a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/ioc?password=s3cret-in-url";

        // When / Then
        assertThatThrownBy(() -> Database.open(url, "ioc", "s3cret-arg", 2))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + port + "/ioc")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void a_pool_size_below_one_is_rejected() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1/ioc", "ioc", "", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pool size");
    }
}
