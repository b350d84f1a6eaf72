package vn.cantho.ioc.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShutdownHooksTest {

    @Test
    void a_registered_hook_is_removed_once_and_a_second_removal_says_so() {
        // Given
        Thread hook = new Thread(() -> {}, "test-hook");
        Runtime.getRuntime().addShutdownHook(hook);

        // When / Then
        assertThat(ShutdownHooks.remove(hook)).isTrue();
        assertThat(ShutdownHooks.remove(hook)).isFalse();
    }
}
