package vn.cantho.ioc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void picked_ports_are_distinct_and_can_be_bound() throws IOException {
        // Given / When
        int[] ports = FreePorts.pick(3);

        // Then
        assertThat(ports).hasSize(3).doesNotHaveDuplicates();
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void a_given_port_is_kept_and_zero_becomes_a_free_one() {
        // Given / When / Then
        assertThat(FreePorts.orFree(4321)).isEqualTo(4321);
        assertThat(FreePorts.orFree(0)).isPositive();
    }

    @Test
    void a_number_outside_the_port_range_is_rejected() {
        // Given / When / Then
        assertThatThrownBy(() -> FreePorts.orFree(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FreePorts.orFree(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
